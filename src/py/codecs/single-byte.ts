// ascii and latin-1: one byte per character. Decode errors are per byte; encode errors cover each
// run of characters the codec cannot encode, as CPython reports them.
import type { DecodeErrorHandler, EncodeErrorHandler } from './handlers';
import { latin1Text } from '../objects/bytes';

export function decodeAscii(data: Uint8Array, onError: DecodeErrorHandler): string {
  let clean = true;
  for (const b of data) if (b >= 0x80) clean = false;
  if (clean) return latin1Text(data);
  let out = '';
  for (let i = 0; i < data.length; i++) {
    const b = data[i] as number;
    out += b < 0x80 ? String.fromCharCode(b) : onError(i, i + 1, 'ordinal not in range(128)');
  }
  return out;
}

export function decodeLatin1(data: Uint8Array): string {
  return latin1Text(data);
}

export function encodeSingleByte(points: number[], limit: 128 | 256, onError: EncodeErrorHandler): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < points.length) {
    const cp = points[i] as number;
    if (cp < limit) {
      out.push(cp);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < points.length && (points[end] as number) >= limit) end++;
    out.push(...onError(i, end, `ordinal not in range(${limit})`));
    i = end;
  }
  return Uint8Array.from(out);
}
