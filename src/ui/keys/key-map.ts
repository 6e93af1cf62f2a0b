// Keys to intents, as a pure function of the key and the screen's mode (no Ink needed to test it).
//
// ink-text-input shows the prompt line and sees every key too. The screen keeps the line itself (see
// text-input-edit.ts) and submits it on Enter. The text input ignores up, down and Tab, but it types
// the letter of any Ctrl or Alt combination, and its cursor leaves the line when Left is pressed at the
// start or Right at the end (the next letter then lands in the wrong place). For those keys the intent
// comes with `restartInput`: whoever applies it puts the line back and restarts the input, which then
// holds its cursor at the end of the line.
import type { ScrollStep } from '../state/types';
import { editLine } from './text-input-edit';

/** The key flags this map reads; Ink's `Key` has all of them. */
export interface KeyFlags {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  pageUp: boolean;
  pageDown: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  shift: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
  meta: boolean;
}

export interface KeyMode {
  /** A statement is running (the prompt is gone; Ctrl+C interrupts it). */
  running: boolean;
  /** The help overlay is open. */
  overlay: boolean;
  line: string;
  cursor: number;
  /** A ghost suggestion is showing after the line. */
  ghost: boolean;
}

export type ScrollTarget = 'table' | 'console' | 'overlay';

export type Intent =
  | { type: 'none' }
  /** A key that edits the line as the text input does: the line and cursor after it. */
  | { type: 'edit'; line: string; cursor: number }
  | { type: 'submit' }
  /** Text with line breaks arrived at once (a paste): each line is entered in turn. */
  | { type: 'paste'; text: string }
  | { type: 'history-prev' }
  | { type: 'history-next' }
  | { type: 'complete' }
  | { type: 'accept-suggestion' }
  | { type: 'clear-line' }
  | { type: 'scroll'; target: ScrollTarget; step: ScrollStep; direction: 1 | -1 }
  | { type: 'cycle-decoding' }
  | { type: 'toggle-help' }
  | { type: 'close-overlay' }
  | { type: 'clear-console' }
  /** Stop the running statement (CPython raises KeyboardInterrupt in it). */
  | { type: 'interrupt' }
  /** Ctrl+C at the prompt: the first one warns, the second quits. */
  | { type: 'interrupt-idle' }
  | { type: 'quit' };

export interface KeyOutcome {
  intent: Intent;
  /** The text input also acted on this key in a way that must be undone (see above). */
  restartInput: boolean;
}

const NONE: Intent = { type: 'none' };

function outcome(intent: Intent, restartInput = false): KeyOutcome {
  return { intent, restartInput };
}

function scroll(target: ScrollTarget, step: ScrollStep, direction: 1 | -1): Intent {
  return { type: 'scroll', target, step, direction };
}

/** Keys that work the same whether the prompt is up or a statement runs (and on the replay screen). */
export function viewKey(input: string, key: Partial<KeyFlags>): Intent | null {
  if (key.ctrl && input === 't') return { type: 'cycle-decoding' };
  if (key.ctrl && input === 'l') return { type: 'clear-console' };
  if (key.pageUp) return key.shift ? scroll('console', 'page', -1) : scroll('table', 'page', -1);
  if (key.pageDown) return key.shift ? scroll('console', 'page', 1) : scroll('table', 'page', 1);
  if (key.upArrow && key.shift) return scroll('table', 'row', -1);
  if (key.downArrow && key.shift) return scroll('table', 'row', 1);
  if (key.upArrow && key.meta && !key.escape) return scroll('console', 'row', -1);
  if (key.downArrow && key.meta && !key.escape) return scroll('console', 'row', 1);
  return null;
}

function overlayKey(input: string, key: Partial<KeyFlags>): KeyOutcome {
  if (key.escape || key.return || input === 'q' || input === '?') return outcome({ type: 'close-overlay' });
  if (key.upArrow) return outcome(scroll('overlay', 'row', -1));
  if (key.downArrow) return outcome(scroll('overlay', 'row', 1));
  if (key.pageUp) return outcome(scroll('overlay', 'page', -1));
  if (key.pageDown) return outcome(scroll('overlay', 'page', 1));
  return outcome(NONE);
}

function promptKey(input: string, key: Partial<KeyFlags>, mode: KeyMode): KeyOutcome {
  const atEnd = mode.cursor >= mode.line.length;
  if (key.tab) return outcome(key.shift ? NONE : mode.ghost && atEnd ? { type: 'accept-suggestion' } : { type: 'complete' });
  if (key.upArrow) return outcome({ type: 'history-prev' });
  if (key.downArrow) return outcome({ type: 'history-next' });
  if (key.return) return outcome({ type: 'submit' });
  if (key.escape) return outcome(NONE);
  const edit = (): KeyOutcome => outcome({ type: 'edit', ...editLine(mode.line, mode.cursor, input, key) });
  if (key.rightArrow) {
    if (!atEnd) return edit();
    return outcome(mode.ghost ? { type: 'accept-suggestion' } : NONE, true);
  }
  if (key.leftArrow) return mode.cursor > 0 ? edit() : outcome(NONE, true);
  if (key.backspace || key.delete) return edit();
  if (key.end) return outcome(NONE, true);
  if (key.ctrl) {
    if (input === 'u') return outcome({ type: 'clear-line' }, true);
    // Ctrl+E (end of line) and every other combination: the restart alone does what is needed.
    return outcome(NONE, true);
  }
  if (key.meta) return outcome(NONE, true);
  if (input === '?' && mode.line === '') return outcome({ type: 'toggle-help' }, true);
  if (/[\r\n]/.test(input)) return outcome({ type: 'paste', text: input }, true);
  return edit();
}

export function mapKey(input: string, key: Partial<KeyFlags>, mode: KeyMode): KeyOutcome {
  if (key.ctrl && input === 'd') return outcome({ type: 'quit' });
  if (key.ctrl && input === 'c') return outcome(mode.running ? { type: 'interrupt' } : { type: 'interrupt-idle' });
  if (mode.overlay) return overlayKey(input, key);
  const view = viewKey(input, key);
  // Ctrl+T and Ctrl+L are typed into the line by the text input as 't' and 'l'.
  if (view) return outcome(view, !mode.running && key.ctrl === true);
  if (mode.running) return outcome(NONE);
  return promptKey(input, key, mode);
}
