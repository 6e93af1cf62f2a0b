import { describe, expect, it } from 'vitest';
import { initialUiState } from '../../src/ui/state/initial-state';
import { layoutOf } from '../../src/ui/state/layout-of';
import { CONSOLE_LIMIT, QUIT_WARNING, uiReducer } from '../../src/ui/state/reducer';
import type { Action, UiState } from '../../src/ui/state/types';
import { acceptBlocked, greeting, lesson, result, row, serverRows } from './fixtures';

function run(state: UiState, ...actions: Action[]): UiState {
  return actions.reduce(uiReducer, state);
}

const start = initialUiState();

describe('the line and its history', () => {
  it('remembers submitted lines, skipping blanks and repeats', () => {
    const state = run(
      start,
      { type: 'line-submitted', line: 'a = 1' },
      { type: 'line-submitted', line: '   ' },
      { type: 'line-submitted', line: 'a = 1' },
      { type: 'line-submitted', line: 'b = 2' },
    );
    expect(state.history).toEqual(['a = 1', 'b = 2']);
    expect(state.line).toBe('');
  });

  it('walks back and forth and gives the draft back past the newest entry', () => {
    let state = run(start, { type: 'line-submitted', line: 'one' }, { type: 'line-submitted', line: 'two' });
    state = run(state, { type: 'line-edited', line: 'dra', cursor: 'dra'.length });
    state = run(state, { type: 'history-prev' });
    expect(state.line).toBe('two');
    state = run(state, { type: 'history-prev' }, { type: 'history-prev' });
    expect(state.line).toBe('one');
    state = run(state, { type: 'history-next' });
    expect(state.line).toBe('two');
    state = run(state, { type: 'history-next' });
    expect(state.line).toBe('dra');
    expect(state.historyIndex).toBeNull();
    expect(run(state, { type: 'history-next' }).line).toBe('dra');
  });

  it('restarts the text input with the cursor at the end when history sets the line', () => {
    const state = run(start, { type: 'line-submitted', line: 's.listen(5)' });
    const recalled = run(state, { type: 'history-prev' });
    expect(recalled.inputVersion).toBeGreaterThan(state.inputVersion);
    expect(recalled.cursor).toBe('s.listen(5)'.length);
  });

  it('does nothing on up with no history', () => {
    expect(run(start, { type: 'history-prev' })).toBe(start);
  });

  it('keeps the cursor on the line', () => {
    const state = run(start, { type: 'line-edited', line: 'abc', cursor: 1 });
    expect(state.cursor).toBe(1);
    expect(run(state, { type: 'line-edited', line: 'a', cursor: 7 }).cursor).toBe(1);
    expect(run(state, { type: 'line-edited', line: 'ab', cursor: Number.NaN }).cursor).toBe(2);
  });

  it('restarts the text input when its line is not the screen’s', () => {
    const state = run(start, { type: 'line-edited', line: 'abc', cursor: 3 });
    expect(run(state, { type: 'input-reported', line: 'abc' })).toBe(state);
    const stale = run(state, { type: 'input-reported', line: 'c' });
    expect(stale.line).toBe('abc');
    expect(stale.inputVersion).toBe(state.inputVersion + 1);
  });

  it('strips control and bidi characters a paste brings in', () => {
    const state = run(start, { type: 'line-edited', line: 'x = 1\x1b[2J\u202e\x07\tb', cursor: 'x = 1\x1b[2J\u202e\x07\tb'.length });
    expect(state.line).toBe('x = 1[2J    b');
    expect(state.inputVersion).toBe(1);
  });

  it('puts a line back after a key the text input also took', () => {
    const state = run(start, { type: 'line-edited', line: 'abct', cursor: 'abct'.length }, { type: 'line-restored', line: 'abc' });
    expect(state.line).toBe('abc');
    expect(state.cursor).toBe(3);
  });
});

describe('suggestion and completion', () => {
  const withLesson = initialUiState({ lesson });

  it('accepts the suggestion when the line is its beginning', () => {
    const state = run(withLesson, { type: 'line-edited', line: 'conn', cursor: 'conn'.length }, { type: 'suggestion-accepted' });
    expect(state.line).toBe('conn, addr = s.accept()');
    expect(state.cursor).toBe(state.line.length);
  });

  it('leaves a line that went its own way', () => {
    const state = run(withLesson, { type: 'line-edited', line: 'x = 1', cursor: 'x = 1'.length });
    expect(run(state, { type: 'suggestion-accepted' })).toBe(state);
  });

  it('completes one candidate and lists several', () => {
    let state = run(start, { type: 'line-edited', line: 's.re', cursor: 4 });
    state = run(state, { type: 'completion-shown', start: 2, candidates: ['recv(', 'recvfrom('] });
    expect(state.line).toBe('s.recv');
    expect(state.candidates).toEqual(['recv(', 'recvfrom(']);
    state = run(state, { type: 'line-edited', line: 's.recvf', cursor: 's.recvf'.length });
    expect(state.candidates).toEqual([]);
  });
});

describe('statements', () => {
  it('shows a pending statement, then its result, rows, changes and bytes', () => {
    let state = run(start, { type: 'statement-started', source: 'conn.recv(1024)' });
    expect(state.running).toBe(true);
    expect(state.console).toEqual([{ kind: 'statement', source: 'conn.recv(1024)', output: '', error: null, pending: true }]);
    state = run(state, { type: 'statement-blocked', info: acceptBlocked });
    expect(state.blocked).toEqual(acceptBlocked);
    state = run(state, { type: 'statement-finished', result: result('conn.recv(1024)', { output: "b'Hello there\\n'\n", bytes: [greeting] }) });
    expect(state.running).toBe(false);
    expect(state.blocked).toBeNull();
    expect(state.console).toHaveLength(1);
    expect(state.console[0]).toMatchObject({ pending: false, output: "b'Hello there\\n'\n" });
    expect(state.rows).toBe(serverRows);
    expect(state.bytes).toEqual([greeting]);
  });

  it('keeps the last bytes shown when a call returns none', () => {
    let state = run(start, { type: 'statement-finished', result: result('a', { bytes: [greeting] }) });
    state = run(state, { type: 'statement-finished', result: result('b') });
    expect(state.bytes).toEqual([greeting]);
  });

  it('copes with a result that lacks its lists', () => {
    const broken = { ...result('x'), rows: undefined, changes: undefined, bytes: undefined, output: undefined };
    const state = run(initialUiState({ rows: serverRows }), { type: 'statement-finished', result: broken as never });
    expect(state.rows).toBe(serverRows);
    expect(state.console[0]).toMatchObject({ output: '', pending: false });
  });

  it('ignores a blocked report when nothing runs', () => {
    expect(run(start, { type: 'statement-blocked', info: acceptBlocked }).blocked).toBeNull();
  });

  it('gives the prompt back when the session fails to run a statement', () => {
    const state = run(start, { type: 'statement-started', source: 'x' }, { type: 'statement-failed', message: 'session lost' });
    expect(state.running).toBe(false);
    expect(state.console[0]).toMatchObject({ pending: false });
    expect(state.console[1]).toEqual({ kind: 'note', text: 'session lost', tone: 'error' });
  });

  it('collects a compound statement line by line', () => {
    const state = run(start, { type: 'block-line-added', line: 'while True:' }, { type: 'block-line-added', line: '    break' });
    expect(state.block).toEqual(['while True:', '    break']);
    expect(run(state, { type: 'statement-started', source: 'while True:\n    break' }).block).toEqual([]);
  });

  it('keeps at most CONSOLE_LIMIT entries', () => {
    let state = start;
    for (let i = 0; i < CONSOLE_LIMIT + 10; i++) state = run(state, { type: 'note', text: String(i) });
    expect(state.console).toHaveLength(CONSOLE_LIMIT);
    expect(state.console[0]).toEqual({ kind: 'note', text: '10', tone: 'info' });
  });
});

describe('quitting', () => {
  it('asks for a second Ctrl+C, then quits', () => {
    const once = run(start, { type: 'line-edited', line: 'half typed', cursor: 'half typed'.length }, { type: 'interrupt-idle' });
    expect(once.quitArmed).toBe(true);
    expect(once.quitRequested).toBe(false);
    expect(once.line).toBe('');
    expect(once.console[once.console.length - 1]).toEqual({ kind: 'note', text: QUIT_WARNING, tone: 'warning' });
    expect(run(once, { type: 'interrupt-idle' }).quitRequested).toBe(true);
  });

  it('forgets the first Ctrl+C when the learner does something else', () => {
    const state = run(start, { type: 'interrupt-idle' }, { type: 'line-edited', line: 'x', cursor: 'x'.length }, { type: 'interrupt-idle' });
    expect(state.quitRequested).toBe(false);
    expect(state.quitArmed).toBe(true);
  });

  it('quits at once on quit', () => {
    expect(run(start, { type: 'quit' }).quitRequested).toBe(true);
  });
});

describe('the sockets table scroll', () => {
  const many = Array.from({ length: 1000 }, (_, i) => row({ key: `k${i}`, name: `c${i}`, fd: i + 3 }));
  const big = run(start, { type: 'snapshot', rows: many, changes: [] });

  it('scrolls by row, by page and to the edges, within range', () => {
    const page = layoutOf(big).tableRows;
    expect(run(big, { type: 'table-scrolled', step: 'row', direction: 1 }).tableScroll).toBe(1);
    expect(run(big, { type: 'table-scrolled', step: 'page', direction: 1 }).tableScroll).toBe(page);
    expect(run(big, { type: 'table-scrolled', step: 'row', direction: -1 }).tableScroll).toBe(0);
    expect(run(big, { type: 'table-scrolled', step: 'edge', direction: 1 }).tableScroll).toBe(1000 - page);
  });

  it('scrolls to show the row the last call changed', () => {
    const state = run(big, { type: 'snapshot', rows: many, changes: [{ key: 'k500', kind: 'changed', fields: ['state'] }] });
    const page = layoutOf(state).tableRows;
    expect(state.tableScroll).toBeLessThanOrEqual(500);
    expect(state.tableScroll + page).toBeGreaterThan(500);
  });

  it('keeps the offset in range when rows go away or the terminal grows', () => {
    const scrolled = run(big, { type: 'table-scrolled', step: 'edge', direction: 1 });
    expect(run(scrolled, { type: 'resized', size: { columns: 80, rows: 2000 } }).tableScroll).toBe(0);
    expect(run(scrolled, { type: 'session-reset' }).tableScroll).toBe(0);
  });
});

describe('the console scroll', () => {
  it('scrolls back within what there is and returns to the newest on submit', () => {
    let state = start;
    for (let i = 0; i < 100; i++) state = run(state, { type: 'note', text: `n${i}` });
    state = run(state, { type: 'console-scrolled', step: 'page', direction: -1 });
    expect(state.consoleScroll).toBe(layoutOf(state).consoleLines);
    state = run(state, { type: 'console-scrolled', step: 'edge', direction: -1 });
    expect(state.consoleScroll).toBe(100 - layoutOf(state).consoleLines);
    expect(run(state, { type: 'console-scrolled', step: 'edge', direction: 1 }).consoleScroll).toBe(0);
    expect(run(state, { type: 'line-submitted', line: 'x' }).consoleScroll).toBe(0);
  });

  it('cannot scroll a console that fits', () => {
    const state = run(start, { type: 'note', text: 'one' }, { type: 'console-scrolled', step: 'row', direction: -1 });
    expect(state.consoleScroll).toBe(0);
  });
});

describe('overlay, decoding, size, lesson', () => {
  it('opens and closes help, restarting the input when it closes', () => {
    const open = run(start, { type: 'overlay-opened', overlay: 'help' });
    expect(open.overlay).toBe('help');
    const scrolled = run(open, { type: 'overlay-scrolled', step: 'row', direction: 1 });
    expect(scrolled.overlayScroll).toBe(1);
    const closed = run(scrolled, { type: 'overlay-closed' });
    expect(closed.overlay).toBeNull();
    expect(closed.overlayScroll).toBe(0);
    expect(closed.inputVersion).toBe(open.inputVersion + 1);
  });

  it('cycles and sets the decoding', () => {
    expect(run(start, { type: 'decoding-cycled' }).decoding).toBe('gbk');
    expect(run(start, { type: 'decoding-set', decoding: 'latin-1' }).decoding).toBe('latin-1');
  });

  it('takes a new terminal size, ignoring nonsense', () => {
    expect(run(start, { type: 'resized', size: { columns: 120.7, rows: 40 } }).size).toEqual({ columns: 120, rows: 40 });
    expect(run(start, { type: 'resized', size: { columns: Number.NaN, rows: 0 } }).size).toEqual({ columns: 80, rows: 1 });
  });

  it('shows a lesson and clears the sockets on reset', () => {
    const state = run(start, { type: 'lesson-changed', lesson }, { type: 'snapshot', rows: serverRows, changes: [] });
    expect(state.lesson).toBe(lesson);
    const reset = run(state, { type: 'session-reset' });
    expect(reset.rows).toEqual([]);
    expect(reset.lesson).toBe(lesson);
  });

  it('returns the same state for an unknown action', () => {
    expect(uiReducer(start, { type: 'bogus' } as unknown as Action)).toBe(start);
  });
});
