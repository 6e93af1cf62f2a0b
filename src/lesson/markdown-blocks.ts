// The block structure of a lesson's Markdown body, as far as the lesson format needs it: ATX
// headings, fenced code blocks with their info string, block quotes, and every other line as text.
// Each block keeps its file line numbers and its raw lines, so prose can be given back verbatim.

export interface NumberedLine {
  text: string;
  line: number;
}

export interface HeadingBlock {
  type: 'heading';
  level: number;
  text: string;
  line: number;
  raw: string[];
}

export interface FenceBlock {
  type: 'fence';
  /** The info string after the opening fence, trimmed: "peer when=blocked". */
  info: string;
  /** Its first word, lower-cased: "peer". */
  lang: string;
  /** The words after the first: ["when=blocked"]. */
  params: string[];
  body: NumberedLine[];
  line: number;
  /** False when the file ended before the closing fence. */
  closed: boolean;
  raw: string[];
}

export interface QuoteBlock {
  type: 'quote';
  /** The quote's lines with the '>' marker (and one following space) removed. */
  lines: NumberedLine[];
  line: number;
  raw: string[];
}

export interface TextBlock {
  type: 'text';
  text: string;
  line: number;
  raw: string[];
}

export type MarkdownBlock = HeadingBlock | FenceBlock | QuoteBlock | TextBlock;

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

function headingText(rest: string | undefined): string {
  if (rest === undefined) return '';
  // A closing run of '#' is not part of the heading when it stands apart (CommonMark).
  const withoutClosing = rest.replace(/(?:^|[ \t]+)#+$/, '');
  return withoutClosing.trim();
}

function isFenceClose(text: string, marker: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
  return match !== null && match[1]![0] === marker[0] && match[1]!.length >= marker.length;
}

/** Splits body lines (the first of which is file line `firstLine`) into blocks. */
export function scanMarkdown(lines: readonly string[], firstLine: number): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i]!;
    const line = firstLine + i;

    const fence = FENCE_OPEN.exec(text);
    if (fence && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
      const indent = fence[1]!.length;
      const marker = fence[2]!;
      const info = fence[3]!.trim();
      const words = info.length > 0 ? info.split(/\s+/) : [];
      const body: NumberedLine[] = [];
      const raw = [text];
      let closed = false;
      i++;
      while (i < lines.length) {
        const inner = lines[i]!;
        raw.push(inner);
        if (isFenceClose(inner, marker)) {
          closed = true;
          i++;
          break;
        }
        const leading = /^ */.exec(inner)![0].length;
        body.push({ text: inner.slice(Math.min(leading, indent)), line: firstLine + i });
        i++;
      }
      blocks.push({
        type: 'fence',
        info,
        lang: (words[0] ?? '').toLowerCase(),
        params: words.slice(1),
        body,
        line,
        closed,
        raw,
      });
      continue;
    }

    const heading = HEADING.exec(text);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length, text: headingText(heading[2]), line, raw: [text] });
      i++;
      continue;
    }

    const quote = QUOTE.exec(text);
    if (quote) {
      const previous = blocks[blocks.length - 1];
      if (previous?.type === 'quote' && previous.line + previous.raw.length === line) {
        previous.lines.push({ text: quote[1]!, line });
        previous.raw.push(text);
      } else {
        blocks.push({ type: 'quote', lines: [{ text: quote[1]!, line }], line, raw: [text] });
      }
      i++;
      continue;
    }

    // A lazy continuation line: Markdown keeps a quoted paragraph going on an unmarked next line.
    const previous = blocks[blocks.length - 1];
    if (
      previous?.type === 'quote' &&
      previous.line + previous.raw.length === line &&
      text.trim() !== '' &&
      previous.lines[previous.lines.length - 1]!.text.trim() !== '' &&
      !LIST_ITEM.test(text)
    ) {
      previous.lines.push({ text: text.trim(), line });
      previous.raw.push(text);
      i++;
      continue;
    }

    blocks.push({ type: 'text', text, line, raw: [text] });
    i++;
  }
  return blocks;
}

/**
 * The blocks' raw lines joined back into Markdown: blank lines at either end dropped, and a run of
 * blank lines between blocks (left where directive blocks were taken out) reduced to one.
 */
export function blocksToMarkdown(blocks: readonly MarkdownBlock[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'text' && block.text.trim() === '') {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    out.push(...block.raw);
  }
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out.join('\n');
}
