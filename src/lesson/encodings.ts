// The text encodings a lesson may name for what peers send and read: the ones the curriculum uses.

import { encodeText as encodeWithCodec } from '../py/codecs';
import { PyException } from '../py/exceptions/classes';

/** Canonical name -> the names Python also accepts for it (after lower-casing, '_' read as '-'). */
const ENCODINGS: Readonly<Record<string, readonly string[]>> = {
  'utf-8': ['utf-8', 'utf8', 'u8'],
  ascii: ['ascii', 'us-ascii'],
  'latin-1': ['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', 'l1'],
  gbk: ['gbk', 'cp936'],
  gb2312: ['gb2312'],
  gb18030: ['gb18030'],
  big5: ['big5'],
};

export const ENCODING_NAMES: readonly string[] = Object.keys(ENCODINGS);

/** The canonical name for an encoding name as Python would accept it, or null if unsupported. */
export function canonicalEncoding(name: string): string | null {
  const normal = name.trim().toLowerCase().replace(/[_ ]/g, '-');
  for (const [canonical, aliases] of Object.entries(ENCODINGS)) {
    if (aliases.includes(normal)) return canonical;
  }
  return null;
}

export type EncodeResult = { ok: true; bytes: Uint8Array; encoding: string } | { ok: false; message: string };

/** Encodes strictly: a character the encoding cannot represent is an error, as in Python. */
export function encodeText(text: string, encoding: string): EncodeResult {
  const canonical = canonicalEncoding(encoding);
  if (canonical === null) {
    return { ok: false, message: `unknown encoding '${encoding}' (use one of: ${ENCODING_NAMES.join(', ')})` };
  }
  let bytes: Uint8Array;
  try {
    bytes = encodeWithCodec(text, canonical, 'strict');
  } catch (error) {
    if (!(error instanceof PyException)) throw error;
    const bad = [...text].find((ch) => {
      try {
        encodeWithCodec(ch, canonical, 'strict');
        return false;
      } catch {
        return true;
      }
    });
    const code = (bad ?? '?').codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, message: `'${canonical}' cannot encode the character U+${code}` };
  }
  return { ok: true, bytes: new Uint8Array(bytes), encoding: canonical };
}
