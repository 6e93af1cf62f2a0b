// `hexdump -C` as a list of lines: offset, hex bytes in two groups, the printable ASCII column, `*` for
// a run of identical lines, and the total length last. Narrow screens use 8 bytes a line instead of 16.

export type BytesPerLine = 8 | 16;

function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}

function offsetText(offset: number): string {
  return offset.toString(16).padStart(8, '0');
}

function asciiColumn(chunk: Uint8Array): string {
  let out = '';
  for (const byte of chunk) out += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
  return out;
}

function hexColumn(chunk: Uint8Array, bytesPerLine: BytesPerLine): string {
  const half = bytesPerLine / 2;
  let out = '';
  for (let i = 0; i < bytesPerLine; i++) {
    if (i === half) out += ' ';
    const byte = chunk[i];
    out += byte === undefined ? '   ' : `${hex2(byte)} `;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Columns one hexdump line takes. */
export function hexdumpLineWidth(bytesPerLine: BytesPerLine): number {
  // offset, two spaces, the hex bytes with their group gap, a space, the ASCII column in bars
  return 8 + 2 + bytesPerLine * 3 + 1 + 1 + 2 + bytesPerLine;
}

/** The widest layout that fits in `width` columns. */
export function bytesPerLineFor(width: number): BytesPerLine {
  return width >= hexdumpLineWidth(16) ? 16 : 8;
}

/**
 * The dump's lines, as `hexdump -C` prints them. With `maxLines`, stops early (the caller says what
 * was left out); the closing total-length line is included only when the whole dump fits.
 */
export function hexdumpLines(data: Uint8Array, bytesPerLine: BytesPerLine = 16, maxLines = Infinity): string[] {
  // hexdump prints nothing at all for empty input, not even a length line
  if (data.length === 0) return [];
  const lines: string[] = [];
  let previous: Uint8Array | null = null;
  let starred = false;
  for (let offset = 0; offset < data.length; offset += bytesPerLine) {
    if (lines.length >= maxLines) return lines;
    const chunk = data.subarray(offset, offset + bytesPerLine);
    if (previous && chunk.length === bytesPerLine && sameBytes(chunk, previous)) {
      if (!starred) lines.push('*');
      starred = true;
      continue;
    }
    starred = false;
    previous = chunk;
    lines.push(`${offsetText(offset)}  ${hexColumn(chunk, bytesPerLine)} |${asciiColumn(chunk)}|`);
  }
  if (lines.length >= maxLines) return lines;
  lines.push(offsetText(data.length));
  return lines;
}
