// Printing a transcript as plain mode printed it, from records made by hand: where each mode puts what
// the peers did, and nothing from the file reaches a terminal raw.
import { describe, it, expect } from 'vitest';
import { printTranscript } from '../../src/cli/transcript-print';
import type { BodyRecord, HeaderRecord, Transcript } from '../../src/session/transcript/format';
import { statementRecord } from '../../src/session/transcript/statement-record';
import { result } from './helpers';

const header = (mode: HeaderRecord['mode']): HeaderRecord => ({
  type: 'header',
  format: 'socklab-transcript',
  version: 1,
  socklab: 'test',
  startedAt: '2026-01-01T00:00:00.000Z',
  mode,
  lesson: mode === 'sandbox' ? null : { id: 'demo', title: 'Demo', summary: 'A demo.', file: 'demo.md', steps: 1 },
  ports: mode === 'sandbox' ? {} : { PORT: 31000 },
  startStep: 1,
});

const statement = (source: string, output: string, by: 'learner' | 'lesson', step: number | null, passed: boolean | null) => {
  const r = result({ source, output, rows: [], changes: [], bytes: [] });
  return statementRecord(r, r.startedAt, { by, step, passed });
};
const peer = (text: string): BodyRecord => ({ type: 'peer', at: 1, seq: 1, peer: 'web', kind: 'listen', text, line: null });
const step: BodyRecord = { type: 'step', at: 2, number: 1, id: 'one', title: 'One', prose: 'Do it.', calls: ['x = 1'], check: 'x == 1' };

function transcript(mode: HeaderRecord['mode'], records: BodyRecord[], end: Transcript['end'] = null): Transcript {
  return { file: 't.jsonl', header: header(mode), records: records.map((record, i) => ({ line: i + 2, record })), end };
}

function printed(t: Transcript, escape = false): { text: string; code: number } {
  let text = '';
  const code = printTranscript(t, { noState: true, escape }, (s) => (text += s));
  return { text, code };
}

describe('printTranscript', () => {
  it('a lesson taken: setup, the port, what the peers did before the step, then each statement with its peers', () => {
    const t = transcript('lesson', [
      peer('web server listening'),
      statement('import socket', '', 'lesson', null, null),
      step,
      statement('x = 1', '', 'learner', 1, true),
      { type: 'finished', at: 3 },
      { type: 'command', at: 4, source: ':hint', reply: '# No more hints.\n' },
    ]);
    expect(printed(t).text).toBe(
      [
        '# Lesson demo: Demo',
        '# A demo.',
        '>>> import socket',
        '# PORT = 31000',
        '# web server listening',
        '# Step 1 of 1: One',
        '# Do it.',
        '# Try: x = 1',
        '>>> x = 1',
        '# The lesson is done.',
        '# The lesson is done. Type :quit to leave, or :reset to start over.',
        '>>> :hint',
        '# No more hints.',
        '',
      ].join('\n'),
    );
  });

  it('a lesson played: setup after what the peers did, verdicts, and the summary from the end record', () => {
    const t = transcript(
      'replay',
      [statement('import socket', '', 'lesson', null, null), peer('web server listening'), step, statement('x = 1', '', 'learner', 1, true)],
      { line: 6, record: { type: 'end', at: 9, reason: 'finished', statements: 2, passed: false, failures: ['demo.md:9: bad'] } },
    );
    const { text, code } = printed(t);
    expect(text).toBe(
      [
        '# Lesson demo: Demo',
        '# A demo.',
        '# web server listening',
        '>>> import socket',
        '# Step 1 of 1: One',
        '>>> x = 1',
        '# check passed: x == 1',
        '# The lesson is done.',
        '# FAILED: demo.md:9: bad',
        '# 1 problem(s).',
        '',
      ].join('\n'),
    );
    expect(code).toBe(1);
  });

  it('escapes what a hostile file holds when the output is a terminal', () => {
    const evil = '\x1b]0;pwned\x07\x1b[2J';
    const t = transcript('lesson', [
      statement(`print('${evil}')`, `${evil}\n`, 'learner', null, null),
      { type: 'command', at: 1, source: `:hint${evil}`, reply: `# ${evil}\n` },
      { type: 'note', at: 1, text: evil },
      peer(evil),
      { ...step, title: evil, prose: evil },
    ]);
    const { text } = printed(t, true);
    expect(text).not.toMatch(/[\x07\x1b]/);
    expect(text).toContain('\\x1b]0;pwned\\x07');
  });
});
