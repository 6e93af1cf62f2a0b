// `socklab list`: number, id, title and progress of every lesson.
import { formatDiagnostic, lessonStatus, ProgressStore } from '../lesson';
import type { LessonSource } from './args';
import { loadLessons } from './lesson-source';
import type { Io } from './main';

export async function listLessons(source: LessonSource, io: Io): Promise<number> {
  const { curriculum, diagnostics } = await loadLessons(source);
  const { store, warning } = await ProgressStore.open();
  if (warning) io.stderr.write(`socklab: ${warning}\n`);
  // Only what keeps a lesson from loading: warnings are for `socklab validate`.
  for (const d of diagnostics) if (d.severity === 'error') io.stderr.write(`${formatDiagnostic(d)}\n`);
  const lessons = curriculum.lessons;
  if (lessons.length === 0) {
    io.stdout.write('No lessons found.\n');
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  }
  const idWidth = Math.max(...lessons.map((l) => l.id.length));
  const numberWidth = String(lessons.length).length;
  lessons.forEach((lesson, i) => {
    const { done, total, completed } = lessonStatus(store.progress, lesson);
    const mark = completed ? 'done' : done > 0 ? `${done}/${total}` : '';
    io.stdout.write(`${String(i + 1).padStart(numberWidth)}  ${lesson.id.padEnd(idWidth)}  ${lesson.title}${mark ? `  [${mark}]` : ''}\n`);
  });
  return 0;
}
