// Decoding received bytes for the bytes panel, strictly, the way CPython's bytes.decode() does:
// either the text, or the error CPython would raise, in its words.
import iconv from 'iconv-lite';

export const DECODINGS = ['utf-8', 'gbk', 'latin-1'] as const;
export type Decoding = (typeof DECODINGS)[number];

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

export function nextDecoding(current: Decoding): Decoding {
  const index = DECODINGS.indexOf(current);
  return DECODINGS[(index + 1) % DECODINGS.length] ?? 'utf-8';
}

function hex2(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

function decodeError(codec: string, data: Uint8Array, start: number, end: number, reason: string): DecodeResult {
  const where =
    end - start <= 1
      ? `byte ${hex2(data[start] ?? 0)} in position ${start}`
      : `bytes in position ${start}-${end - 1}`;
  return { ok: false, message: `'${codec}' codec can't decode ${where}: ${reason}` };
}

/** Allowed range of the byte after a UTF-8 lead byte (Unicode 15, table 3-7), or null for a bad lead. */
function utf8Shape(lead: number): { length: number; low: number; high: number } | null {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f };
  return null;
}

function decodeUtf8(data: Uint8Array): DecodeResult {
  for (let i = 0; i < data.length; ) {
    const lead = data[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const shape = utf8Shape(lead);
    if (!shape) return decodeError('utf-8', data, i, i + 1, 'invalid start byte');
    let valid = 1;
    while (valid < shape.length) {
      const byte = data[i + valid];
      if (byte === undefined) return decodeError('utf-8', data, i, i + valid, 'unexpected end of data');
      const [low, high] = valid === 1 ? [shape.low, shape.high] : [0x80, 0xbf];
      if (byte < low || byte > high) return decodeError('utf-8', data, i, i + valid, 'invalid continuation byte');
      valid++;
    }
    i += shape.length;
  }
  // A BOM is data, as in CPython's utf-8 codec.
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(data) };
}

function isPrivateUse(codePoint: number): boolean {
  return codePoint >= 0xe000 && codePoint <= 0xf8ff;
}

// iconv-lite's gbk is Microsoft's cp936: it maps 0x80 to the euro sign and the user-defined areas to
// private-use code points, where CPython's gbk raises. Checking pair by pair keeps CPython's answer.
function decodeGbk(data: Uint8Array): DecodeResult {
  let text = '';
  for (let i = 0; i < data.length; ) {
    const lead = data[i] ?? 0;
    if (lead < 0x80) {
      text += String.fromCharCode(lead);
      i++;
      continue;
    }
    if (i + 1 >= data.length) return decodeError('gbk', data, i, i + 1, 'incomplete multibyte sequence');
    if (lead === 0x80 || lead === 0xff) return decodeError('gbk', data, i, i + 1, 'illegal multibyte sequence');
    const pair = iconv.decode(Buffer.from(data.subarray(i, i + 2)), 'gbk');
    const codePoint = pair.codePointAt(0) ?? 0xfffd;
    if (pair.length !== 1 || codePoint === 0xfffd || isPrivateUse(codePoint)) {
      return decodeError('gbk', data, i, i + 1, 'illegal multibyte sequence');
    }
    text += pair;
    i += 2;
  }
  return { ok: true, text };
}

export function decodeBytes(data: Uint8Array, decoding: Decoding): DecodeResult {
  switch (decoding) {
    case 'utf-8':
      return decodeUtf8(data);
    case 'gbk':
      return decodeGbk(data);
    case 'latin-1':
      return { ok: true, text: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1') };
    default:
      return { ok: false, message: `unknown decoding: ${String(decoding)}` };
  }
}
