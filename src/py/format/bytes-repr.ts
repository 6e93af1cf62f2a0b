// repr() of bytes: printable ASCII as is; \t \n \r \\ escaped; everything else \xhh; single quotes
// unless the value contains ' and no ".

// The text of each byte value, for each choice of quote.
function table(quote: number): string[] {
  const out: string[] = [];
  for (let b = 0; b < 256; b++) {
    if (b === quote || b === 0x5c) out.push(`\\${String.fromCharCode(b)}`);
    else if (b === 0x09) out.push('\\t');
    else if (b === 0x0a) out.push('\\n');
    else if (b === 0x0d) out.push('\\r');
    else if (b < 0x20 || b >= 0x7f) out.push(`\\x${b.toString(16).padStart(2, '0')}`);
    else out.push(String.fromCharCode(b));
  }
  return out;
}

const SINGLE = table(0x27);
const DOUBLE = table(0x22);
const CHUNK = 65536;

export function bytesRepr(data: Uint8Array, prefix = 'b'): string {
  const hasSingle = data.includes(0x27);
  const useDouble = hasSingle && !data.includes(0x22);
  const t = useDouble ? DOUBLE : SINGLE;
  const q = useDouble ? '"' : "'";
  const parts: string[] = [];
  for (let start = 0; start < data.length; start += CHUNK) {
    const end = Math.min(data.length, start + CHUNK);
    const piece: string[] = new Array(end - start);
    for (let i = start; i < end; i++) piece[i - start] = t[data[i] as number] as string;
    parts.push(piece.join(''));
  }
  return `${prefix}${q}${parts.join('')}${q}`;
}
