// Columns a string takes in a terminal, and cutting strings to a number of columns. Input is expected
// to be safe text already (no controls): East Asian wide characters count 2, combining marks 0.

// East Asian Width W and F blocks (UAX #11), merged into ranges; close enough for layout.
const wideRanges: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0],
  [0x23f3, 0x23f3], [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f],
  [0x2693, 0x2693], [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5],
  [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5],
  [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728],
  [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55],
  [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4], [0x17000, 0x18cff], [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e], [0x1f191, 0x1f19a], [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb], [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

const zeroWidth = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]$/u;
const plainAscii = /^[\x20-\x7e]*$/;

function isWide(codePoint: number): boolean {
  if (codePoint < 0x1100) return false;
  let low = 0;
  let high = wideRanges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = wideRanges[mid];
    if (!range) return false;
    if (codePoint < range[0]) high = mid - 1;
    else if (codePoint > range[1]) low = mid + 1;
    else return true;
  }
  return false;
}

export function charWidth(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x300) return 1;
  if (zeroWidth.test(char)) return 0;
  return isWide(codePoint) ? 2 : 1;
}

export function displayWidth(text: string): number {
  if (plainAscii.test(text)) return text.length;
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** The text cut to `width` columns, ending in an ellipsis when something was cut. */
export function truncateEnd(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/** The text cut or padded with spaces to exactly `width` columns. */
export function fitWidth(text: string, width: number): string {
  const cut = truncateEnd(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/** Hard-wraps one line into pieces of at most `width` columns (at least one piece, maybe empty). */
export function wrapLine(text: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  if (plainAscii.test(text)) {
    if (text.length <= limit) return [text];
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += limit) pieces.push(text.slice(i, i + limit));
    return pieces;
  }
  const pieces: string[] = [];
  let current = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > limit && current !== '') {
      pieces.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += w;
  }
  pieces.push(current);
  return pieces;
}

/** Wraps text at spaces to `width` columns; words longer than a line are cut hard. */
export function wordWrap(text: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      const candidate = current ? `${current} ${word}` : word;
      if (displayWidth(candidate) <= limit) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      const pieces = wrapLine(word, limit);
      current = pieces.pop() ?? '';
      lines.push(...pieces);
    }
    lines.push(current);
  }
  return lines;
}
