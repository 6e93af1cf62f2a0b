// The reader: a good file read back with its lines; broken, cut-off, foreign and newer files as
// FILE:line messages, never an exception.
import { describe, it, expect, afterEach, beforeEach } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranscript, readTranscriptFile } from '../../src/session/transcript/reader';
import { statementRecord } from '../../src/session/transcript/statement-record';
import { result, tempDir } from './helpers';

const header = {
  type: 'header',
  format: 'socklab-transcript',
  version: 1,
  socklab: '0.1.0',
  startedAt: '2026-01-02T03:04:05.000Z',
  mode: 'sandbox',
  lesson: null,
  ports: {},
  startStep: 1,
};
const r = result();
const statement = statementRecord(r, r.startedAt - 10);
const end = { type: 'end', at: 20, reason: 'end-of-input', statements: 1 };
const json = (...records: unknown[]) => records.map((x) => `${typeof x === 'string' ? x : JSON.stringify(x)}\n`).join('');
const F = 'rec.jsonl';

function errorsOf(text: string): string[] {
  const read = parseTranscript(text, F);
  return read.ok ? [] : read.errors;
}

describe('parseTranscript', () => {
  it('reads a good transcript: the header, every record with its line, the end', () => {
    const read = parseTranscript(json(header, statement, { type: 'note', at: 12, text: 'hello' }, end), F);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.warnings).toEqual([]);
    expect(read.transcript.header.mode).toBe('sandbox');
    expect(read.transcript.records.map((l) => [l.line, l.record.type])).toEqual([
      [2, 'statement'],
      [3, 'note'],
    ]);
    expect(read.transcript.end?.line).toBe(4);
  });

  it('accepts CRLF line ends, a byte order mark and blank lines', () => {
    const text = `\ufeff${json(header, statement).replace(/\n/g, '\r\n')}\r\n${json(end)}`;
    const read = parseTranscript(text, F);
    expect(read.ok && read.transcript.records.length).toBe(1);
  });

  it('says what is not a transcript at line 1', () => {
    expect(errorsOf('')).toEqual([`${F}:1: the file is empty: not a socklab transcript`]);
    expect(errorsOf('# A lesson\n\nSome markdown.\n')).toEqual([`${F}:1: not a socklab transcript (the first line is not a JSON record)`]);
    expect(errorsOf('{"name": "socklab", "version": "0.1.0"}\n')[0]).toMatch(/^rec\.jsonl:1: not a socklab transcript \(its first record is not a header/);
    expect(errorsOf('[1, 2, 3]\n')[0]).toMatch(/^rec\.jsonl:1: not a socklab transcript/);
    expect(errorsOf(json({ ...header, version: 'one' }))).toEqual([`${F}:1: the header has a bad "version" ("one")`]);
    expect(errorsOf(json({ ...header, mode: 'party' }))).toEqual([`${F}:1: the header has a bad "mode" ("party")`]);
  });

  it('refuses a newer format version, saying so', () => {
    expect(errorsOf(json({ ...header, version: 2, newField: true }, end))).toEqual([
      `${F}:1: this transcript was written by a newer socklab (format version 2; this socklab reads version 1): update socklab to read it`,
    ]);
  });

  it('reports every broken line, wrong shape and misplaced record at its line', () => {
    const text = json(
      header,
      '{"type": "statement", "source": ',
      { ...statement, output: 42 },
      { type: 'dance', at: 1 },
      { ...statement, rows: [{ key: 'L1' }] },
      header,
      end,
      { type: 'note', at: 30, text: 'late' },
    );
    expect(errorsOf(text)).toEqual([
      expect.stringMatching(/^rec\.jsonl:2: a broken record, not JSON/),
      `${F}:3: the statement record has a bad "output" (42)`,
      `${F}:4: unknown record type "dance"`,
      expect.stringMatching(/^rec\.jsonl:5: the statement record has a bad "rows"/),
      `${F}:6: a second header (two transcripts joined into one file?)`,
      `${F}:8: a record after the end record`,
    ]);
    expect(errorsOf(json(header, { type: 'statement', at: 1 }))[0]).toBe(`${F}:2: the statement record has no "index"`);
    expect(errorsOf(json(header, { ...statement, bytes: [{ label: 'x', data: 'not base64!' }] }))[0]).toMatch(/:2: the statement record has a bad "bytes"/);
  });

  it('reads a file cut off by a crash up to where it stops, with a warning', () => {
    const cut = json(header, statement) + JSON.stringify(statement).slice(0, 40);
    const read = parseTranscript(cut, F);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.transcript.records).toHaveLength(1);
    expect(read.transcript.end).toBeNull();
    expect(read.warnings).toEqual([`${F}:3: the transcript is cut off here (its last record is incomplete: socklab stopped while writing it)`]);

    const noEnd = parseTranscript(json(header, statement), F);
    expect(noEnd.ok && noEnd.warnings).toEqual([`${F}:2: the transcript has no end record: the recording stopped early (socklab was stopped or crashed)`]);
  });

  it('never throws, whatever the bytes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const pieces = ['{', '}', '"type"', ':', '"statement"', ',', '\n', '[', ']', 'null', '1e999', '"\\u0000"', JSON.stringify(header)];
    for (let i = 0; i < 300; i++) {
      let text = '';
      const n = next() % 40;
      for (let j = 0; j < n; j++) text += pieces[next() % pieces.length];
      const read = parseTranscript(text, F);
      if (!read.ok) expect(read.errors.every((e) => e.startsWith(`${F}:`))).toBe(true);
    }
  });

  it('stops listing problems after 20', () => {
    const errors = errorsOf(json(header, ...Array.from({ length: 30 }, () => 'not json')));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe(`${F}: ... and 10 more problems`);
  });
});

describe('readTranscriptFile', () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());

  it('reads a file, and says what is wrong with a path that is not one', async () => {
    const file = join(dir.path, 'good.jsonl');
    writeFileSync(file, json(header, statement, end));
    expect((await readTranscriptFile(file)).ok).toBe(true);
    const missing = join(dir.path, 'missing.jsonl');
    expect(await readTranscriptFile(missing)).toEqual({ ok: false, errors: [`${missing}: cannot read it: no such file`] });
    mkdirSync(join(dir.path, 'sub'));
    expect(await readTranscriptFile(join(dir.path, 'sub'))).toEqual({ ok: false, errors: [`${join(dir.path, 'sub')}: is a directory, not a transcript file`] });
  });
});
