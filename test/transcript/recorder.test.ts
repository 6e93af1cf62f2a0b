// The recorder: every record kind, written through to the file as it happens, and paths that cannot
// be written said before anything runs.
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TranscriptRecorder, TranscriptWriteError } from '../../src/session/transcript/recorder';
import { resultOf, statementRecord } from '../../src/session/transcript/statement-record';
import { parseTranscript } from '../../src/session/transcript/reader';
import { startedSteps } from '../../src/session/transcript/lesson-recording';
import type { Lesson } from '../../src/lesson/model';
import { result, step, tempDir } from './helpers';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const lines = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const lesson = (steps: number, setup = 1): Lesson =>
  ({
    id: 'demo',
    title: 'A demo',
    summary: 'Demo lesson.',
    file: 'lessons/demo.md',
    setup: Array.from({ length: setup }, (_, i) => ({ source: `import socket  # ${i}`, line: 5 + i })),
    steps: Array.from({ length: steps }, (_, i) => step(i + 1, { calls: [{ source: 'a = 1', line: 1 }, { source: 'b = 2', line: 2 }] })),
  }) as unknown as Lesson;

describe('TranscriptRecorder', () => {
  it('writes each record to the file at once, in order, the header first', () => {
    const file = join(dir.path, 't.jsonl');
    const rec = TranscriptRecorder.open(file);
    expect(readFileSync(file, 'utf8')).toBe('');
    rec.begin({ mode: 'lesson', lesson: lesson(2), ports: { PORT: 31000, PORT2: undefined }, startStep: 1, socklab: '9.9.9' });
    expect(lines(file)).toHaveLength(1);
    rec.step(step(1));
    expect(lines(file)).toHaveLength(2);
    rec.statement(result(), { step: 1, passed: true, errorHint: 'a hint' });
    expect(lines(file)).toHaveLength(3);
    rec.peer({ seq: 4, time: Date.now(), peer: 'client', kind: 'connect', text: 'client connected to 127.0.0.1:31000', line: 20 });
    rec.command(':hint', '# A hint.\n');
    rec.note('progress could not be saved');
    rec.ports({ PORT: 31000 });
    rec.ports({ PORT: 32000 });
    rec.finished();
    rec.end({ reason: 'quit' });
    rec.note('after the end: not written');

    const all = lines(file);
    expect(all.map((r) => r['type'])).toEqual(['header', 'step', 'statement', 'peer', 'command', 'note', 'ports', 'finished', 'end']);
    expect(all[0]).toMatchObject({
      format: 'socklab-transcript',
      version: 1,
      socklab: '9.9.9',
      mode: 'lesson',
      lesson: { id: 'demo', title: 'A demo', summary: 'Demo lesson.', file: 'lessons/demo.md', steps: 2 },
      ports: { PORT: 31000 },
      startStep: 1,
    });
    expect(all[1]).toMatchObject({ number: 1, id: 'step-1', title: 'Step title 1', calls: ['s = socket.socket()'], check: "state(s) == 'CLOSE'" });
    expect(all[2]).toMatchObject({ source: 's.recv(1024)', by: 'learner', step: 1, passed: true, errorHint: 'a hint', bytes: [{ data: 'aGkA/w==', from: '127.0.0.1:9999' }] });
    expect(all[3]).toMatchObject({ peer: 'client', kind: 'connect', seq: 4, line: 20 });
    expect(all[4]).toMatchObject({ source: ':hint', reply: '# A hint.\n' });
    expect(all[6]).toMatchObject({ ports: { PORT: 32000 } });
    expect(all[8]).toMatchObject({ reason: 'quit', statements: 1 });
    for (const r of all.slice(1)) expect(typeof r['at']).toBe('number');
    // What it wrote, the reader reads back without a problem.
    const read = parseTranscript(readFileSync(file, 'utf8'), file);
    expect(read.ok && read.warnings).toEqual([]);
  });

  it('holds records made before the header and writes them right after it', () => {
    const file = join(dir.path, 'held.jsonl');
    const rec = TranscriptRecorder.open(file);
    rec.peer({ seq: 1, time: Date.now(), peer: 'web', kind: 'listen', text: 'web server listening', line: null });
    expect(readFileSync(file, 'utf8')).toBe('');
    rec.begin({ mode: 'replay', lesson: lesson(1), ports: { PORT: 30000 }, socklab: 'dev' });
    rec.end({ reason: 'finished', passed: false, failures: ['demo.md:3: the check did not hold'] });
    expect(lines(file).map((r) => r['type'])).toEqual(['header', 'peer', 'end']);
    expect(lines(file)[2]).toMatchObject({ passed: false, failures: ['demo.md:3: the check did not hold'] });
  });

  it('leaves the file empty when the session never began, and close() leaves no end record', () => {
    const never = join(dir.path, 'never.jsonl');
    TranscriptRecorder.open(never).end({ reason: 'stopped' });
    expect(readFileSync(never, 'utf8')).toBe('');
    const crashed = join(dir.path, 'crashed.jsonl');
    const rec = TranscriptRecorder.open(crashed);
    rec.begin({ mode: 'sandbox', socklab: 'dev' });
    rec.statement(result());
    rec.close();
    rec.close();
    expect(lines(crashed).map((r) => r['type'])).toEqual(['header', 'statement']);
  });

  it('says why a path cannot be written, before anything runs', () => {
    const missing = join(dir.path, 'no', 'such', 'dir', 't.jsonl');
    expect(() => TranscriptRecorder.open(missing)).toThrow(TranscriptWriteError);
    expect(() => TranscriptRecorder.open(missing)).toThrow(`cannot record to ${missing}: the directory ${join(dir.path, 'no', 'such', 'dir')} does not exist`);
    mkdirSync(join(dir.path, 'adir'));
    expect(() => TranscriptRecorder.open(join(dir.path, 'adir'))).toThrow('it is a directory');
    expect(() => TranscriptRecorder.open('')).toThrow('the file name is empty');
    expect(existsSync(missing)).toBe(false);
  });

  it('stops recording when a write fails, and says why, without stopping the session', () => {
    if (!existsSync('/dev/full')) return;
    const rec = TranscriptRecorder.open('/dev/full');
    expect(rec.failure).toBeNull();
    rec.begin({ mode: 'sandbox', socklab: 'dev' });
    expect(rec.failure).toBe('recording to /dev/full stopped: the disk is full');
    expect(() => rec.statement(result())).not.toThrow();
    expect(() => rec.end({ reason: 'end-of-input' })).not.toThrow();
  });
});

describe('statement records', () => {
  it('keep everything a result holds, bytes as base64, times relative to the recording', () => {
    const r = result({ exit: true, error: { type: 'OSError', message: '[Errno 9] Bad file descriptor' } });
    const record = statementRecord(r, r.startedAt - 1500, { by: 'lesson', step: 2 });
    expect(record).toMatchObject({ at: 1500, by: 'lesson', step: 2, passed: null, exit: true });
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    expect(resultOf(record, r.startedAt - 1500)).toEqual(r);
  });

  it('a (re)start maps its statements to steps: the setup has none, then each earlier step in order', () => {
    expect(startedSteps(lesson(3, 2), 2, 0)).toEqual([null, null]);
    expect(startedSteps(lesson(3, 2), 6, 2)).toEqual([null, null, 1, 1, 2, 2]);
    expect(startedSteps(lesson(3, 1), 4, 9)).toEqual([null, 1, 1, 2]);
    expect(startedSteps(lesson(1, 0), 3, 1)).toEqual([1, 1, null]);
  });
});
