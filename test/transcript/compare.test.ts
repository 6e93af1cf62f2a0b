// Normalising what legitimately differs between two runs, and comparing a recording with a live run
// statement by statement: pure string work.
import { describe, it, expect } from 'vitest';
import { TranscriptNormaliser, restorePlaceholders } from '../../src/session/transcript/normalise';
import { OutputComparer, describeDifference, portPairs } from '../../src/session/transcript/compare';
import { callLimitMs } from '../../src/session/transcript/live-replay';

describe('TranscriptNormaliser options', () => {
  it('writes the lesson ports back as their names first, every value a name has had', () => {
    const n = new TranscriptNormaliser({ names: [['PORT', 31610]] });
    expect(n.normalise("('127.0.0.1', 31610) 131610 316100 x31610")).toBe("('127.0.0.1', {PORT}) 131610 316100 x31610");
    n.addNames([['PORT', 42000], ['PORT', 31610]]);
    expect(n.normalise("('127.0.0.1', 42000) ('127.0.0.1', 31610) ('127.0.0.1', 51000)")).toBe(
      "('127.0.0.1', {PORT}) ('127.0.0.1', {PORT}) ('127.0.0.1', PORT1)",
    );
    expect(restorePlaceholders('a 5 b', [['X', 5], ['Y', 'b']])).toBe('a {X} {Y}');
  });

  it('hides fd numbers when asked, bare ones too when the statement asked for a fileno()', () => {
    const n = new TranscriptNormaliser({ fds: 'hide' });
    expect(n.normalise('<socket.socket fd=31, family=2> fd=3')).toBe('<socket.socket fd=FD, family=2> fd=FD');
    expect(n.normaliseOutput('s.fileno()', '30\n')).toBe('fd=FD\n');
    expect(n.normaliseOutput('len(x)', '30\n')).toBe('30\n');
    const renamed = new TranscriptNormaliser();
    expect(renamed.normaliseOutput('conn.fileno()', '7\n') + renamed.normalise('fd=7 fd=8')).toBe('fd=FD1\nfd=FD1 fd=FD2');
  });

  it('hides wall-clock times when asked, and nothing else that looks like a number', () => {
    const n = new TranscriptNormaliser({ times: true });
    expect(n.normalise('1763812345.123456\n1763812345123456789\n12.5\n1763812345\n')).toBe('TIME\nTIME\n12.5\n1763812345\n');
    expect(new TranscriptNormaliser().normalise('1763812345.123456')).toBe('1763812345.123456');
  });
});

describe('OutputComparer', () => {
  const rec = (source: string, output: string, line = 5, passed: boolean | null = null, step: number | null = null) => ({ source, output, line, passed, step });
  const live = (source: string, output: string, passed: boolean | null = null) => ({ source, output, passed });

  it('finds no difference where only fds, ports, the lesson ports and addresses differ', () => {
    const c = new OutputComparer(portPairs({ PORT: 31610 }), portPairs({ PORT: 45000, PORT2: undefined }));
    expect(
      c.compare(
        rec('s', "<socket.socket fd=31, family=2, type=1, proto=0, laddr=('127.0.0.1', 51000), raddr=('127.0.0.1', 31610)>\n"),
        live('s', "<socket.socket fd=4, family=2, type=1, proto=0, laddr=('127.0.0.1', 39999), raddr=('127.0.0.1', 45000)>\n"),
      ),
    ).toBeNull();
    expect(c.compare(rec('f', '<function f at 0x7f3a5c100040>\n'), live('f', '<function f at 0x7fffe0001000>\n'))).toBeNull();
    // The same kernel port must recur where it recurred.
    expect(c.compare(rec('addr', "('127.0.0.1', 51000)\n"), live('addr', "('127.0.0.1', 39999)\n"))).toBeNull();
    expect(c.compare(rec('addr', "('127.0.0.1', 51000)\n"), live('addr', "('127.0.0.1', 40001)\n"))?.what).toBe('output');
  });

  it('reports a different output, a different verdict, another statement, and statements on one side only', () => {
    const c = new OutputComparer();
    expect(c.compare(rec('s.send(b"hi")', '2\n', 7), live('s.send(b"hi")', '3\n'))).toEqual({
      position: 1,
      line: 7,
      source: 's.send(b"hi")',
      what: 'output',
      recorded: '2\n',
      live: '3\n',
    });
    expect(c.compare(rec('x = 1', '', 8, true), live('x = 1', '', false))).toMatchObject({ position: 2, what: 'check', recorded: 'check passed', live: 'check did not pass' });
    expect(c.compare(rec('x = 1', '', 9, true), live('x = 1', '', null))).toBeNull();
    expect(c.compare(rec('a', ''), live('b', ''))).toMatchObject({ what: 'statement', recorded: 'a', live: 'b' });
    expect(c.missing(rec('y', 'OSError\n', 12))).toMatchObject({ position: 5, line: 12, what: 'missing', live: null });
    expect(c.extra(live('z', ''))).toMatchObject({ position: 6, line: null, what: 'extra', recorded: null, live: '' });
  });

  it("leaves numbers uncompared only in the steps whose numbers vary (a count the kernel's buffers decide)", () => {
    const c = new OutputComparer([], [], new Set([4]));
    expect(c.compare(rec('n', '3932160\n', 5, true, 4), live('n', '3967488\n', true))).toBeNull();
    expect(c.compare(rec('x', "(2, b'ab', 1.5)\n", 6, null, 4), live('x', "(3, b'ab', 0.25)\n"))).toBeNull();
    // Not numbers alone: the rest of the output is still compared, and other steps compare numbers.
    expect(c.compare(rec('x', "(2, b'ab')\n", 7, null, 4), live('x', "(2, b'ac')\n"))?.what).toBe('output');
    expect(c.compare(rec('n', '3932160\n', 8, true, 5), live('n', '3967488\n', true))).toMatchObject({ what: 'output', recorded: '3932160\n', live: '3967488\n' });
    expect(c.compare(rec('n', '3932160\n', 9, null, null), live('n', '3967488\n'))?.what).toBe('output');
    expect(c.missing(rec('n', '3932160\n', 10, null, 4))).toMatchObject({ what: 'missing', recorded: 'N\n' });
  });

  it('describes a difference with the transcript line, both outputs, long ones cut', () => {
    const c = new OutputComparer();
    const d = c.compare(rec('print(t)', 'a\nb\n', 3), live('print(t)', 'a\nc\n'))!;
    expect(describeDifference(d, 'x.jsonl')).toEqual([
      'x.jsonl:3: statement 1 prints something else live: print(t)',
      '  recorded: a',
      '            b',
      '  live:     a',
      '            c',
    ]);
    const long = c.compare(rec('big', `${'x\n'.repeat(20)}`, 4), live('big', ''))!;
    const lines = describeDifference(long, 'x.jsonl');
    expect(lines).toContain('            ... and 8 more lines');
    expect(lines[lines.length - 1]).toBe('  live:     (nothing printed)');
  });
});

describe('callLimitMs', () => {
  it('interrupts a statement the learner interrupted after as long, and bounds every other', () => {
    expect(callLimitMs({ durationMs: 1520, error: { type: 'KeyboardInterrupt', message: '' } })).toBe(1520);
    expect(callLimitMs({ durationMs: 3, error: null })).toBe(20_000);
    expect(callLimitMs({ durationMs: 30_000, error: null })).toBe(65_000);
    expect(callLimitMs({ durationMs: 3_600_000, error: null })).toBe(120_000);
  });
});
