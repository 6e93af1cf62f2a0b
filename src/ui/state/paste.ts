// Pasted text with line breaks becomes lines entered one after the other, as in CPython's console.

export interface PastedLine {
  text: string;
  /** Followed by a line break: entered once typed. The last piece of a paste may not be. */
  enter: boolean;
}

/** More than this many pasted lines are not queued: a paste that big is a mistake. */
export const PASTE_LIMIT = 1000;

export function splitPaste(text: string): PastedLine[] {
  const pieces = text.split(/\r\n|\r|\n/);
  const lines = pieces.map((piece, i) => ({ text: piece, enter: i < pieces.length - 1 }));
  const last = lines[lines.length - 1];
  if (last && last.text === '') lines.pop();
  return lines.slice(0, PASTE_LIMIT);
}
