// Every lesson, exported: socklab plays it (as autoplay plays it), the exported program runs with
// python3 on its own (its peers inside it), and prints what socklab's console printed for every
// statement; it cleans up and exits 0.
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadCurriculum, type Lesson } from '../../src/lesson';
import { lessonPlan } from '../../src/export/export-plan';
import { playLesson } from '../../src/export/play-lesson';
import { pythonProgram } from '../../src/export/python-program';
import { normalisedOutputs, runPython, splitLike } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
/** Appended to the program: what is still open once the lesson has ended. */
const LEFT_OVER = [
  'import os, threading',
  'def is_socket(fd):',
  '    try:',
  "        return os.readlink(f'/proc/self/fd/{fd}').startswith('socket:')",
  '    except OSError:',
  '        return False',
  // Standard output and error are socket pairs when Node spawns a program: only higher fds count.
  "open_sockets = sum(is_socket(fd) for fd in os.listdir('/proc/self/fd') if int(fd) > 2)",
  "print(f'left over: {open_sockets} sockets, {threading.active_count()} threads')",
  '',
].join('\n');
const DIRS = [join(ROOT, 'lessons'), join(ROOT, 'test', 'lesson', 'fixtures', 'good')];

// Each directory on its own, so that a lesson id used in both is exported from both.
const lessons: Lesson[] = [];
for (const dir of DIRS) lessons.push(...(await loadCurriculum([dir])).curriculum.lessons);

describe('the lessons found', () => {
  it('include the fixtures and the built-in lessons', () => {
    expect(lessons.map((l) => l.id)).toEqual(expect.arrayContaining(['fetch-a-page', 'greeting-server', 'every-peer']));
    expect(lessons.length).toBeGreaterThan(3);
  });
});

describe.each(lessons.map((l) => [l.id, l] as const))('the exported lesson %s', (_id, lesson) => {
  it('runs alone with python3 and prints what the lesson printed, statement by statement', async () => {
    const knowledge = await playLesson(lesson);
    const results = [...knowledge.setup, ...knowledge.steps.flat()];
    const numbersVary = [...knowledge.setup.map(() => false), ...knowledge.steps.flatMap((done, i) => done.map(() => lesson.steps[i]!.varies !== null))];
    const program = pythonProgram(lessonPlan(lesson, knowledge), { version: 'test', fileName: 'lesson.py' });
    const run = await runPython(program + LEFT_OVER);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const sources = results.map((r) => r.source);
    const expected = results.map((r) => r.output);
    const [printed, left] = [run.stdout.slice(0, run.stdout.lastIndexOf('left over:')), run.stdout.slice(run.stdout.lastIndexOf('left over:'))];
    expect(normalisedOutputs(sources, splitLike(printed, expected), numbersVary)).toEqual(normalisedOutputs(sources, expected, numbersVary));
    // After lesson.end(): no socket open, no thread but the main one.
    expect(left).toBe('left over: 0 sockets, 1 threads\n');
  }, 90_000);
});

describe('playing a lesson to export it', () => {
  it('leaves no file where socklab was started (a lesson may save one)', async () => {
    const saving = lessons.find((l) => l.steps.some((s) => s.calls.some((c) => c.source.includes('open('))));
    expect(saving).toBeDefined();
    const before = new Set(readdirSync(process.cwd()));
    await playLesson(saving!);
    expect(readdirSync(process.cwd()).filter((f) => !before.has(f))).toEqual([]);
  }, 60_000);
});
