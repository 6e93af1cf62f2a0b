// A scripted server's answer to one message: the reply template filled in, and the exit test.
// Received bytes are whatever the learner sent: a byte the encoding cannot decode becomes U+FFFD and a
// character it cannot encode becomes '?', as Python's errors='replace' does, so no message can fail.
import { decodeBytes, encodeText } from '../../py/codecs';
import type { ReplyTemplate, TemplatePlaceholder } from '../../lesson/model';

function decode(data: Uint8Array, encoding: string): string {
  return decodeBytes(data, encoding, 'replace');
}

function encode(text: string, encoding: string): Uint8Array {
  return encodeText(text, encoding, 'replace');
}

function placeholderValue(name: TemplatePlaceholder, data: Uint8Array, text: string): string {
  switch (name) {
    case 'data':
      return text;
    case 'upper':
      return text.toUpperCase();
    case 'lower':
      return text.toLowerCase();
    case 'length':
      return String(data.length);
  }
}

/** The reply to `data`: the template with {data}/{upper}/{lower}/{length} filled in, encoded. */
export function fillReply(template: ReplyTemplate, data: Uint8Array, encoding: string): Uint8Array {
  const text = decode(data, encoding);
  let out = '';
  for (const part of template.parts) out += 'text' in part ? part.text : placeholderValue(part.placeholder, data, text);
  return encode(out, encoding);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Does the chunk equal the exit message, ignoring one trailing '\r\n' or '\n'? */
export function isExitMessage(chunk: Uint8Array, exit: Uint8Array): boolean {
  if (sameBytes(chunk, exit)) return true;
  const n = chunk.length;
  if (n >= 2 && chunk[n - 2] === 0x0d && chunk[n - 1] === 0x0a && sameBytes(chunk.subarray(0, n - 2), exit)) return true;
  return n >= 1 && chunk[n - 1] === 0x0a && sameBytes(chunk.subarray(0, n - 1), exit);
}
