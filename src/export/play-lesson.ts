// Plays a lesson once, live, to learn what each of its statements prints (a value shown, an exception
// raised), so the exported program can be written to print the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lesson } from '../lesson/model';
import { autoplay } from '../session/lesson/autoplay';
import { LessonRun } from '../session/lesson/lesson-run';
import { Session } from '../session/session';
import type { StatementResult } from '../session/types';
import type { LessonKnowledge } from './export-plan';

export async function playLesson(lesson: Lesson, stop?: AbortSignal): Promise<LessonKnowledge> {
  // In a private directory: a lesson may save files (open('page.html', 'wb')), and exporting it must
  // not leave them where the user happens to be.
  const cwd = mkdtempSync(join(tmpdir(), 'socklab-export-'));
  const session = new Session({ cwd });
  const run = new LessonRun(lesson, { session });
  try {
    const setup = await run.start(0);
    const steps: StatementResult[][] = lesson.steps.map(() => []);
    await autoplay(run, { ...(stop ? { stop } : {}), onResult: (result, _outcome, step) => steps[step.number - 1]?.push(result) });
    return { setup, steps };
  } finally {
    await run.stop();
    session.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}
