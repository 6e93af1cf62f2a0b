// The screen's state as a React hook: the pure reducer, plus the few effects that belong to the
// screen itself (entering lines, completion, the help overlay, quitting, pasted lines). Running
// statements and lesson commands are handed to the owner through callbacks.
import { useCallback, useRef, useState } from 'react';
import { classifySubmission, type Command } from '../commands/parse-command';
import { mapKey, type KeyFlags } from '../keys/key-map';
import { editLine } from '../keys/text-input-edit';
import { splitChunk, type ChunkKey } from '../keys/split-chunk';
import type { Completer } from './completion';
import { initialUiState } from './initial-state';
import { resolveIntent } from './intent';
import { keyModeOf } from './key-mode';
import { splitPaste, type PastedLine } from './paste';
import { uiReducer } from './reducer';
import type { Action, UiState } from './types';
import { errorMessage } from '../../sys/error-text';

/** More keys than this typed during one statement are not kept: that many is a key held down. */
const TYPE_AHEAD_LIMIT = 4096;

export interface UiStateOptions {
  initial?: Partial<UiState>;
  complete?: Completer;
  /** True while the source typed so far is an unfinished compound statement (CPython's `...`). */
  isIncomplete?: (source: string) => boolean;
  /** A statement to run; the owner reports back with statement-blocked / statement-finished. */
  onStatement?: (source: string) => void;
  /** :next, :back, :hint, :solution, :reset, :lessons (:help and :quit are handled here). */
  onCommand?: (command: Command) => void;
  onInterrupt?: () => void;
  onQuit?: () => void;
}

export interface UiController {
  state: UiState;
  /** The newest state, already updated by actions React has not rendered yet. */
  getState: () => UiState;
  dispatch: (action: Action) => void;
  /** For the screen's key listener: every key, before the text input sees it (Enter included). */
  handleKey: (input: string, key: Partial<KeyFlags>) => void;
  /** For the text input's onChange: it reports its line, which the screen checks against its own. */
  handleLineChange: (line: string) => void;
  /** Enters a line as if typed: Python, a :command, or a line of a compound statement. */
  handleSubmit: (line: string) => void;
}

export function useUiState(options: UiStateOptions = {}): UiController {
  const [state, setState] = useState(() => initialUiState(options.initial));
  // Kept current synchronously: several keys can arrive before React renders again.
  const stateRef = useRef(state);
  const optionsRef = useRef(options);
  optionsRef.current = options;
  // Pasted lines still to enter: one at a time, each after the statement before it has finished.
  const pastedRef = useRef<PastedLine[]>([]);
  // Keys typed while a statement runs, taken once it is done, as a terminal keeps what is typed ahead.
  const typedAheadRef = useRef<ChunkKey[]>([]);
  const drainRef = useRef<() => void>(() => {});

  const dispatch = useCallback((action: Action) => {
    const before = stateRef.current;
    const after = uiReducer(before, action);
    stateRef.current = after;
    setState(after);
    if (after.quitRequested && !before.quitRequested) optionsRef.current.onQuit?.();
    const waiting = pastedRef.current.length > 0 || typedAheadRef.current.length > 0;
    if (before.running && !after.running && waiting) queueMicrotask(() => drainRef.current());
  }, []);

  const start = useCallback(
    (source: string) => {
      dispatch({ type: 'statement-started', source });
      try {
        optionsRef.current.onStatement?.(source);
      } catch (error) {
        dispatch({ type: 'statement-failed', message: errorMessage(error) });
      }
    },
    [dispatch],
  );

  const handleSubmit = useCallback(
    (line: string) => {
      const current = stateRef.current;
      if (current.running || current.overlay) return;
      const isIncomplete = optionsRef.current.isIncomplete ?? (() => false);
      dispatch({ type: 'line-submitted', line });
      if (current.block.length > 0) {
        const source = [...current.block, line].join('\n');
        if (line.trim() === '') start(current.block.join('\n'));
        else if (isIncomplete(source)) dispatch({ type: 'block-line-added', line });
        else start(source);
        return;
      }
      const submission = classifySubmission(line);
      switch (submission.kind) {
        case 'empty':
          return;
        case 'invalid-command':
          dispatch({ type: 'note', text: submission.message, tone: 'error' });
          return;
        case 'command':
          if (submission.command.name === 'help') dispatch({ type: 'overlay-opened', overlay: 'help' });
          else if (submission.command.name === 'quit') dispatch({ type: 'quit' });
          else optionsRef.current.onCommand?.(submission.command);
          return;
        case 'statement':
          if (isIncomplete(submission.source)) dispatch({ type: 'block-line-added', line });
          else start(submission.source);
      }
    },
    [dispatch, start],
  );

  drainRef.current = () => {
    const ready = () => !stateRef.current.running && !stateRef.current.quitRequested;
    while (pastedRef.current.length > 0 && ready()) {
      const next = pastedRef.current.shift();
      if (!next) break;
      const current = stateRef.current;
      dispatch({ type: 'line-edited', ...editLine(current.line, current.cursor, next.text, {}) });
      if (next.enter) handleSubmit(stateRef.current.line);
    }
    if (pastedRef.current.length > 0 || typedAheadRef.current.length === 0 || !ready()) return;
    while (typedAheadRef.current.length > 0 && ready()) {
      const next = typedAheadRef.current.shift();
      if (next) handleOneKeyRef.current(next.input, next.key);
    }
    // the text input comes back with the prompt; it must show the line the keys made
    dispatch({ type: 'line-restored', line: stateRef.current.line });
  };

  const queuePaste = useCallback((text: string) => {
    pastedRef.current = [...pastedRef.current, ...splitPaste(text)];
    drainRef.current();
  }, []);

  const handleOneKey = useCallback(
    (input: string, key: Partial<KeyFlags>): boolean => {
      const mode = keyModeOf(stateRef.current);
      const { intent, restartInput } = mapKey(input, key, mode);
      if (mode.running && intent.type === 'none') {
        if (typedAheadRef.current.length < TYPE_AHEAD_LIMIT) typedAheadRef.current.push({ input, key });
        return false;
      }
      const resolved = resolveIntent(intent, stateRef.current, optionsRef.current.complete);
      for (const action of resolved.actions) dispatch(action);
      const effect = resolved.effect;
      if (effect?.type === 'interrupt' || intent.type === 'interrupt-idle') {
        pastedRef.current = [];
        typedAheadRef.current = [];
      }
      if (effect?.type === 'interrupt') optionsRef.current.onInterrupt?.();
      if (effect?.type === 'submit') handleSubmit(stateRef.current.line);
      if (effect?.type === 'paste') queuePaste(effect.text);
      return restartInput;
    },
    [dispatch, handleSubmit, queuePaste],
  );

  const handleOneKeyRef = useRef(handleOneKey);
  handleOneKeyRef.current = handleOneKey;

  const handleKey = useCallback(
    (input: string, key: Partial<KeyFlags>) => {
      const { keys, rest } = splitChunk(input, key);
      let restartInput = keys.length > 1;
      for (const one of keys) restartInput = handleOneKey(one.input, one.key) || restartInput;
      if (rest !== '') queuePaste(rest);
      if (restartInput) {
        // The text input handles this same input after us; once it has, put our line back over its edit.
        queueMicrotask(() => dispatch({ type: 'line-restored', line: stateRef.current.line }));
      }
    },
    [dispatch, handleOneKey, queuePaste],
  );

  const handleLineChange = useCallback((line: string) => dispatch({ type: 'input-reported', line }), [dispatch]);

  const getState = useCallback(() => stateRef.current, []);

  return { state, getState, dispatch, handleKey, handleLineChange, handleSubmit };
}
