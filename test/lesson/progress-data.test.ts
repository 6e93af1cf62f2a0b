import { describe, expect, it } from 'vitest';
import type { Curriculum, Lesson, Step } from '../../src/lesson/model';
import {
  emptyProgress,
  lessonStatus,
  markLessonCompleted,
  markStepDone,
  readProgressText,
  resetLesson,
  resumePoint,
  setPosition,
} from '../../src/lesson/progress-data';

const now = new Date('2025-01-02T03:04:05.000Z');

function step(id: string, number: number): Step {
  return { id, number, title: id, line: number * 10, prose: '', calls: [{ source: 'x = 1', line: 1 }], check: { source: 'True', line: 2 }, hints: [], errorHints: [], varies: null, peerActions: [] };
}

function lesson(id: string, stepIds: string[]): Lesson {
  return {
    id,
    title: id,
    summary: id,
    order: null,
    level: null,
    tags: [],
    file: `${id}.md`,
    line: 2,
    intro: '',
    setup: [],
    steps: stepIds.map((s, i) => step(s, i + 1)),
    peers: [],
    settings: { ipv6: false, ports: 1, unix: false },
  };
}

const curriculum: Curriculum = { lessons: [lesson('a', ['one', 'two', 'three']), lesson('b', ['only'])] };

describe('progress updates', () => {
  it('records a step once and stamps the time', () => {
    const once = markStepDone(emptyProgress(), 'a', 'one', now);
    expect(once.lessons['a']).toEqual({ doneSteps: ['one'], completed: false, completedAt: null });
    expect(once.updatedAt).toBe(now.toISOString());
    expect(markStepDone(once, 'a', 'one', now)).toBe(once);
  });

  it('records a completed lesson, and a reset forgets its steps but not its completion', () => {
    const done = markLessonCompleted(markStepDone(emptyProgress(), 'a', 'one', now), 'a', now);
    expect(done.lessons['a']).toEqual({ doneSteps: ['one'], completed: true, completedAt: now.toISOString() });
    expect(resetLesson(done, 'a', now).lessons['a']).toEqual({ doneSteps: [], completed: true, completedAt: now.toISOString() });
    expect(resetLesson(done, 'zzz', now)).toBe(done);
  });

  it('counts only the steps the lesson still has', () => {
    let p = markStepDone(emptyProgress(), 'a', 'one', now);
    p = markStepDone(p, 'a', 'removed-step', now);
    expect(lessonStatus(p, curriculum.lessons[0]!)).toEqual({ done: 1, total: 3, completed: false });
    expect(lessonStatus(p, curriculum.lessons[1]!)).toEqual({ done: 0, total: 1, completed: false });
  });
});

describe('resumePoint', () => {
  it('finds the step by id, even when it moved', () => {
    const p = setPosition(emptyProgress(), 'a', { id: 'three', index: 0 }, now);
    expect(resumePoint(p, curriculum)).toMatchObject({ lesson: { id: 'a' }, stepIndex: 2 });
  });

  it('falls back to the index (clamped) when the step was renamed, and to the start for null', () => {
    expect(resumePoint(setPosition(emptyProgress(), 'a', { id: 'renamed', index: 1 }, now), curriculum)?.stepIndex).toBe(1);
    expect(resumePoint(setPosition(emptyProgress(), 'a', { id: 'renamed', index: 9 }, now), curriculum)?.stepIndex).toBe(2);
    expect(resumePoint(setPosition(emptyProgress(), 'b', null, now), curriculum)?.stepIndex).toBe(0);
  });

  it('gives null when nothing was recorded or the lesson is gone', () => {
    expect(resumePoint(emptyProgress(), curriculum)).toBeNull();
    expect(resumePoint(setPosition(emptyProgress(), 'gone', null, now), curriculum)).toBeNull();
  });
});

describe('readProgressText', () => {
  it('reads the current version and drops repeated step ids', () => {
    const text = JSON.stringify({
      version: 2,
      lessons: { a: { doneSteps: ['one', 'one'], completed: false, completedAt: null } },
      position: { lesson: 'a', step: 'two', stepIndex: 1 },
      updatedAt: null,
      unknownField: true,
    });
    expect(readProgressText(text)).toEqual({
      kind: 'ok',
      migratedFrom: null,
      progress: { version: 2, lessons: { a: { doneSteps: ['one'], completed: false, completedAt: null } }, position: { lesson: 'a', step: 'two', stepIndex: 1 }, updatedAt: null },
    });
  });

  it('migrates version 1', () => {
    const result = readProgressText('{"version": 1, "done": ["a"], "current": null}');
    expect(result).toEqual({
      kind: 'ok',
      migratedFrom: 1,
      progress: { version: 2, lessons: { a: { doneSteps: [], completed: true, completedAt: null } }, position: null, updatedAt: null },
    });
    expect(readProgressText('{"version": 1, "done": "a"}')).toMatchObject({ kind: 'damaged' });
  });

  it('tells newer versions and damage apart', () => {
    expect(readProgressText('{"version": 7}')).toEqual({ kind: 'newer', version: 7 });
    for (const text of ['', 'null', '{"version": "2"}', '{"version": 0}', '{"version": 2.5}', '{"version": 2, "lessons": {}, "position": {"lesson": "a", "stepIndex": -1}}']) {
      expect(readProgressText(text).kind).toBe('damaged');
    }
  });
});
