// The inline Markdown that lesson prose uses: `code`, **strong** and *emphasis*, read into styled
// pieces and word-wrapped to the pane, so that the screen shows the styles instead of the markers.
// Markers without a partner are text.
import { displayWidth, wordWrap, wrapLine } from './text-width';

export type InlineStyle = 'plain' | 'code' | 'strong' | 'em';

export interface StyledPiece {
  text: string;
  style: InlineStyle;
}

/** Where the span that opens at `open` (after its marker) closes, or -1. */
function closing(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  if (at <= from) return -1;
  // emphasis hugs its words: '*a*' is emphasis, 'a * b * c' is not
  if (marker !== '`' && (/\s/.test(text[from]!) || /\s/.test(text[at - 1]!))) return -1;
  return at;
}

/** The text without its markers, and each character's style. */
export function parseInline(text: string): { plain: string; styles: InlineStyle[] } {
  let plain = '';
  const styles: InlineStyle[] = [];
  const add = (part: string, style: InlineStyle) => {
    plain += part;
    for (let k = 0; k < part.length; k++) styles.push(style);
  };
  let i = 0;
  while (i < text.length) {
    const marker = text.startsWith('**', i) ? '**' : text[i] === '*' || text[i] === '`' ? text[i]! : null;
    const end = marker ? closing(text, marker, i + marker.length) : -1;
    if (marker && end > 0) {
      add(text.slice(i + marker.length, end), marker === '`' ? 'code' : marker === '**' ? 'strong' : 'em');
      i = end + marker.length;
      continue;
    }
    add(text[i]!, 'plain');
    i++;
  }
  return { plain, styles };
}

function piecesOf(plain: string, styles: readonly InlineStyle[], from: number, to: number): StyledPiece[] {
  const pieces: StyledPiece[] = [];
  for (let k = from; k < to; k++) {
    const style = styles[k] ?? 'plain';
    const last = pieces[pieces.length - 1];
    if (last && last.style === style) last.text += plain[k];
    else pieces.push({ text: plain[k]!, style });
  }
  return pieces;
}

/** Prose (already safe to show) wrapped to `width`: one list of styled pieces per line. */
export function wrapStyled(text: string, width: number): StyledPiece[][] {
  const { plain: raw, styles: rawStyles } = parseInline(text);
  // one space between words, as the wrapped lines have them, so each line is a slice of the text
  let plain = '';
  const styles: InlineStyle[] = [];
  for (let k = 0; k < raw.length; k++) {
    if (raw[k] === ' ' && (plain === '' || plain.endsWith(' '))) continue;
    plain += raw[k];
    styles.push(rawStyles[k]!);
  }
  plain = plain.trimEnd();
  const lines: StyledPiece[][] = [];
  let at = 0;
  for (const line of wordWrap(plain, width)) {
    if (plain[at] === ' ' && !plain.startsWith(line, at)) at++;
    lines.push(piecesOf(plain, styles, at, at + line.length));
    at += line.length;
  }
  return lines;
}

/** The line cut to `width` with an ellipsis at its end: more text follows that does not fit. */
export function withEllipsis(line: readonly StyledPiece[], width: number): StyledPiece[] {
  const out: StyledPiece[] = [];
  let room = Math.max(0, width - 1);
  for (const piece of line) {
    if (room <= 0) break;
    const text = displayWidth(piece.text) <= room ? piece.text : (wrapLine(piece.text, room)[0] ?? '');
    out.push({ text, style: piece.style });
    room -= displayWidth(text);
  }
  out.push({ text: '…', style: 'plain' });
  return out;
}
