// The commands that take a lesson: `socklab <lesson>` and `socklab replay`. They find the lesson, then
// run it on the screen or in plain text. (The menu reads the lessons itself, once it is drawn; so does
// the screen of a lesson named by its id.)
import { findLesson, formatDiagnostic, loadLessonById, ProgressStore, type Curriculum, type Lesson } from '../lesson';
import type { Command } from './args';
import { lessonPaths, loadLessons } from './lesson-source';
import type { Io } from './main';

type LessonCommand = Extract<Command, { kind: 'lesson' | 'replay' }>;

export async function runLessonMode(command: LessonCommand, io: Io): Promise<number> {
  if (command.kind === 'lesson' && !command.plain) {
    const lesson = await loadLessonById(lessonPaths(command.lessons), command.lesson.trim());
    if (lesson !== null) return openLesson(command, lesson, null, io);
  }
  const { curriculum, diagnostics } = await loadLessons(command.lessons);
  // Only what keeps a lesson from loading: warnings are for `socklab validate`.
  for (const d of diagnostics) if (d.severity === 'error') io.stderr.write(`${formatDiagnostic(d)}\n`);

  const wanted = command.kind === 'lesson' ? command.lesson : command.target;
  const lesson = findLesson(curriculum, wanted);
  if (command.kind === 'replay' && lesson === null && /\.jsonl?$|[/\\]/.test(wanted)) {
    return (await import('./replay-transcript')).replayTranscript(wanted, command, io);
  }
  if (lesson === null) return unknownLesson(wanted, curriculum.lessons, io);

  if (command.kind === 'replay') {
    const steps = lesson.steps.length;
    if (command.step > steps) {
      io.stderr.write(`socklab: ${lesson.id} has ${steps} step${steps === 1 ? '' : 's'}: --step takes 1 to ${steps}, not ${command.step}\n`);
      return 2;
    }
    if (command.plain) {
      return (await import('./replay-plain')).replayPlain(lesson, { noState: command.noState, step: command.step, record: command.record }, io);
    }
    return (await import('./screen')).openScreen({ kind: 'replay', lesson, curriculum, options: command }, io);
  }
  return openLesson(command, lesson, curriculum, io);
}

/** A lesson on the screen or in plain text, where the learner left it; `curriculum` null: not read yet. */
async function openLesson(command: Extract<LessonCommand, { kind: 'lesson' }>, lesson: Lesson, curriculum: Curriculum | null, io: Io): Promise<number> {
  const { store, warning } = await ProgressStore.open();
  if (warning) io.stderr.write(`socklab: ${warning}\n`);
  const fromStep = savedStep(lesson, store);
  if (command.plain) {
    return (await import('./lesson-plain')).lessonPlain(lesson, { noState: command.noState, fromStep, progress: store, record: command.record }, io);
  }
  const lessons = curriculum ?? (() => loadLessons(command.lessons));
  return (await import('./screen')).openScreen({ kind: 'lesson', lesson, lessons, fromStep, progress: store, record: command.record }, io);
}

/** Where the learner left this lesson (0 when new or finished). */
function savedStep(lesson: Lesson, store: ProgressStore): number {
  const position = store.progress.position;
  if (!position || position.lesson !== lesson.id) return 0;
  const index = lesson.steps.findIndex((s) => s.id === position.step);
  return index < 0 ? 0 : index;
}

function unknownLesson(wanted: string, lessons: readonly Lesson[], io: Io): number {
  io.stderr.write(`socklab: no lesson '${wanted}'. `);
  if (lessons.length === 0) io.stderr.write('No lessons were found.\n');
  else io.stderr.write(`Lessons: ${lessons.map((l, i) => `${i + 1} ${l.id}`).join(', ')}\n(see socklab list)\n`);
  return 2;
}
