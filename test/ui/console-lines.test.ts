import { describe, expect, it } from 'vitest';
import { blockLines, consoleWindow, entryLines, OUTPUT_LIMIT } from '../../src/ui/format/console-lines';
import type { ConsoleEntry } from '../../src/ui/state/types';
import { forbidden, hostileText } from './fixtures';

const statement = (source: string, output: string, failed = false): ConsoleEntry => ({
  kind: 'statement',
  source,
  output,
  error: failed ? { type: 'OSError', message: 'x' } : null,
  pending: false,
});

describe('entryLines', () => {
  it('writes the statement after >>> and continuation lines after ...', () => {
    expect(entryLines(statement('while True:\n    break', ''))).toEqual([
      { text: '>>> while True:', tone: 'input' },
      { text: '...     break', tone: 'input' },
    ]);
  });

  it('marks only the exception line of a failed statement as an error', () => {
    const lines = entryLines(statement('f()', 'printed first\nOSError: [Errno 9] Bad file descriptor\n', true));
    expect(lines.map((l) => l.tone)).toEqual(['input', 'output', 'error']);
    expect(lines[2]?.text).toBe('OSError: [Errno 9] Bad file descriptor');
  });

  it('writes notes as comments', () => {
    expect(entryLines({ kind: 'note', text: 'press Ctrl+C again to quit', tone: 'warning' })).toEqual([
      { text: '# press Ctrl+C again to quit', tone: 'warning', prose: true },
    ]);
  });

  it('escapes hostile output printed by the learner', () => {
    for (const line of entryLines(statement('print(data.decode())', hostileText))) expect(line.text).not.toMatch(forbidden);
  });

  it('cuts enormous output and says how much', () => {
    const lines = entryLines(statement('x', 'a'.repeat(OUTPUT_LIMIT + 5)));
    expect(lines[lines.length - 1]).toEqual({ text: '… 5 more characters not shown', tone: 'note' });
  });
});

describe('consoleWindow', () => {
  const entries = Array.from({ length: 50 }, (_, i) => statement(`x = ${i}`, `${i}\n`));

  it('shows the newest lines that fit', () => {
    const view = consoleWindow(entries, [], 80, 4, 0);
    expect(view.lines.map((l) => l.text)).toEqual(['>>> x = 48', '48', '>>> x = 49', '49']);
    expect(view.above).toBe(true);
    expect(view.below).toBe(false);
  });

  it('scrolls back by lines', () => {
    const view = consoleWindow(entries, [], 80, 2, 3);
    expect(view.lines.map((l) => l.text)).toEqual(['47', '>>> x = 48']);
    expect(view.below).toBe(true);
  });

  it('wraps long lines to the width', () => {
    const view = consoleWindow([statement('s', 'abcdefghij')], [], 4, 10, 0);
    expect(view.lines.map((l) => l.text)).toEqual(['>>> ', 's', 'abcd', 'efgh', 'ij']);
  });

  it('puts the compound statement being typed last', () => {
    const view = consoleWindow(entries, blockLines(['while True:', '    d = s.recv(1024)']), 80, 3, 0);
    expect(view.lines.map((l) => l.text)).toEqual(['49', '>>> while True:', '...     d = s.recv(1024)']);
  });
});

describe('wrapping', () => {
  it('wraps notes at spaces, aligned after the #, and output at the width', () => {
    const note: ConsoleEntry = { kind: 'note', tone: 'info', text: 'A server waits at an address its clients know. Here you build the server.' };
    const window = consoleWindow([note], [], 40, 10, 0);
    expect(window.lines.map((l) => l.text)).toEqual(['# A server waits at an address its', '  clients know. Here you build the', '  server.']);
    const printed: ConsoleEntry = { kind: 'statement', source: 'x', output: `${'b'.repeat(50)}\n`, error: null } as ConsoleEntry;
    expect(consoleWindow([printed], [], 40, 10, 0).lines.map((l) => l.text)).toEqual(['>>> x', 'b'.repeat(40), 'b'.repeat(10)]);
  });

  it("wraps socklab's answer to a statement it does not run at spaces, and an exception's line at the width", () => {
    const loop: ConsoleEntry = {
      kind: 'statement',
      source: 'while True: pass',
      output: '`while` loops are not part of it: type the calls one at a time\n',
      error: { type: 'socklab', message: '`while` loops are not part of it: type the calls one at a time' },
      pending: false,
    } as ConsoleEntry;
    expect(consoleWindow([loop], [], 30, 10, 0).lines.map((l) => l.text)).toEqual([
      '>>> while True: pass',
      '`while` loops are not part of',
      'it: type the calls one at a',
      'time',
    ]);
    const raised = { ...loop, output: `ValueError: ${'x '.repeat(20)}\n`, error: { type: 'ValueError', message: 'x' } } as ConsoleEntry;
    expect(consoleWindow([raised], [], 30, 10, 0).lines[1]?.text).toHaveLength(30);
  });
});
