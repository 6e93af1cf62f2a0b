import { describe, expect, it } from 'vitest';
import { initialUiState } from '../../src/ui/state/initial-state';
import { resolveIntent } from '../../src/ui/state/intent';
import { keyModeOf } from '../../src/ui/state/key-mode';
import { lesson } from './fixtures';

const state = initialUiState({ line: 's.re', cursor: 4 });

describe('resolveIntent', () => {
  it('asks the completer with the line and cursor, outside the reducer', () => {
    const calls: Array<[string, number]> = [];
    const resolved = resolveIntent({ type: 'complete' }, state, (line, cursor) => {
      calls.push([line, cursor]);
      return { start: 2, candidates: ['recv('] };
    });
    expect(calls).toEqual([['s.re', 4]]);
    expect(resolved).toEqual({
      actions: [{ type: 'completion-shown', start: 2, candidates: ['recv('] }],
      effect: null,
    });
  });

  it('turns a failing completer into a note instead of a crash', () => {
    const resolved = resolveIntent({ type: 'complete' }, state, () => {
      throw new Error('no namespace');
    });
    expect(resolved.actions).toEqual([{ type: 'note', text: 'completion failed: no namespace', tone: 'error' }]);
  });

  it('reports an interrupt for the session and changes no state', () => {
    expect(resolveIntent({ type: 'interrupt' }, state)).toEqual({ actions: [], effect: { type: 'interrupt' } });
  });

  it('reports a submit for the owner of the line, and turns an edit into line-edited', () => {
    expect(resolveIntent({ type: 'submit' }, state)).toEqual({ actions: [], effect: { type: 'submit' } });
    expect(resolveIntent({ type: 'paste', text: 'a\nb' }, state)).toEqual({ actions: [], effect: { type: 'paste', text: 'a\nb' } });
    expect(resolveIntent({ type: 'edit', line: 's.rec', cursor: 5 }, state).actions).toEqual([
      { type: 'line-edited', line: 's.rec', cursor: 5 },
    ]);
  });

  it('maps scrolling to the right pane', () => {
    expect(resolveIntent({ type: 'scroll', target: 'console', step: 'page', direction: -1 }, state).actions).toEqual([
      { type: 'console-scrolled', step: 'page', direction: -1 },
    ]);
    expect(resolveIntent({ type: 'scroll', target: 'overlay', step: 'row', direction: 1 }, state).actions).toEqual([
      { type: 'overlay-scrolled', step: 'row', direction: 1 },
    ]);
  });

  it('toggles help open and closed', () => {
    expect(resolveIntent({ type: 'toggle-help' }, state).actions).toEqual([{ type: 'overlay-opened', overlay: 'help' }]);
    expect(resolveIntent({ type: 'toggle-help' }, { ...state, overlay: 'help' }).actions).toEqual([{ type: 'overlay-closed' }]);
  });
});

describe('keyModeOf', () => {
  it('shows a ghost only for a line that begins the suggestion, outside a block', () => {
    expect(keyModeOf(initialUiState({ lesson, line: 'conn' })).ghost).toBe(true);
    expect(keyModeOf(initialUiState({ lesson, line: 'x' })).ghost).toBe(false);
    expect(keyModeOf(initialUiState({ lesson, line: '', block: ['while True:'] })).ghost).toBe(false);
    expect(keyModeOf(initialUiState({ lesson, running: true })).ghost).toBe(false);
  });
});
