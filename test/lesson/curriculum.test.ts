import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lesson/diagnostics';
import { loadCurriculum, parseLessonBytes, parseLessonText, validateLessonFile } from '../../src/lesson/load';
import { findLesson } from '../../src/lesson/model';

const good = fileURLToPath(new URL('./fixtures/good/', import.meta.url));

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'socklab-lessons-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function minimal(id: string, order: number | null): string {
  return [
    '---',
    `id: ${id}`,
    `title: Lesson ${id}`,
    'summary: A short lesson.',
    ...(order === null ? [] : [`order: ${order}`]),
    '---',
    '',
    '## Make a socket',
    '',
    '```python',
    'import socket',
    's = socket.socket()',
    '```',
    '',
    '```check',
    "state(s) == 'CLOSE'",
    '```',
    '',
  ].join('\n');
}

describe('loadCurriculum', () => {
  it('loads the good fixtures sorted by order, and finds lessons by id or number', async () => {
    const { curriculum, diagnostics } = await loadCurriculum([good]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(curriculum.lessons.map((l) => l.id)).toEqual(['fetch-a-page', 'greeting-server', 'every-peer']);
    expect(findLesson(curriculum, 'greeting-server')?.id).toBe('greeting-server');
    expect(findLesson(curriculum, '1')?.id).toBe('fetch-a-page');
    expect(findLesson(curriculum, ' 3 ')?.id).toBe('every-peer');
    expect(findLesson(curriculum, '4')).toBeNull();
    expect(findLesson(curriculum, '0')).toBeNull();
    expect(findLesson(curriculum, 'nope')).toBeNull();
  });

  it('puts lessons without an order last, by id', async () => {
    await writeFile(path.join(dir, 'z.md'), minimal('zebra', null));
    await writeFile(path.join(dir, 'y.md'), minimal('apple', null));
    await writeFile(path.join(dir, 'x.md'), minimal('middle', 5));
    const { curriculum } = await loadCurriculum([dir]);
    expect(curriculum.lessons.map((l) => l.id)).toEqual(['middle', 'apple', 'zebra']);
  });

  it('reports an id used by two files at the second file, naming the first, and keeps the first', async () => {
    const other = path.join(dir, 'more');
    await mkdir(other);
    await writeFile(path.join(dir, 'a.md'), minimal('same-id', 1));
    await writeFile(path.join(other, 'b.md'), minimal('same-id', 2));
    const { curriculum, diagnostics } = await loadCurriculum([dir, other]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${path.join(other, 'b.md')}:2: duplicate lesson id 'same-id': ${path.join(dir, 'a.md')}:2 has it too`]);
    expect(curriculum.lessons.map((l) => l.file)).toEqual([path.join(dir, 'a.md')]);
  });

  it('skips README.md and files that are not Markdown, and loads a file given directly once', async () => {
    await copyFile(path.join(good, 'fetch-page.md'), path.join(dir, 'fetch-page.md'));
    await writeFile(path.join(dir, 'README.md'), '# Not a lesson\n');
    await writeFile(path.join(dir, 'notes.txt'), 'not a lesson');
    const { curriculum, diagnostics, files } = await loadCurriculum([dir, path.join(dir, 'fetch-page.md')]);
    expect(diagnostics).toEqual([]);
    expect(files.map((f) => path.basename(f.file))).toEqual(['fetch-page.md']);
    expect(curriculum.lessons).toHaveLength(1);
  });

  it('reports a missing directory and goes on with the others', async () => {
    await writeFile(path.join(dir, 'a.md'), minimal('present', 1));
    const missing = path.join(dir, 'no-such-dir');
    const { curriculum, diagnostics } = await loadCurriculum([missing, dir]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([`${missing}: no such file or directory`]);
    expect(curriculum.lessons.map((l) => l.id)).toEqual(['present']);
  });

  it('leaves out a lesson with errors but reports them all', async () => {
    await writeFile(path.join(dir, 'ok.md'), minimal('fine', 1));
    await writeFile(path.join(dir, 'bad.md'), minimal('broken', 2).replace("state(s) == 'CLOSE'", "stat(s) == 'CLOSE'"));
    const { curriculum, diagnostics } = await loadCurriculum([dir]);
    expect(curriculum.lessons.map((l) => l.id)).toEqual(['fine']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${path.join(dir, 'bad.md')}:16: unknown helper 'stat' in the check (did you mean 'state'?); the helpers are state, accept_queue, backlog, unread, unsent, local, remote, closed, defined, result, error, error_text, received, output, statement, peer_received, peer_state, peer_connections`,
    ]);
  });
});

describe('validateLessonFile', () => {
  it('reports a file that is not UTF-8 at the line of the first bad byte', async () => {
    const file = path.join(dir, 'latin1.md');
    const text = minimal('latin', 1).replace('A short lesson.', 'Un caf\u00e9.');
    await writeFile(file, Buffer.from(text, 'latin1'));
    const result = await validateLessonFile(file);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([`${file}:4: the file is not UTF-8 (byte 0xe9 at offset 49): save it as UTF-8`]);
  });

  it('reports a missing file, a directory, and a file too large, without throwing', async () => {
    expect((await validateLessonFile(path.join(dir, 'none.md'))).diagnostics[0]!.message).toBe('no such file or directory');
    expect((await validateLessonFile(dir)).diagnostics[0]!.message).toBe('is a directory, not a lesson file');
    const big = path.join(dir, 'big.md');
    await writeFile(big, 'x'.repeat((1 << 20) + 1));
    expect((await validateLessonFile(big)).diagnostics[0]!.message).toMatch(/larger than/);
  });

  it('accepts CRLF line endings and a byte order mark, keeping line numbers', async () => {
    const file = path.join(dir, 'crlf.md');
    const text = `\ufeff${minimal('crlf', 1).replace(/\n/g, '\r\n')}`;
    await writeFile(file, text);
    const result = await validateLessonFile(file);
    expect(result.diagnostics).toEqual([]);
    expect(result.lesson!.steps[0]!.check).toEqual({ source: "state(s) == 'CLOSE'", line: 16 });
  });
});

describe('hostile input', () => {
  it('never throws on mangled lessons', async () => {
    const source = await readFile(path.join(good, 'every-peer.md'), 'utf8');
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['\n', '`', '```', '>', '## ', '---', '{', '(', "'", 'b"', '\u0000', '\u202e', ':', '  ', 'PORT', 'peer', '\r'];
    for (let round = 0; round < 150; round++) {
      let text = source;
      for (let k = 0; k < 8; k++) {
        const at = random(text.length);
        const cut = random(20);
        text = text.slice(0, at) + pieces[random(pieces.length)]! + text.slice(at + cut);
      }
      const result = parseLessonText(text, 'mangled.md');
      for (const d of result.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(0);
        expect(typeof d.message).toBe('string');
      }
    }
  });

  it('never throws on binary or pathological input', () => {
    const inputs = [
      new Uint8Array([0xff, 0xfe, 0x00]),
      new TextEncoder().encode('---\n---\n'),
      new TextEncoder().encode(`---\nid: a\n---\n${'## x\n'.repeat(500)}`),
      new TextEncoder().encode(`---\nid: a\ntitle: t\nsummary: s\n---\n## s\n\`\`\`python\n${'('.repeat(5000)}\n\`\`\`\n\`\`\`check\n${'-'.repeat(3000)}1\n\`\`\`\n`),
      new TextEncoder().encode('---\na: &x [*x]\n---\n'),
      new TextEncoder().encode('---\nid: a\u0000\n---\n'),
    ];
    for (const bytes of inputs) {
      const result = parseLessonBytes(bytes, 'odd.md');
      expect(result.lesson).toBeNull();
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
