// The reducer's actions for a live session: streamed output, waiting and running on, statements
// run on the learner's behalf, closed sockets kept in view between statements, and what a table
// read between statements counts as changed.
import { describe, expect, it } from 'vitest';
import { initialUiState } from '../../src/ui/state/initial-state';
import { uiReducer } from '../../src/ui/state/reducer';
import { entryLines } from '../../src/ui/format/console-lines';
import { changesSince } from '../../src/ui/live/live-controller';
import type { Action, ConsoleEntry, NoteTone, UiState } from '../../src/ui/state/types';
import { acceptBlocked, greeting, result, row } from './fixtures';

function run(state: UiState, ...actions: Action[]): UiState {
  return actions.reduce(uiReducer, state);
}

const start = initialUiState();
const statements = (state: UiState) => state.console.filter((e): e is Extract<ConsoleEntry, { kind: 'statement' }> => e.kind === 'statement');

describe('a statement that prints while it runs', () => {
  it('adds the text to its pending entry, which the result then replaces', () => {
    let state = run(start, { type: 'statement-started', source: "print('a'); s.accept()" });
    state = run(state, { type: 'statement-output', text: 'a\n' }, { type: 'statement-blocked', info: acceptBlocked });
    expect(statements(state)).toEqual([{ kind: 'statement', source: "print('a'); s.accept()", output: 'a\n', error: null, pending: true }]);
    expect(state.blocked).toEqual(acceptBlocked);
    state = run(state, { type: 'statement-finished', result: result("print('a'); s.accept()", { output: "a\n(<socket>, ('127.0.0.1', 5))\n" }) });
    expect(statements(state)[0]?.output).toBe("a\n(<socket>, ('127.0.0.1', 5))\n");
    expect(state.running).toBe(false);
  });

  it('ignores output when nothing runs, and empty output', () => {
    expect(run(start, { type: 'statement-output', text: 'stray' })).toBe(start);
    const running = run(start, { type: 'statement-started', source: 'x' });
    expect(run(running, { type: 'statement-output', text: '' })).toEqual(running);
  });

  it('stops showing the wait when the statement runs on', () => {
    const state = run(start, { type: 'statement-started', source: 'a = s.accept(); b = 1' }, { type: 'statement-blocked', info: acceptBlocked });
    const after = run(state, { type: 'statement-blocked', info: null });
    expect(after.blocked).toBeNull();
    expect(after.running).toBe(true);
  });
});

describe('statements run on the learner behalf', () => {
  it('are shown as finished entries with the table after the last, leaving a pending entry pending', () => {
    const lastRows = [row({ key: 'L1', name: 's', fd: 3, state: 'LISTEN' })];
    let state = run(start, { type: 'statement-started', source: 'typed()' });
    state = run(state, {
      type: 'statements-shown',
      results: [
        result('import socket', { rows: [], changes: [] }),
        result('s.listen()', { rows: lastRows, changes: [{ key: 'L1', kind: 'new', fields: [] }], bytes: [greeting] }),
      ],
    });
    expect(statements(state).map((e) => [e.source, e.pending])).toEqual([
      ['typed()', true],
      ['import socket', false],
      ['s.listen()', false],
    ]);
    expect(state.running).toBe(true);
    expect(state.rows).toEqual(lastRows);
    expect(state.bytes).toEqual([greeting]);
  });
});

describe('a table read between statements', () => {
  it('keeps the rows the last statement closed, in place, until the next statement', () => {
    const closed = row({ key: 'L1', name: 's', state: 'CLOSED', closed: true });
    const conn = row({ key: 'L2', name: 'conn', fd: 4, state: 'CLOSE_WAIT' });
    const peer = row({ key: 'P1', name: 'client', owner: 'peer', fd: 9, state: 'FIN_WAIT2' });
    let state = run(start, { type: 'statement-finished', result: result('s.close()', { rows: [closed, conn, peer], changes: [{ key: 'L1', kind: 'closed', fields: ['state'] }] }) });
    const later = { ...peer, state: 'TIME_WAIT' as const };
    state = run(state, { type: 'snapshot', rows: [conn, later], changes: [{ key: 'P1', kind: 'changed', fields: ['state'] }] });
    expect(state.rows.map((r) => [r.key, r.state])).toEqual([
      ['L1', 'CLOSED'],
      ['L2', 'CLOSE_WAIT'],
      ['P1', 'TIME_WAIT'],
    ]);
    state = run(state, { type: 'statement-finished', result: result('conn.close()', { rows: [later], changes: [] }) });
    expect(state.rows.map((r) => r.key)).toEqual(['P1']);
  });

  it('keeps nothing that was not closed', () => {
    const open = row({ key: 'L1', name: 's', fd: 3, state: 'LISTEN' });
    const state = run(start, { type: 'snapshot', rows: [open], changes: [] }, { type: 'snapshot', rows: [], changes: [] });
    expect(state.rows).toEqual([]);
  });
});

describe('notes', () => {
  it('keep the tones a lesson uses, and an unknown tone is shown as plain information', () => {
    const state = run(start, { type: 'note', text: '✓ step 1 done', tone: 'success' }, { type: 'note', text: 'a hint', tone: 'hint' });
    expect(state.console).toEqual([
      { kind: 'note', text: '✓ step 1 done', tone: 'success' },
      { kind: 'note', text: 'a hint', tone: 'hint' },
    ]);
    expect(entryLines({ kind: 'note', text: 'ok', tone: 'success' })).toEqual([{ text: '# ok', tone: 'success', prose: true }]);
    expect(entryLines({ kind: 'note', text: 'odd', tone: 'constructor' as NoteTone })).toEqual([{ text: '# odd', tone: 'note', prose: true }]);
  });
});

describe('the changes a table read shows', () => {
  it('are those since the table on the screen, a closed row counting once', () => {
    const listening = row({ key: 'L1', name: 's', fd: 3, state: 'LISTEN', acceptQueue: 0 });
    const closed = row({ key: 'L2', name: 'c', state: 'CLOSED', closed: true });
    const queued = { ...listening, acceptQueue: 1 };
    expect(changesSince([listening, closed], [queued, closed])).toEqual([{ key: 'L1', kind: 'changed', fields: ['acceptQueue'] }]);
    expect(changesSince([listening], [listening, closed])).toEqual([{ key: 'L2', kind: 'closed', fields: ['state'] }]);
    expect(changesSince([], [listening])).toEqual([{ key: 'L1', kind: 'new', fields: [] }]);
  });
});
