// The lesson a transcript was recorded in: found by its id among the lessons socklab loads (the
// built-in ones and --lessons directories), or else read from the file the header names.
import { existsSync } from 'node:fs';
import { findLesson, formatDiagnostic, validateLessonFile, type Lesson } from '../lesson';
import type { Transcript } from '../session/transcript/format';
import type { LessonSource } from './args';
import { loadLessons } from './lesson-source';

export type TranscriptLesson = { ok: true; lesson: Lesson | null } | { ok: false; message: string };

export async function lessonOfTranscript(t: Transcript, source: LessonSource): Promise<TranscriptLesson> {
  const ref = t.header.lesson;
  if (ref === null || t.header.mode === 'sandbox') return { ok: true, lesson: null };
  const { curriculum } = await loadLessons(source);
  const byId = findLesson(curriculum, ref.id);
  if (byId !== null && byId.id === ref.id) return { ok: true, lesson: byId };
  if (existsSync(ref.file)) {
    const result = await validateLessonFile(ref.file);
    if (result.lesson && result.lesson.id === ref.id) return { ok: true, lesson: result.lesson };
    const first = result.diagnostics.find((d) => d.severity === 'error');
    if (first) return { ok: false, message: `the transcript's lesson file has problems: ${formatDiagnostic(first)}` };
  }
  return {
    ok: false,
    message: `${t.file}:1: the transcript was recorded in the lesson '${ref.id}' (${ref.file}), which socklab cannot find: name its directory with --lessons DIR`,
  };
}
