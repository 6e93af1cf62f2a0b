import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinLessonsDir } from '../../src/cli/lesson-source';
import { loadLessonById, plainFrontMatterId } from '../../src/lesson/find-by-id';
import { loadCurriculum } from '../../src/lesson/load';
import { findLesson } from '../../src/lesson/model';

const good = fileURLToPath(new URL('./fixtures/good/', import.meta.url));
const broken = fileURLToPath(new URL('./fixtures/broken/', import.meta.url));

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'socklab-find-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const front = (...lines: string[]) => ['---', ...lines, 'title: T', 'summary: S', '---', '', '## A step', ''].join('\n');

/** What loading every lesson and looking the id up gives, to compare with. */
async function throughCurriculum(paths: string[], id: string) {
  return findLesson((await loadCurriculum(paths)).curriculum, id);
}

describe('plainFrontMatterId', () => {
  it('reads a plain id line, quoted or not, with a comment, with CRLF line ends', () => {
    expect(plainFrontMatterId(front('id: hello-server'))).toBe('hello-server');
    expect(plainFrontMatterId(front("id: 'hello-server'"))).toBe('hello-server');
    expect(plainFrontMatterId(front('id:   "udp"   # the UDP lesson'))).toBe('udp');
    expect(plainFrontMatterId(front('id: hello-server').replace(/\n/g, '\r\n'))).toBe('hello-server');
  });

  it('leaves to the YAML parser what only it can tell', () => {
    expect(plainFrontMatterId(front('"id": hello-server'))).toBeNull();
    expect(plainFrontMatterId(front('id: a', 'id: b'))).toBeNull();
    expect(plainFrontMatterId(front('id: >-', '  folded'))).toBeNull();
    expect(plainFrontMatterId(front('id: "hello\\x2dserver"'))).toBeNull();
    expect(plainFrontMatterId(front('id: Hello'))).toBeNull();
    expect(plainFrontMatterId(front('title2: x'))).toBeNull();
    expect(plainFrontMatterId('# no front matter\n')).toBeNull();
    expect(plainFrontMatterId('---\nid: never-closed\n')).toBeNull();
  });

  it('reads only the front matter', () => {
    expect(plainFrontMatterId(`${front('title2: x')}\nid: in-the-body\n`)).toBeNull();
  });
});

describe('loadLessonById', () => {
  it('finds every built-in and fixture lesson as loading them all does', async () => {
    for (const paths of [[builtinLessonsDir()], [good]]) {
      const { curriculum } = await loadCurriculum(paths);
      expect(curriculum.lessons.length).toBeGreaterThan(2);
      for (const lesson of curriculum.lessons) expect(await loadLessonById(paths, lesson.id)).toEqual(lesson);
    }
  });

  it('gives null for an id no file has, and for a lesson with errors', async () => {
    expect(await loadLessonById([good], 'no-such-lesson')).toBeNull();
    const noSteps = await readFile(path.join(broken, 'no-steps.md'), 'utf8');
    const id = plainFrontMatterId(noSteps);
    expect(id).not.toBeNull();
    expect(await loadLessonById([broken], id!)).toBeNull();
    expect(await throughCurriculum([broken], id!)).toBeNull();
  });

  it('takes the lesson the curriculum keeps when files share an id: the first that loads', async () => {
    const lesson = await readFile(path.join(good, 'fetch-page.md'), 'utf8');
    const id = plainFrontMatterId(lesson)!;
    const later = path.join(dir, 'later');
    await mkdir(later);
    // a.md has the id but does not load; b.md and later/c.md both load
    await writeFile(path.join(dir, 'a.md'), front(`id: ${id}`));
    await writeFile(path.join(dir, 'b.md'), lesson.replace(/^title: .*$/m, 'title: The second file'));
    await writeFile(path.join(later, 'c.md'), lesson.replace(/^title: .*$/m, 'title: The third file'));
    const found = await loadLessonById([dir, later], id);
    expect(found?.title).toBe('The second file');
    expect(found).toEqual(await throughCurriculum([dir, later], id));
  });

  it('finds a lesson whose id only the YAML parser can read', async () => {
    const lesson = await readFile(path.join(good, 'fetch-page.md'), 'utf8');
    const id = plainFrontMatterId(lesson)!;
    await writeFile(path.join(dir, 'quoted-key.md'), lesson.replace(/^id: .*$/m, `"id": ${id}`));
    expect((await loadLessonById([dir], id))?.file).toBe(path.join(dir, 'quoted-key.md'));
  });

  it('skips what is not a readable lesson file without waiting on it', async () => {
    await mkdir(path.join(dir, 'a-directory.md'));
    execFileSync('mkfifo', [path.join(dir, 'b-fifo.md')]);
    await writeFile(path.join(dir, 'c-big.md'), `---\nid: fetch-a-page\n---\n${'x'.repeat(1 << 20)}`);
    await writeFile(path.join(dir, 'd.md'), await readFile(path.join(good, 'fetch-page.md')));
    expect((await loadLessonById([path.join(dir, 'missing'), dir], 'fetch-a-page'))?.file).toBe(path.join(dir, 'd.md'));
  });
});
