// CPython's repr() of a bytes object, the way received data is shown: printable ASCII as is,
// \t \n \r \\ escaped, everything else \xhh; single quotes unless the bytes contain ' and no ".

const SINGLE_QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function bytesRepr(data: Uint8Array): string {
  const quote = data.includes(SINGLE_QUOTE) && !data.includes(DOUBLE_QUOTE) ? DOUBLE_QUOTE : SINGLE_QUOTE;
  const parts: string[] = ['b', String.fromCharCode(quote)];
  for (const byte of data) {
    if (byte === quote || byte === BACKSLASH) parts.push(`\\${String.fromCharCode(byte)}`);
    else if (byte === 0x09) parts.push('\\t');
    else if (byte === 0x0a) parts.push('\\n');
    else if (byte === 0x0d) parts.push('\\r');
    else if (byte >= 0x20 && byte < 0x7f) parts.push(String.fromCharCode(byte));
    else parts.push(`\\x${byte.toString(16).padStart(2, '0')}`);
  }
  parts.push(String.fromCharCode(quote));
  return parts.join('');
}

/** The repr of at most `limit` bytes, with how many were left out, for showing huge payloads. */
export function bytesReprPrefix(data: Uint8Array, limit: number): { repr: string; omitted: number } {
  const shown = Math.max(0, Math.min(data.length, Math.floor(limit)));
  return { repr: bytesRepr(data.subarray(0, shown)), omitted: data.length - shown };
}
