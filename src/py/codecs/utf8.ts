// UTF-8 with CPython's error ranges and reasons (the "maximal subpart" rule): invalid start byte,
// invalid continuation byte, unexpected end of data; surrogates cannot be encoded.
import type { DecodeErrorHandler, EncodeErrorHandler } from './handlers';

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// The valid range of the second byte for each lead byte, and how many continuation bytes follow.
function leadInfo(b: number): { need: number; lo: number; hi: number } | null {
  if (b >= 0xc2 && b <= 0xdf) return { need: 1, lo: 0x80, hi: 0xbf };
  if (b === 0xe0) return { need: 2, lo: 0xa0, hi: 0xbf };
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return { need: 2, lo: 0x80, hi: 0xbf };
  if (b === 0xed) return { need: 2, lo: 0x80, hi: 0x9f };
  if (b === 0xf0) return { need: 3, lo: 0x90, hi: 0xbf };
  if (b >= 0xf1 && b <= 0xf3) return { need: 3, lo: 0x80, hi: 0xbf };
  if (b === 0xf4) return { need: 3, lo: 0x80, hi: 0x8f };
  return null;
}

export function decodeUtf8(data: Uint8Array, onError: DecodeErrorHandler): string {
  try {
    return strictDecoder.decode(data);
  } catch {
    // Fall through to the exact decoder, which knows where and why.
  }
  const parts: string[] = [];
  let plainStart = 0;
  let i = 0;
  const n = data.length;
  const flush = (end: number) => {
    if (end > plainStart) parts.push(strictDecoder.decode(data.subarray(plainStart, end)));
  };
  outer: while (i < n) {
    const b = data[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const info = leadInfo(b);
    if (info === null) {
      flush(i);
      parts.push(onError(i, i + 1, 'invalid start byte'));
      plainStart = ++i;
      continue;
    }
    for (let j = 1; j <= info.need; j++) {
      if (i + j >= n) {
        flush(i);
        parts.push(onError(i, n, 'unexpected end of data'));
        plainStart = i = n;
        break outer;
      }
      const c = data[i + j] as number;
      const ok = j === 1 ? c >= info.lo && c <= info.hi : c >= 0x80 && c <= 0xbf;
      if (!ok) {
        flush(i);
        parts.push(onError(i, i + j, 'invalid continuation byte'));
        plainStart = i = i + j;
        continue outer;
      }
    }
    i += info.need + 1;
  }
  flush(n);
  return parts.join('');
}

export function encodeUtf8(points: number[], onError: EncodeErrorHandler): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < points.length) {
    const cp = points[i] as number;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      let end = i + 1;
      while (end < points.length && (points[end] as number) >= 0xd800 && (points[end] as number) <= 0xdfff) end++;
      out.push(...onError(i, end, 'surrogates not allowed'));
      i = end;
      continue;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    i++;
  }
  return Uint8Array.from(out);
}
