// `socklab validate [PATH...]`: every problem of every lesson file as file:line: message.
import { formatDiagnostic, hasErrors, loadCurriculum } from '../lesson';
import type { LessonSource } from './args';
import { lessonPaths } from './lesson-source';
import type { Io } from './main';

export async function validateLessons(paths: readonly string[], source: LessonSource, io: Io): Promise<number> {
  const targets = paths.length > 0 ? [...paths] : lessonPaths(source);
  const { diagnostics, files } = await loadCurriculum(targets);
  for (const d of diagnostics) io.stdout.write(`${formatDiagnostic(d)}\n`);
  const failed = hasErrors(diagnostics);
  const count = files.length;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = `${count} lesson file${count === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  (failed ? io.stderr : io.stdout).write(`${summary}\n`);
  return failed ? 1 : 0;
}
