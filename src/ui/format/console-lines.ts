// The console's entries as screen lines: safe, wrapped to the width, and only as many as are shown.
import type { ConsoleEntry } from '../state/types';
import { safeLines } from './safe-text';
import { wordWrap, wrapLine } from './text-width';

export type ConsoleTone = 'input' | 'output' | 'error' | 'note' | 'warning' | 'success' | 'hint';

export interface ConsoleLine {
  text: string;
  tone: ConsoleTone;
  /** socklab's own words (not what a program printed): wrapped at spaces. */
  prose?: boolean;
}

/** Output longer than this is cut: a screen cannot show it anyway, and wrapping it would stall. */
export const OUTPUT_LIMIT = 20_000;

export const PROMPT = '>>> ';
export const CONTINUATION = '... ';

function sourceLines(source: string): ConsoleLine[] {
  return safeLines(source).map((text, i) => ({ text: (i === 0 ? PROMPT : CONTINUATION) + text, tone: 'input' }));
}

/** `error` is the kind of failure: an exception's class, 'socklab' for what socklab does not run, or null. */
function outputLines(output: string, error: string | null): ConsoleLine[] {
  let text = output.endsWith('\n') ? output.slice(0, -1) : output;
  let cut = '';
  if (text.length > OUTPUT_LIMIT) {
    cut = `… ${text.length - OUTPUT_LIMIT} more characters not shown`;
    text = text.slice(0, OUTPUT_LIMIT);
  }
  if (text === '' && !cut) return [];
  const lines: ConsoleLine[] = safeLines(text).map((line) => ({ text: line, tone: 'output' }));
  if (error !== null) {
    // CPython's console ends with the exception's line; what was printed before it is plain output.
    const last = lines[lines.length - 1];
    if (last) {
      last.tone = 'error';
      if (error === 'socklab') last.prose = true;
    }
  }
  if (cut) lines.push({ text: cut, tone: 'note' });
  return lines;
}

const NOTE_TONES: Record<string, ConsoleTone> = { error: 'error', warning: 'warning', success: 'success', hint: 'hint' };

export function entryLines(entry: ConsoleEntry): ConsoleLine[] {
  if (entry.kind === 'note') {
    const tone: ConsoleTone = Object.hasOwn(NOTE_TONES, entry.tone) ? (NOTE_TONES[entry.tone] ?? 'note') : 'note';
    return safeLines(entry.text).map((text) => ({ text: `# ${text}`, tone, prose: true }));
  }
  return [...sourceLines(entry.source), ...outputLines(entry.output, entry.error?.type ?? null)];
}

/**
 * Statements and program output wrap at the width, as a terminal wraps them; socklab's own words are
 * prose, so they wrap at spaces, and a note's continuation lines line up after its `# `.
 */
export function wrapped(lines: ConsoleLine[], width: number): ConsoleLine[] {
  return lines.flatMap((line) => {
    if (!line.prose || width < 20) return wrapLine(line.text, width).map((text) => ({ text, tone: line.tone }));
    const marked = line.text.startsWith('# ');
    const indent = marked ? 2 : 0;
    return wordWrap(line.text.slice(indent), width - indent).map((text, i) => ({
      text: `${marked ? (i === 0 ? '# ' : '  ') : ''}${text}`,
      tone: line.tone,
    }));
  });
}

export interface ConsoleWindow {
  lines: ConsoleLine[];
  /** Older lines exist above the window. */
  above: boolean;
  /** The window is scrolled back: newer lines exist below it. */
  below: boolean;
}

/**
 * The `height` lines to show, `scroll` lines back from the newest. Works from the newest entry back,
 * so a long session costs only what is shown. `pending` lines (a compound statement being typed)
 * come last.
 */
export function consoleWindow(
  entries: ConsoleEntry[],
  pending: ConsoleLine[],
  width: number,
  height: number,
  scroll: number,
): ConsoleWindow {
  const rows = Math.max(0, Math.floor(height));
  const back = Math.max(0, Math.floor(scroll));
  const needed = rows + back;
  let collected: ConsoleLine[] = wrapped(pending, width);
  let index = entries.length - 1;
  while (collected.length < needed + 1 && index >= 0) {
    const entry = entries[index];
    if (entry) collected = [...wrapped(entryLines(entry), width), ...collected];
    index--;
  }
  const end = Math.max(0, collected.length - back);
  const start = Math.max(0, end - rows);
  return {
    lines: collected.slice(start, end),
    above: start > 0 || index >= 0,
    below: end < collected.length,
  };
}

/** The `...` lines of a compound statement being typed, as console lines. */
export function blockLines(block: string[]): ConsoleLine[] {
  return block.flatMap((line, i) =>
    safeLines(line).map((text) => ({ text: (i === 0 ? PROMPT : CONTINUATION) + text, tone: 'input' as const })),
  );
}
