import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, beforeAll } from 'vitest';
import { Screen } from '../../src/ui/components/Screen';
import { displayWidth } from '../../src/ui/format/text-width';
import { initialUiState } from '../../src/ui/state/initial-state';
import { uiReducer } from '../../src/ui/state/reducer';
import type { Action, UiState } from '../../src/ui/state/types';
import { acceptBlocked, forbidden, greeting, hostileBytes, hostileText, lesson, result, row, serverRows } from './fixtures';
import { loadBytesCodec } from '../../src/ui/components/use-bytes-codec';

const instances: Array<ReturnType<typeof render>> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.unmount();
});

function show(state: UiState, extra: Partial<React.ComponentProps<typeof Screen>> = {}) {
  const instance = render(
    <Screen state={state} colour={false} onKey={() => {}} onLineChange={() => {}} {...extra} />,
  );
  instances.push(instance);
  return instance;
}

function session(size: { columns: number; rows: number }, ...actions: Action[]): UiState {
  return actions.reduce(uiReducer, initialUiState({ size, lesson }));
}

const realistic: Action[] = [
  { type: 'statement-started', source: 's.listen(5)' },
  { type: 'statement-finished', result: result('s.listen(5)') },
  { type: 'statement-started', source: 'conn.recv(1024)' },
  { type: 'statement-finished', result: result('conn.recv(1024)', { output: "b'Hello there\\n'\n", bytes: [greeting] }) },
  { type: 'statement-started', source: "s.bind(('127.0.0.1', 9999))" },
  {
    type: 'statement-finished',
    result: result("s.bind(('127.0.0.1', 9999))", {
      output: 'OSError: [Errno 98] Address already in use\n',
      error: { type: 'OSError', message: '[Errno 98] Address already in use' },
    }),
  },
];

// the screens load the decoder once drawn; here it is loaded before the panel renders
beforeAll(() => loadBytesCodec());

describe('Screen at 80x24', () => {
  const state = session({ columns: 80, rows: 24 }, ...realistic);
  const frame = () => show(state).lastFrame() ?? '';

  it('fits: 24 lines, none wider than 80 columns', () => {
    const lines = frame().split('\n');
    expect(lines).toHaveLength(24);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('shows the lesson, its step and the next call', () => {
    const text = frame();
    expect(text).toContain('A server that listens');
    expect(text).toContain('step 3 of 7');
    expect(text).toContain('next: conn, addr = s.accept()');
  });

  it('shows every socket with its state and queue in words, and what changed', () => {
    const lines = frame().split('\n');
    const listener = lines.find((line) => line.includes('LISTEN '));
    expect(listener).toMatch(/^\* s +3 +TCP +127\.0\.0\.1:9999 +- +LISTEN +2 of backlog 5/);
    expect(lines.find((line) => line.includes('conn ') && line.includes('ESTABLISHED'))).toMatch(/^\+ conn .* 12 bytes unread/);
    expect(lines.find((line) => line.includes('client'))).toContain('127.0.0.1:51968 127.0.0.1:9999  ESTABLISHED');
    expect(lines.find((line) => line.includes('TIME_WAIT'))).toMatch(/^ {2}kernel +- +TCP +127\.0\.0\.1:51900/);
  });

  it('shows the bytes as a repr, a hex dump and a decoding', () => {
    const text = frame();
    expect(text).toContain('bytes · conn.recv(1024) returned 12 bytes');
    expect(text).toContain("b'Hello there\\n'");
    expect(text).toContain('00000000  48 65 6c 6c 6f 20 74 68  65 72 65 0a              |Hello there.|');
    expect(text).toContain("utf-8 [Ctrl+T]: 'Hello there\\n'");
  });

  it('shows the console with the newest output just above the prompt', () => {
    const lines = frame().split('\n');
    const prompt = lines.findLastIndex((line) => line.startsWith('>>>'));
    expect(lines[prompt - 1]).toBe('OSError: [Errno 98] Address already in use');
    expect(lines[prompt - 2]).toBe(">>> s.bind(('127.0.0.1', 9999))");
    expect(lines[prompt]).toContain('conn, addr = s.accept()');
    expect(lines[23]).toContain('Tab or Right takes the suggestion');
  });

  it('shows a blocked call instead of the prompt', () => {
    const blocked = session(
      { columns: 80, rows: 24 },
      ...realistic,
      { type: 'statement-started', source: 'conn, addr = s.accept()' },
      { type: 'statement-blocked', info: acceptBlocked },
    );
    const text = show(blocked, { now: () => acceptBlocked.since + 3000 }).lastFrame() ?? '';
    expect(text).toContain('accept(): waiting for a client on 127.0.0.1:9999 · 3s');
    expect(text).toContain('try nc 127.0.0.1 9999 in another terminal · Ctrl+C interrupts');
    expect(text).toContain('>>> conn, addr = s.accept()');
    expect(text).toContain('Ctrl+C interrupts · PgUp/PgDn sockets');
    expect(text.split('\n')).toHaveLength(24);
  });
});

describe('Screen at other sizes', () => {
  it.each([
    [200, 50],
    [100, 30],
    [60, 16],
  ])('fits %ix%i', (columns, rows) => {
    const lines = (show(session({ columns, rows }, ...realistic)).lastFrame() ?? '').split('\n');
    expect(lines).toHaveLength(rows);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
  });

  it('follows a resize given through the state', () => {
    const state = session({ columns: 80, rows: 24 }, ...realistic);
    const instance = show(state);
    const bigger = uiReducer(state, { type: 'resized', size: { columns: 120, rows: 30 } });
    instance.rerender(<Screen state={bigger} colour={false} onKey={() => {}} onLineChange={() => {}} />);
    const lines = (instance.lastFrame() ?? '').split('\n');
    expect(lines).toHaveLength(30);
    expect(lines.some((line) => displayWidth(line) > 80)).toBe(true);
  });

  it('shows the help overlay over everything', () => {
    const state = session({ columns: 80, rows: 24 }, ...realistic, { type: 'overlay-opened', overlay: 'help' });
    const lines = (show(state).lastFrame() ?? '').split('\n');
    expect(lines[0]).toContain('socklab help');
    expect(lines).toHaveLength(24);
    expect(lines[23]).toMatch(/^Esc, q or \? closes · lines 1-22 of \d+, Up\/Down scroll/);
  });
});

describe('Screen with hostile data everywhere', () => {
  it('lets nothing through unescaped', () => {
    const evil = row({ key: 'evil', name: hostileText, owner: 'peer', local: hostileText, remote: '127.0.0.1:1', state: 'ESTABLISHED' });
    const state = session(
      { columns: 80, rows: 40 },
      { type: 'lesson-changed', lesson: { ...lesson, title: hostileText, prose: hostileText, suggestion: hostileText } },
      { type: 'statement-started', source: `print(${hostileText})` },
      {
        type: 'statement-finished',
        result: result('d = c.recv(4096)', {
          output: hostileText,
          rows: [...serverRows, evil],
          bytes: [{ label: hostileText, data: hostileBytes, from: hostileText }],
        }),
      },
      { type: 'note', text: hostileText, tone: 'error' },
      { type: 'statement-started', source: 'c.recv(1)' },
      { type: 'statement-blocked', info: { ...acceptBlocked, call: hostileText, waitingFor: hostileText, hint: hostileText } },
    );
    for (const decoding of ['utf-8', 'gbk', 'latin-1'] as const) {
      const text = show({ ...state, decoding }).lastFrame() ?? '';
      expect(text).not.toMatch(forbidden);
      expect(text).toContain('\\x1b]0;pwned title\\x07');
    }
  });
});
