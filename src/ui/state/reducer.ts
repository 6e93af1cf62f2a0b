// The screen's pure reducer: every change to UiState goes through here.
import type { SocketRow, StatementResult } from '../../session/types';
import { nextDecoding } from '../format/decode';
import {
  completionShown,
  historyNext,
  historyPrev,
  lineSubmitted,
  printableLine,
  suggestionAccepted,
  withLine,
} from './prompt-reducer';
import { clampTableScroll, revealChanges, scrollConsole, scrollOverlay, scrollTable } from './scroll';
import type { Action, ConsoleEntry, UiState } from './types';

export const CONSOLE_LIMIT = 1000;

export const QUIT_WARNING = 'press Ctrl+C again to quit (or Ctrl+D)';

/** A terminal dimension as a whole number of cells, at least 1; nonsense keeps the old value. */
function dimension(value: number, previous: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.floor(value)) : previous;
}

function appendEntry(state: UiState, entry: ConsoleEntry): UiState {
  const console = [...state.console, entry];
  return { ...state, console: console.length > CONSOLE_LIMIT ? console.slice(console.length - CONSOLE_LIMIT) : console };
}

function list<T>(value: T[] | undefined, fallback: T[]): T[] {
  return Array.isArray(value) ? value : fallback;
}

function entryOf(result: StatementResult): ConsoleEntry {
  return {
    kind: 'statement',
    source: String(result.source ?? ''),
    output: String(result.output ?? ''),
    error: result.error ?? null,
    pending: false,
  };
}

/** The table and the bytes panel after a statement. */
function withResult(state: UiState, result: StatementResult): UiState {
  const bytes = list(result.bytes, []);
  return revealChanges({
    ...state,
    rows: list(result.rows, state.rows),
    changes: list(result.changes, []),
    bytes: bytes.length > 0 ? bytes : state.bytes,
    consoleScroll: 0,
  });
}

function pendingIndex(state: UiState): number {
  return state.console.findLastIndex((e) => e.kind === 'statement' && e.pending);
}

function finished(state: UiState, result: StatementResult): UiState {
  const entry = entryOf(result);
  const index = pendingIndex(state);
  const withEntry = index >= 0 ? { ...state, console: state.console.map((e, i) => (i === index ? entry : e)) } : appendEntry(state, entry);
  return withResult({ ...withEntry, running: false, blocked: null }, result);
}

/** Output printed while the statement runs goes to its pending entry, which its result replaces later. */
function withOutput(state: UiState, text: string): UiState {
  const index = pendingIndex(state);
  if (index < 0 || text === '') return state;
  return {
    ...state,
    consoleScroll: 0,
    console: state.console.map((e, i) => (i === index && e.kind === 'statement' ? { ...e, output: e.output + text } : e)),
  };
}

/**
 * A table read between statements no longer lists the sockets the last statement closed; they stay,
 * marked closed, where they were until the next statement, so that a peer acting right after a
 * close does not make the learner's closed socket vanish at once.
 */
function keepClosedRows(before: SocketRow[], after: SocketRow[]): SocketRow[] {
  const present = new Set(after.map((row) => row.key));
  const rows = [...after];
  before.forEach((row, index) => {
    if (row.closed && !present.has(row.key)) rows.splice(Math.min(index, rows.length), 0, row);
  });
  return rows;
}

/** A statement run on the learner's behalf gets a finished entry of its own; a pending one stays pending. */
function shown(state: UiState, result: StatementResult): UiState {
  return withResult(appendEntry(state, entryOf(result)), result);
}

// Actions that come from the learner's keys: any of them takes back a first Ctrl+C.
const disarming = new Set<Action['type']>([
  'line-edited',
  'line-cleared',
  'history-prev',
  'history-next',
  'suggestion-accepted',
  'completion-shown',
  'line-submitted',
  'table-scrolled',
  'console-scrolled',
  'overlay-opened',
  'decoding-cycled',
]);

function reduce(state: UiState, action: Action): UiState {
  switch (action.type) {
    case 'line-edited': {
      // A paste can carry control or bidi characters; the line never keeps them (and the input restarts).
      const line = printableLine(action.line);
      if (line !== action.line) return withLine(state, line);
      const cursor = Math.max(0, Math.min(Number.isInteger(action.cursor) ? action.cursor : line.length, line.length));
      return { ...state, line, cursor, candidates: line === state.line ? state.candidates : [] };
    }
    case 'input-reported':
      return action.line === state.line ? state : withLine(state, state.line);
    case 'line-restored':
      return withLine(state, action.line);
    case 'line-cleared':
      return { ...withLine(state, ''), historyIndex: null, draft: '' };
    case 'history-prev':
      return historyPrev(state);
    case 'history-next':
      return historyNext(state);
    case 'suggestion-accepted':
      return suggestionAccepted(state);
    case 'completion-shown':
      return completionShown(state, action.start, action.candidates);
    case 'line-submitted':
      return lineSubmitted(state, action.line);
    case 'block-line-added':
      return { ...state, block: [...state.block, action.line] };
    case 'statement-started':
      return appendEntry(
        { ...state, block: [], running: true, blocked: null, consoleScroll: 0 },
        { kind: 'statement', source: action.source, output: '', error: null, pending: true },
      );
    case 'statement-blocked':
      return state.running ? { ...state, blocked: action.info ?? null } : state;
    case 'statement-output':
      return state.running ? withOutput(state, String(action.text ?? '')) : state;
    case 'statements-shown':
      return list(action.results, []).reduce(shown, state);
    case 'statement-finished':
      return finished(state, action.result);
    case 'statement-failed':
      return appendEntry(
        {
          ...state,
          running: false,
          blocked: null,
          console: state.console.map((e) => (e.kind === 'statement' && e.pending ? { ...e, pending: false } : e)),
        },
        { kind: 'note', text: action.message, tone: 'error' },
      );
    case 'snapshot':
      return revealChanges({ ...state, rows: keepClosedRows(state.rows, list(action.rows, state.rows)), changes: list(action.changes, []) });
    case 'note':
      return appendEntry(state, { kind: 'note', text: action.text, tone: action.tone ?? 'info' });
    case 'console-cleared':
      return { ...state, console: [], consoleScroll: 0 };
    case 'console-scrolled':
      return scrollConsole(state, action.step, action.direction);
    case 'table-scrolled':
      return scrollTable(state, action.step, action.direction);
    case 'interrupt-idle':
      if (state.quitArmed) return { ...state, quitRequested: true };
      // As CPython's console does, Ctrl+C also throws away the line being typed.
      return appendEntry(
        { ...withLine(state, ''), block: [], historyIndex: null, draft: '', quitArmed: true },
        { kind: 'note', text: QUIT_WARNING, tone: 'warning' },
      );
    case 'quit':
      return { ...state, quitRequested: true };
    case 'overlay-opened':
      return { ...state, overlay: action.overlay, overlayScroll: 0 };
    case 'overlay-closed':
      return state.overlay === null ? state : { ...state, overlay: null, overlayScroll: 0, inputVersion: state.inputVersion + 1, cursor: state.line.length };
    case 'overlay-scrolled':
      return scrollOverlay(state, action.step, action.direction);
    case 'decoding-cycled':
      return { ...state, decoding: nextDecoding(state.decoding) };
    case 'decoding-set':
      return { ...state, decoding: action.decoding };
    case 'resized':
      return clampTableScroll({
        ...state,
        size: { columns: dimension(action.size.columns, state.size.columns), rows: dimension(action.size.rows, state.size.rows) },
      });
    case 'lesson-changed':
      return clampTableScroll({ ...state, lesson: action.lesson });
    case 'session-reset':
      return { ...state, rows: [], changes: [], bytes: [], blocked: null, running: false, block: [], tableScroll: 0 };
    default:
      return state;
  }
}

export function uiReducer(state: UiState, action: Action): UiState {
  const next = reduce(state, action);
  return next.quitArmed && disarming.has(action.type) ? { ...next, quitArmed: false } : next;
}
