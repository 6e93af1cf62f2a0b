// The screen's state: plain data that a pure reducer updates (see reducer.ts). Effects (running a
// statement, quitting, interrupting a blocked call) live outside, in whoever owns the session.
import type { BlockedInfo, BytesShown, PyErrorInfo, RowChange, SocketRow, StatementResult } from '../../session/types';
import type { Decoding } from '../format/decode';

export type { Decoding } from '../format/decode';

/** What the lesson pane shows. `done`: the current step's check has passed. */
export interface LessonView {
  title: string;
  /** 0-based; shown as "step n of m". */
  stepIndex: number;
  stepCount: number;
  prose: string;
  /** The call to make next, offered as the prompt's ghost text; '' when there is none. */
  suggestion: string;
  hintsShown: number;
  done: boolean;
}

/** info: dim; success: a step or lesson done; hint: help the learner asked for or a mistake foreseen. */
export type NoteTone = 'info' | 'success' | 'hint' | 'warning' | 'error';

export type ConsoleEntry =
  | {
      kind: 'statement';
      source: string;
      /** What CPython's console printed; '' while the statement still runs. */
      output: string;
      error: PyErrorInfo | null;
      /** Still running (possibly blocked): no output yet. */
      pending: boolean;
    }
  | { kind: 'note'; text: string; tone: NoteTone };

export type Overlay = 'help';

export interface TerminalSize {
  columns: number;
  rows: number;
}

export interface UiState {
  console: ConsoleEntry[];
  /** Console lines scrolled back from the newest (0 follows the newest output). */
  consoleScroll: number;
  history: string[];
  /** Position while walking the history with up/down, or null when editing a new line. */
  historyIndex: number | null;
  /** The line being edited before history navigation started, given back past the newest entry. */
  draft: string;
  line: string;
  /** Where the text input's cursor is (0..line.length). */
  cursor: number;
  /** Changes whenever the line is set by something other than typing, so the text input restarts
   * with its cursor at the end. */
  inputVersion: number;
  /** Lines of a compound statement typed so far (the console's `...` prompt); empty otherwise. */
  block: string[];
  /** Completion candidates listed under the prompt after a Tab with several matches. */
  candidates: string[];
  rows: SocketRow[];
  changes: RowChange[];
  /** The bytes the latest call that returned bytes handed back, newest last. */
  bytes: BytesShown[];
  decoding: Decoding;
  /** A statement is running; `blocked` says what it waits for once it blocks. */
  running: boolean;
  blocked: BlockedInfo | null;
  overlay: Overlay | null;
  overlayScroll: number;
  /** Ctrl+C was pressed once while idle: the next one quits. */
  quitArmed: boolean;
  quitRequested: boolean;
  tableScroll: number;
  size: TerminalSize;
  lesson: LessonView | null;
}

export type ScrollStep = 'row' | 'page' | 'edge';

export type Action =
  /** The learner edited the line (typing, deleting, moving the cursor). */
  | { type: 'line-edited'; line: string; cursor: number }
  /** The text input says what its line is; it should be ours, else it is restarted with ours. */
  | { type: 'input-reported'; line: string }
  /** Puts back the line after a key the text input also acted on; restarts the input. */
  | { type: 'line-restored'; line: string }
  | { type: 'line-cleared' }
  | { type: 'history-prev' }
  | { type: 'history-next' }
  | { type: 'suggestion-accepted' }
  | { type: 'completion-shown'; start: number; candidates: string[] }
  | { type: 'line-submitted'; line: string }
  | { type: 'block-line-added'; line: string }
  | { type: 'statement-started'; source: string }
  /** The running statement waits (info), or stopped waiting and runs on (null). */
  | { type: 'statement-blocked'; info: BlockedInfo | null }
  /** Text the running statement printed so far (a print() before a call that blocks). */
  | { type: 'statement-output'; text: string }
  | { type: 'statement-finished'; result: StatementResult }
  /** The statement could not be run at all (the session failed, not the learner's code). */
  | { type: 'statement-failed'; message: string }
  | { type: 'snapshot'; rows: SocketRow[]; changes: RowChange[] }
  /** Statements run on the learner's behalf (a lesson's setup, the steps re-run by :back): shown, not typed. */
  | { type: 'statements-shown'; results: StatementResult[] }
  | { type: 'note'; text: string; tone?: NoteTone }
  | { type: 'console-cleared' }
  | { type: 'console-scrolled'; step: ScrollStep; direction: 1 | -1 }
  | { type: 'table-scrolled'; step: ScrollStep; direction: 1 | -1 }
  | { type: 'interrupt-idle' }
  | { type: 'quit' }
  | { type: 'overlay-opened'; overlay: Overlay }
  | { type: 'overlay-closed' }
  | { type: 'overlay-scrolled'; step: ScrollStep; direction: 1 | -1 }
  | { type: 'decoding-cycled' }
  | { type: 'decoding-set'; decoding: Decoding }
  | { type: 'resized'; size: TerminalSize }
  | { type: 'lesson-changed'; lesson: LessonView | null }
  | { type: 'session-reset' };
