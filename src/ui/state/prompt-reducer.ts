// The prompt's share of the reducer: the line, the cursor, history walking and completion.
import { isPrintable } from '../format/safe-text';
import { applyCompletion, ghostText } from './completion';
import type { UiState } from './types';

export const HISTORY_LIMIT = 1000;

/**
 * The line without what must not reach the terminal (the text input shows it raw): control and bidi
 * characters are dropped, tabs become four spaces.
 */
export function printableLine(line: string): string {
  const text = String(line);
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = '';
  for (const char of text) {
    if (char === '\t') out += '    ';
    else if (isPrintable(char)) out += char;
  }
  return out;
}

/** The line set by something other than typing: the text input restarts with its cursor at the end. */
export function withLine(state: UiState, line: string): UiState {
  const clean = printableLine(line);
  return { ...state, line: clean, cursor: clean.length, inputVersion: state.inputVersion + 1, candidates: [] };
}

export function historyPrev(state: UiState): UiState {
  if (state.history.length === 0) return state;
  const index = state.historyIndex === null ? state.history.length - 1 : Math.max(0, state.historyIndex - 1);
  const draft = state.historyIndex === null ? state.line : state.draft;
  return { ...withLine(state, state.history[index] ?? ''), historyIndex: index, draft };
}

export function historyNext(state: UiState): UiState {
  if (state.historyIndex === null) return state;
  const index = state.historyIndex + 1;
  if (index >= state.history.length) return { ...withLine(state, state.draft), historyIndex: null, draft: '' };
  return { ...withLine(state, state.history[index] ?? ''), historyIndex: index };
}

export function remember(history: string[], line: string): string[] {
  if (line.trim() === '' || history[history.length - 1] === line) return history;
  const next = [...history, line];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

export function suggestionAccepted(state: UiState): UiState {
  const suggestion = state.lesson?.suggestion ?? '';
  return ghostText(state.line, suggestion) ? withLine(state, suggestion) : state;
}

export function completionShown(state: UiState, start: number, candidates: string[]): UiState {
  const applied = applyCompletion(state.line, state.cursor, { start, candidates });
  const next = applied.line === state.line ? state : withLine(state, applied.line);
  return { ...next, candidates: applied.listed };
}

export function lineSubmitted(state: UiState, line: string): UiState {
  return {
    ...withLine(state, ''),
    history: remember(state.history, line),
    historyIndex: null,
    draft: '',
    consoleScroll: 0,
  };
}
