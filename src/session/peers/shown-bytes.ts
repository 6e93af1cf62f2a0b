// Network bytes in the words of the peer log. Received bytes are hostile: they never reach the log raw,
// only as the Python bytes repr or escaped text, so nothing a learner sends can drive the terminal.
import { bytesRepr } from '../../py/format/bytes-repr';

/** Bytes shown in full up to this many; longer data is shown by its start and its length. */
export const SHOWN_BYTES = 80;

/** b'Welcome!' as Python prints it; a long value as its start and its length: b'xxxx'... (10000 bytes). */
export function shownBytes(data: Uint8Array, max = SHOWN_BYTES): string {
  if (data.length <= max) return bytesRepr(data);
  return `${bytesRepr(data.subarray(0, max))}... (${data.length} bytes)`;
}

/**
 * One line of a text protocol (an HTTP request line) shown as text: printable ASCII as is, a backslash
 * doubled, every other byte as \xhh, cut at `max` characters with '...'.
 */
export function shownLine(data: Uint8Array, max = 200): string {
  let out = '';
  for (const b of data) {
    if (out.length >= max) return `${out}...`;
    if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** '1 byte', '27 bytes'. */
export function byteCount(n: number): string {
  return n === 1 ? '1 byte' : `${n} bytes`;
}
