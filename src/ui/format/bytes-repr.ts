// How received data is shown: CPython's repr() of the bytes (the interpreter's own function), cut to
// a length that fits on screen for huge payloads.
import { bytesRepr } from '../../py/format/bytes-repr';

export { bytesRepr };

/** The repr of at most `limit` bytes, with how many were left out, for showing huge payloads. */
export function bytesReprPrefix(data: Uint8Array, limit: number): { repr: string; omitted: number } {
  const shown = Math.max(0, Math.min(data.length, Math.floor(limit)));
  return { repr: bytesRepr(data.subarray(0, shown)), omitted: data.length - shown };
}
