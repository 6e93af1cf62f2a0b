// The Chinese multibyte codecs (gbk, gb2312, gb18030, big5): iconv-lite maps the characters and
// cjk-tables.ts supplies CPython's rules (which byte pairs are valid, where its mappings differ),
// so results and errors ('illegal multibyte sequence', 'incomplete multibyte sequence') match CPython.
import { createRequire } from 'node:module';
import { CJK_TABLES } from './cjk-tables';
import type { DecodeErrorHandler, EncodeErrorHandler } from './handlers';

interface Prepared {
  valid: Uint8Array;
  decode: ReadonlyMap<string, string>;
  encode: ReadonlyMap<number, string | null>;
}

const prepared = new Map<string, Prepared>();

type Iconv = typeof import('iconv-lite');
let iconvModule: Iconv | null = null;

/**
 * iconv-lite, loaded the first time a Chinese codec is used: its tables are most of socklab's code by
 * size, and most sessions never need them (start-up time is part of the product).
 */
function iconv(): Iconv {
  iconvModule ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconvModule;
}

function tableFor(encoding: string): Prepared {
  let t = prepared.get(encoding);
  if (!t) {
    const raw = CJK_TABLES[encoding];
    if (!raw) throw new Error(`no CJK table for ${encoding}`);
    const encodeOverrides = new Map<number, string | null>(Object.entries(raw.encode).map(([k, v]) => [Number(k), v]));
    const decode = new Map(Object.entries(raw.decode));
    // CPython encodes a character to the bytes it decodes to where its mapping differs.
    for (const [hex, text] of decode) {
      const cp = text.codePointAt(0) as number;
      if (!encodeOverrides.has(cp)) encodeOverrides.set(cp, hex);
    }
    t = { valid: new Uint8Array(Buffer.from(raw.valid, 'base64')), decode, encode: encodeOverrides };
    prepared.set(encoding, t);
  }
  return t;
}

function isValidPair(t: Prepared, lead: number, trail: number): boolean {
  if (lead < 0x81 || lead > 0xfe) return false;
  const byte = t.valid[(lead - 0x81) * 32 + (trail >> 3)] as number;
  return (byte & (1 << (trail & 7))) !== 0;
}

function hexOf(bytes: ArrayLike<number>): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += (bytes[i] as number).toString(16).padStart(2, '0');
  return out;
}

function mapSequence(encoding: string, t: Prepared, bytes: Uint8Array): string {
  const hex = hexOf(bytes);
  return t.decode.get(hex) ?? iconv().decode(Buffer.from(bytes), encoding);
}

// A gb18030 four-byte sequence: the code point it stands for, or null when out of range.
function gb18030FourByte(c1: number, c2: number, c3: number, c4: number): 'bmp' | number | null {
  if (c1 < 0x81 || c1 > 0xfe || c3 < 0x81 || c3 > 0xfe || c4 < 0x30 || c4 > 0x39) return null;
  const a = c1 - 0x81;
  const seq = (((a * 10 + (c2 - 0x30)) * 126 + (c3 - 0x81)) * 10) + (c4 - 0x30);
  if (a < 4) return seq < 39420 ? 'bmp' : null;
  if (a >= 15) {
    const cp = 0x10000 + ((a - 15) * 10 + (c2 - 0x30)) * 1260 + (c3 - 0x81) * 10 + (c4 - 0x30);
    return cp <= 0x10ffff ? cp : null;
  }
  return null;
}

export function decodeCjk(encoding: string, data: Uint8Array, onError: DecodeErrorHandler): string {
  const t = tableFor(encoding);
  const parts: string[] = [];
  const n = data.length;
  let i = 0;
  while (i < n) {
    const c = data[i] as number;
    if (c < 0x80) {
      let end = i + 1;
      while (end < n && (data[end] as number) < 0x80) end++;
      parts.push(Buffer.from(data.buffer, data.byteOffset + i, end - i).toString('latin1'));
      i = end;
      continue;
    }
    if (i + 1 >= n) {
      parts.push(onError(i, n, 'incomplete multibyte sequence'));
      i = n;
      continue;
    }
    const c2 = data[i + 1] as number;
    if (encoding === 'gb18030' && c2 >= 0x30 && c2 <= 0x39) {
      if (i + 3 >= n) {
        parts.push(onError(i, n, 'incomplete multibyte sequence'));
        i = n;
        continue;
      }
      const kind = gb18030FourByte(c, c2, data[i + 2] as number, data[i + 3] as number);
      if (kind === null) {
        parts.push(onError(i, i + 1, 'illegal multibyte sequence'));
        i += 1;
        continue;
      }
      parts.push(kind === 'bmp' ? mapSequence(encoding, t, data.subarray(i, i + 4)) : String.fromCodePoint(kind));
      i += 4;
      continue;
    }
    if (!isValidPair(t, c, c2)) {
      parts.push(onError(i, i + 1, 'illegal multibyte sequence'));
      i += 1;
      continue;
    }
    parts.push(mapSequence(encoding, t, data.subarray(i, i + 2)));
    i += 2;
  }
  return parts.join('');
}

// What CPython's decoder makes of bytes, or null when it rejects them: for checking an encoding.
function decodesTo(encoding: string, t: Prepared, bytes: Uint8Array): string | null {
  if (bytes.length === 1) return (bytes[0] as number) < 0x80 ? String.fromCharCode(bytes[0] as number) : null;
  if (bytes.length === 2) {
    if (!isValidPair(t, bytes[0] as number, bytes[1] as number)) return null;
    return mapSequence(encoding, t, bytes);
  }
  if (bytes.length === 4 && encoding === 'gb18030') {
    const kind = gb18030FourByte(bytes[0] as number, bytes[1] as number, bytes[2] as number, bytes[3] as number);
    if (kind === null) return null;
    return kind === 'bmp' ? mapSequence(encoding, t, bytes) : String.fromCodePoint(kind);
  }
  return null;
}

function encodeChar(encoding: string, t: Prepared, cp: number): number[] | null {
  if (cp < 0x80) return [cp];
  const override = t.encode.get(cp);
  if (override !== undefined) return override === null ? null : [...Buffer.from(override, 'hex')];
  if (cp >= 0xd800 && cp <= 0xdfff) return null;
  const ch = String.fromCodePoint(cp);
  const bytes = new Uint8Array(iconv().encode(ch, encoding));
  return decodesTo(encoding, t, bytes) === ch ? [...bytes] : null;
}

export function encodeCjk(encoding: string, points: number[], onError: EncodeErrorHandler): Uint8Array {
  const t = tableFor(encoding);
  const out: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const bytes = encodeChar(encoding, t, points[i] as number);
    if (bytes === null) out.push(...onError(i, i + 1, 'illegal multibyte sequence'));
    else out.push(...bytes);
  }
  return Uint8Array.from(out);
}
