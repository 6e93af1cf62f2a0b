// Completion and the ghost suggestion, as pure functions of the line.

/** What a completer returns: candidates for the text from `start` to the cursor. */
export interface Completion {
  start: number;
  candidates: string[];
}

export type Completer = (line: string, cursor: number) => Completion;

export function commonPrefix(words: string[]): string {
  const [first, ...rest] = words;
  if (first === undefined) return '';
  let end = first.length;
  for (const word of rest) {
    let i = 0;
    while (i < end && i < word.length && word[i] === first[i]) i++;
    end = i;
  }
  return first.slice(0, end);
}

export interface CompletionApplied {
  line: string;
  cursor: number;
  /** Candidates to list (several matched), or [] when the line was completed or nothing matched. */
  listed: string[];
}

/**
 * One candidate replaces the word being typed; several extend it to their common prefix and are
 * listed. Bad completer answers (out of range, not strings) complete nothing.
 */
export function applyCompletion(line: string, cursor: number, completion: Completion): CompletionApplied {
  const at = Math.max(0, Math.min(cursor, line.length));
  const unchanged = { line, cursor: at, listed: [] };
  const start = completion.start;
  if (!Number.isInteger(start) || start < 0 || start > at || !Array.isArray(completion.candidates)) return unchanged;
  const candidates = [...new Set(completion.candidates.filter((c): c is string => typeof c === 'string'))];
  if (candidates.length === 0) return unchanged;
  const typed = line.slice(start, at);
  const replacement = candidates.length === 1 ? (candidates[0] ?? typed) : commonPrefix(candidates);
  const insert = replacement.length >= typed.length && replacement.startsWith(typed) ? replacement : typed;
  const next = line.slice(0, start) + insert + line.slice(at);
  return { line: next, cursor: start + insert.length, listed: candidates.length > 1 ? candidates : [] };
}

/** The part of the suggestion still to type, when the line so far is its beginning; else ''. */
export function ghostText(line: string, suggestion: string): string {
  if (!suggestion || !suggestion.startsWith(line)) return '';
  return suggestion.slice(line.length);
}
