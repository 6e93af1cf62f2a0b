// The screen layout that a given state gets: the reducer needs it to keep scroll offsets in range,
// the Screen to size its panes. Same inputs, same answer, in both places.
import { bytesPerLineFor } from '../format/hexdump';
import { screenLayout, type ScreenLayout } from '../format/screen-layout';
import { PROMPT } from '../format/console-lines';
import { safeText } from '../format/safe-text';
import { displayWidth } from '../format/text-width';
import { wrapStyled, type StyledPiece } from '../format/inline-markup';
import { ghostOf } from './key-mode';
import type { UiState } from './types';

/** Lines under the console: the prompt (or the blocked banner) and the listed completions. */
export function promptAreaLines(state: UiState): number {
  if (state.running) return state.blocked ? 2 : 1;
  const ghost = ghostOf(state);
  // prompt, the line, its cursor cell and the ghost text wrap onto more lines when long
  const promptWidth = PROMPT.length + displayWidth(safeText(state.line)) + 1 + displayWidth(safeText(ghost));
  const lineRows = Math.max(1, Math.ceil(promptWidth / Math.max(1, state.size.columns)));
  return lineRows + (state.candidates.length > 0 ? 1 : 0);
}

// The layout counts the prose's lines and the lesson pane draws them, in every frame: wrapped once.
let lastProse: { prose: string; columns: number; lines: readonly StyledPiece[][] } | null = null;

/** Lesson prose as the lesson pane wraps it, its inline markup read into styles (not to be changed). */
export function proseLines(prose: string, columns: number): readonly StyledPiece[][] {
  if (lastProse?.prose === prose && lastProse.columns === columns) return lastProse.lines;
  const text = safeText(String(prose ?? '').replace(/\r?\n/g, ' ')).trim();
  lastProse = { prose, columns, lines: text ? wrapStyled(text, columns) : [] };
  return lastProse.lines;
}

/** Hex dump lines for a payload, without building the dump (repeated lines would only make it shorter). */
export function hexLineCount(length: number, columns: number): number {
  return length === 0 ? 0 : Math.ceil(length / bytesPerLineFor(columns)) + 1;
}

export function layoutOf(state: UiState): ScreenLayout {
  const { columns, rows } = state.size;
  const shown = state.bytes[state.bytes.length - 1];
  return screenLayout({
    rows,
    proseLines: state.lesson ? proseLines(state.lesson.prose, columns).length : 0,
    hasLesson: state.lesson !== null,
    hasSuggestion: Boolean(state.lesson?.suggestion),
    socketRows: state.rows.length,
    hexLines: shown ? hexLineCount(shown.data.length, columns) : 0,
    hasBytes: shown !== undefined,
    promptLines: promptAreaLines(state),
  });
}
