// The good fixture lessons (test/lesson/fixtures/good), loaded once for a test file.
import { join } from 'node:path';
import { beforeAll } from 'vitest';
import { loadCurriculum } from '../../src/lesson';
import type { Curriculum, Lesson } from '../../src/lesson/model';

export const GOOD_FIXTURES = join(import.meta.dirname, '..', 'lesson', 'fixtures', 'good');

/** Loads the fixture curriculum before the file's tests and hands it to `assign`. */
export function loadFixtureLessons(assign: (curriculum: Curriculum) => void): void {
  beforeAll(async () => {
    assign((await loadCurriculum([GOOD_FIXTURES])).curriculum);
  });
}

export function lessonById(curriculum: Curriculum, id: string): Lesson {
  const found = curriculum.lessons.find((l) => l.id === id);
  if (!found) throw new Error(`no fixture lesson ${id}`);
  return found;
}
