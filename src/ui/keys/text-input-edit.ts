// What ink-text-input does to its line for a key, computed here from the screen's own state. Ink hands
// several keys that arrive together to every listener before React renders again, so the text input
// then edits a stale copy of the line; the screen edits its own, always current, line with this
// function instead, and treats the text input as a view of it.
import type { KeyFlags } from './key-map';

export interface LineEdit {
  line: string;
  cursor: number;
}

/** The line and cursor after a key, as ink-text-input 6 computes them (in UTF-16 units, as it does). */
export function editLine(line: string, cursor: number, input: string, key: Partial<KeyFlags>): LineEdit {
  const at = Math.max(0, Math.min(cursor, line.length));
  if (key.leftArrow) return { line, cursor: Math.max(0, at - 1) };
  if (key.rightArrow) return { line, cursor: Math.min(line.length, at + 1) };
  if (key.backspace || key.delete) {
    return at > 0 ? { line: line.slice(0, at - 1) + line.slice(at), cursor: at - 1 } : { line, cursor: at };
  }
  return { line: line.slice(0, at) + input + line.slice(at), cursor: at + input.length };
}
