// The built-in curriculum: every lesson in lessons/ validates, plays itself through live on real
// loopback sockets with its suggested calls, and together the lessons cover every program and idea of
// the curriculum (each lesson's tags say which: p1 ... p7, idea-1 ... idea-15).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lesson/diagnostics';
import { loadCurriculum, type CurriculumResult } from '../../src/lesson/load';
import type { Lesson } from '../../src/lesson/model';
import { autoplay } from '../../src/session/lesson/autoplay';
import { LessonRun } from '../../src/session/lesson/lesson-run';
import { Session } from '../../src/session/session';

const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));

/** Warnings a lesson gives on purpose, each with its reason. */
const DELIBERATE_WARNINGS: { file: string; includes: string; why: string }[] = [
  {
    file: '07-addresses-and-time-wait.md',
    includes: 'fixed port 80',
    why: 'the step shows that ports below 1024 need privileges; its check accepts PermissionError and, as root, the bound port',
  },
];

const PROGRAMS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const IDEAS = Array.from({ length: 15 }, (_, i) => `idea-${i + 1}`);

/** Loaded once at collection time, so that each lesson gets its own test below. */
const loaded: CurriculumResult = await loadCurriculum([lessonsDir]);
const lessons: Lesson[] = loaded.curriculum.lessons;

describe('the lesson files', () => {
  it('validate without errors, and warn only where a lesson means to', () => {
    const { diagnostics, files } = loaded;
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const unexpected = diagnostics
      .filter((d) => d.severity === 'warning')
      .filter((d) => !DELIBERATE_WARNINGS.some((w) => path.basename(d.file) === w.file && d.message.includes(w.includes)));
    expect(unexpected.map(formatDiagnostic)).toEqual([]);
    for (const w of DELIBERATE_WARNINGS) {
      const found = diagnostics.some((d) => d.severity === 'warning' && path.basename(d.file) === w.file && d.message.includes(w.includes));
      expect(found, `${w.file} no longer warns about ${w.includes}: remove it from DELIBERATE_WARNINGS`).toBe(true);
    }
  });

  it('load every file as a lesson, in a distinct order', () => {
    const { curriculum: c, files } = loaded;
    expect(c.lessons.map((l) => path.basename(l.file)).sort()).toEqual(files.map((f) => path.basename(f.file)).sort());
    const orders = c.lessons.map((l) => l.order);
    expect(orders.every((o) => o !== null)).toBe(true);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('give each lesson a level, a setup that imports what it needs, and 5 to 10 steps', () => {
    for (const lesson of lessons) {
      expect(lesson.level, lesson.id).not.toBeNull();
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(5);
      expect(lesson.steps.length, lesson.id).toBeLessThanOrEqual(10);
      expect(lesson.setup.length, `${lesson.id} imports socket in its setup`).toBeGreaterThan(0);
    }
  });
});

describe('coverage of the curriculum', () => {
  it('covers every program (p1-p7) and every idea (idea-1 - idea-15) in some lesson', () => {
    const covered = new Set(lessons.flatMap((l) => l.tags));
    const missing = [...PROGRAMS, ...IDEAS].filter((tag) => !covered.has(tag));
    expect(missing).toEqual([]);
  });

  it('tags each lesson with at least one program or idea', () => {
    const known = new Set([...PROGRAMS, ...IDEAS]);
    for (const lesson of lessons) {
      expect(lesson.tags.some((t) => known.has(t)), lesson.id).toBe(true);
    }
  });
});

describe('each lesson plays itself live', () => {
  let cwd: string;

  beforeAll(async () => {
    // A lesson may save a file (the fetched page): keep it out of the working tree.
    cwd = await mkdtemp(path.join(os.tmpdir(), 'socklab-curriculum-'));
  });

  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it.each(lessons.map((l): [string, Lesson] => [l.id, l]))(
    '%s',
    async (_id, lesson) => {
      const session = new Session({ cwd });
      const run = new LessonRun(lesson, { session });
      try {
        await run.start();
        const report = await autoplay(run, { callTimeoutMs: 15_000 });
        expect(report.failures.map((f) => `step ${f.step}: ${f.reason}`)).toEqual([]);
        expect(report.passed).toBe(true);
        expect(report.steps).toBe(lesson.steps.length);
      } finally {
        await run.stop();
        session.close();
      }
    },
    30_000,
  );
});
