// The decodings the bytes panel offers, in the order Ctrl+T steps through them. The decoding itself
// (decode-codec.ts) uses the interpreter's codecs, loaded only once there are bytes to decode.

export const DECODINGS = ['utf-8', 'gbk', 'latin-1'] as const;
export type Decoding = (typeof DECODINGS)[number];

export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

export function nextDecoding(current: Decoding): Decoding {
  const index = DECODINGS.indexOf(current);
  return DECODINGS[(index + 1) % DECODINGS.length] ?? 'utf-8';
}
