// Transcripts exported: a lesson taken with mistakes and a rewind, and a sandbox session with a line
// interrupted by Ctrl+C, a line that is not Python and one socklab does not run. Each program runs
// with python3 and prints what the recording printed. And `socklab export` on the command line.
import { describe, it, expect } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../../src/session/session';
import { TranscriptRecorder } from '../../src/session/transcript/recorder';
import { readTranscriptFile } from '../../src/session/transcript/reader';
import type { StatementRecord, Transcript } from '../../src/session/transcript/format';
import { transcriptPlan } from '../../src/export/export-plan';
import { pythonProgram } from '../../src/export/python-program';
import { runMain, tempDirWithOwnState } from '../transcript/helpers';
import { normalisedOutputs, runPython, splitLike } from './helpers';

const FIXTURES = join(import.meta.dirname, '..', 'lesson', 'fixtures', 'good');
const LESSONS = ['--lessons', FIXTURES, '--no-builtin'];

const dir = tempDirWithOwnState();

async function transcriptOf(file: string): Promise<Transcript> {
  const read = await readTranscriptFile(file);
  if (!read.ok) throw new Error(read.errors.join('\n'));
  return read.transcript;
}

const statements = (t: Transcript): StatementRecord[] =>
  t.records.flatMap((l) => (l.record.type === 'statement' ? [l.record] : []));

describe('a lesson transcript, exported', () => {
  it('replays the learner’s statements, mistakes and rewind included, with the lesson’s peers', async () => {
    const file = join(dir.path, 'lesson.jsonl');
    const input = [
      's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
      's.connect((HOST, PORT))',
      "s.send('GET')",
      "s.send(b'GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n')",
      ':back',
      "s.send(b'GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n')",
      'd = s.recv(1024)',
      'buffer.append(d)',
      's.recv(1024)',
      'page = b"".join(buffer)',
      'len(page)',
      ':quit',
    ].join('\n');
    expect((await runMain(['fetch-a-page', '--plain', '--record', file, ...LESSONS], input)).code).toBe(0);

    const out = join(dir.path, 'lesson.py');
    const exported = await runMain(['export', file, '-o', out, ...LESSONS]);
    expect(exported.code).toBe(0);
    const program = readFileSync(out, 'utf8');
    expect(program).toContain("with console: show(s.send('GET'))");
    expect(program).toContain('lesson.restart()');

    const run = await runPython(program);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const recorded = statements(await transcriptOf(file));
    const sources = recorded.map((r) => r.source);
    const expected = recorded.map((r) => r.output);
    expect(expected.join('')).toContain("TypeError: a bytes-like object is required, not 'str'");
    expect(normalisedOutputs(sources, splitLike(run.stdout, expected))).toEqual(normalisedOutputs(sources, expected));
  }, 60_000);
});

describe('a sandbox transcript, exported', () => {
  it('interrupts what the learner interrupted, and prints what the console printed', async () => {
    const file = join(dir.path, 'sandbox.jsonl');
    const recorder = TranscriptRecorder.open(file);
    recorder.begin({ mode: 'sandbox', socklab: 'test' });
    const session = new Session();
    try {
      const lines: [string, AbortSignal?][] = [
        ['import socket, time'],
        ['u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)'],
        ["u.bind(('127.0.0.1', 0))"],
        ['u.sendto(b"ping", u.getsockname())'],
        ['u.recvfrom(16)'],
        ['u.recv(16)', AbortSignal.timeout(300)],
        ['x = (1,'],
        ['while True: pass'],
        ['u.close(); u.recv(1)'],
        ['exit()'],
      ];
      for (const [source, signal] of lines) recorder.statement(await session.run(source, signal ? { signal } : {}));
    } finally {
      session.close();
    }
    recorder.end({ reason: 'exit' });

    const t = await transcriptOf(file);
    const program = pythonProgram(transcriptPlan(t, null), { version: 'test', fileName: 'session.py' });
    expect(program).toContain('with console.interrupted_after(');
    expect(program).toContain("console.run('x = (1,')");
    expect(program).toContain('# while True: pass    (socklab did not run this line');
    expect(program).not.toContain('Lesson(');

    const run = await runPython(program);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // What socklab's console printed, but its own note about a line it does not run.
    const recorded = statements(t).filter((r) => r.error?.type !== 'socklab');
    const sources = recorded.map((r) => r.source);
    const expected = recorded.map((r) => r.output);
    expect(expected).toContain('KeyboardInterrupt\n');
    expect(normalisedOutputs(sources, splitLike(run.stdout, expected))).toEqual(normalisedOutputs(sources, expected));
  }, 60_000);
});

describe('socklab export on the command line', () => {
  it('writes a lesson to standard output, or to an executable file with -o', async () => {
    const toStdout = await runMain(['export', 'greeting-server', ...LESSONS]);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout.startsWith('#!/usr/bin/env python3\n# A server that greets its clients (socklab lesson greeting-server)\n')).toBe(true);
    expect(toStdout.stdout).toContain('Run it with Python 3: python3 greeting-server.py');
    const lessonLine = Number(/The lesson starts at line (\d+)/.exec(toStdout.stdout)?.[1]);
    expect(toStdout.stdout.split('\n')[lessonLine - 1]).toBe('# THE LESSON');

    const out = join(dir.path, 'greet.py');
    expect((await runMain(['export', 'greeting-server', '-o', out, ...LESSONS])).code).toBe(0);
    expect(statSync(out).mode & 0o111).not.toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Run it with Python 3: python3 greet.py');
  }, 60_000);

  it('says what is wrong: an unknown lesson, a file that is not a transcript, an output it cannot write', async () => {
    const unknown = await runMain(['export', 'no-such-lesson', ...LESSONS]);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain("socklab: no lesson or transcript file 'no-such-lesson'");

    const notTranscript = await runMain(['export', join(FIXTURES, 'fetch-page.md'), ...LESSONS]);
    expect(notTranscript.code).toBe(1);
    expect(notTranscript.stderr).toContain(`${join(FIXTURES, 'fetch-page.md')}:1: not a socklab transcript`);

    const where = join(dir.path, 'missing', 'x.py');
    const unwritable = await runMain(['export', 'greeting-server', '-o', where, ...LESSONS]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain(`socklab: cannot write ${where}: the directory ${join(dir.path, 'missing')} does not exist`);
  }, 60_000);
});
