// Keys that reach the screen together. The terminal delivers what it has in one read, and Ink passes
// a run of plain characters on as one input: a Tab and an Enter typed quickly (or over a slow link)
// arrive as '\t\r'. Pasted text (lines) is handled as a paste; a chunk holding Tab or Backspace is
// cut back into the keys it was made of, up to its first Enter, and what follows is pasted.
import type { KeyFlags } from './key-map';

export interface ChunkKey {
  input: string;
  key: Partial<KeyFlags>;
}

export interface SplitChunk {
  /** The keys to handle one after the other. */
  keys: ChunkKey[];
  /** What came after the first Enter, to enter as pasted lines once that Enter's statement is done. */
  rest: string;
}

const KEY_CHARS: Readonly<Record<string, Partial<KeyFlags>>> = {
  '\t': { tab: true },
  '\r': { return: true },
  '\n': { return: true },
  '\b': { backspace: true },
  '\x7f': { delete: true },
};
const EDIT_KEY = /[\t\b\x7f]/;

export function splitChunk(input: string, key: Partial<KeyFlags>): SplitChunk {
  const flagged = Object.values(key).some(Boolean);
  if (input.length < 2 || flagged || !EDIT_KEY.test(input)) return { keys: [{ input, key }], rest: '' };
  const keys: ChunkKey[] = [];
  let text = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    const flags = KEY_CHARS[ch];
    if (!flags) {
      text += ch;
      continue;
    }
    if (text !== '') keys.push({ input: text, key: {} });
    text = '';
    keys.push({ input: '', key: flags });
    if (flags.return) return { keys, rest: input.slice(ch === '\r' && input[i + 1] === '\n' ? i + 2 : i + 1) };
  }
  if (text !== '') keys.push({ input: text, key: {} });
  return { keys, rest: '' };
}
