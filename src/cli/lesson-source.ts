// Where the lessons come from: the built-in lessons/ directory shipped next to the program, plus an
// instructor's --lessons directories.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCurriculum, type CurriculumResult } from '../lesson';
import type { LessonSource } from './args';

/**
 * The package's own lessons/ directory, found by walking up from this file to socklab's package.json:
 * the same code runs bundled (dist/socklab.js) and from the sources (src/cli/lesson-source.ts).
 */
export function builtinLessonsDir(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (let i = 0; i < 6; i++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'socklab') return join(dir, 'lessons');
      } catch {
        // Not ours, or unreadable: keep looking upward.
      }
    }
    dir = dirname(dir);
  }
  return join(dirname(from), '..', 'lessons');
}

export function lessonPaths(source: LessonSource): string[] {
  return [...(source.builtin ? [builtinLessonsDir()] : []), ...source.dirs];
}

export function loadLessons(source: LessonSource): Promise<CurriculumResult> {
  return loadCurriculum(lessonPaths(source));
}
