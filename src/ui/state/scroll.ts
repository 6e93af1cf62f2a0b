// Scroll offsets kept in range: the table by rows, the console by lines, the help overlay by lines.
import { blockLines, entryLines, wrapped } from '../format/console-lines';
import { helpLines } from '../format/help-text';
import { layoutOf } from './layout-of';
import type { ScrollStep, UiState } from './types';

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

function moved(current: number, step: ScrollStep, direction: 1 | -1, page: number, max: number): number {
  if (step === 'edge') return direction < 0 ? 0 : max;
  return clamp(current + direction * (step === 'page' ? Math.max(1, page) : 1), 0, max);
}

export function maxTableScroll(state: UiState): number {
  return Math.max(0, state.rows.length - layoutOf(state).tableRows);
}

export function clampTableScroll(state: UiState): UiState {
  const tableScroll = clamp(state.tableScroll, 0, maxTableScroll(state));
  return tableScroll === state.tableScroll ? state : { ...state, tableScroll };
}

export function scrollTable(state: UiState, step: ScrollStep, direction: 1 | -1): UiState {
  const page = layoutOf(state).tableRows;
  return { ...state, tableScroll: moved(state.tableScroll, step, direction, page, maxTableScroll(state)) };
}

/** Scrolls the table just enough to show the first row the last call changed. */
export function revealChanges(state: UiState): UiState {
  const keys = new Set(state.changes.map((change) => change.key));
  const index = state.rows.findIndex((row) => keys.has(row.key));
  const visible = layoutOf(state).tableRows;
  let tableScroll = state.tableScroll;
  if (index >= 0 && index < tableScroll) tableScroll = index;
  else if (index >= 0 && visible > 0 && index >= tableScroll + visible) tableScroll = index - visible + 1;
  return clampTableScroll({ ...state, tableScroll });
}

function consoleLineCount(state: UiState): number {
  const width = state.size.columns;
  const entries = state.console.reduce(
    (sum, entry) => sum + wrapped(entryLines(entry), width).length,
    0,
  );
  return entries + blockLines(state.block).length;
}

export function scrollConsole(state: UiState, step: ScrollStep, direction: 1 | -1): UiState {
  const page = layoutOf(state).consoleLines;
  const max = Math.max(0, consoleLineCount(state) - page);
  // The console counts from the newest line, so scrolling "up" the screen means a bigger offset.
  return { ...state, consoleScroll: moved(state.consoleScroll, step, direction === -1 ? 1 : -1, page, max) };
}

export function scrollOverlay(state: UiState, step: ScrollStep, direction: 1 | -1): UiState {
  // The overlay has the whole screen but its title and footer.
  const page = Math.max(1, state.size.rows - 2);
  const max = Math.max(0, helpLines(state.size.columns).length - page);
  return { ...state, overlayScroll: moved(state.overlayScroll, step, direction, page, max) };
}
