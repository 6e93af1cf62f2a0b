// What the lesson pane shows, as a pure function of where the lesson run is and which step the pane
// shows. Once a step's check holds the run moves on at once, but the pane keeps showing that step,
// done, until the learner goes on (:next): one step at a time, even when a peer finished the next one
// meanwhile, so that no step's prose goes by unseen.
import type { Lesson } from '../../lesson/model';
import type { LessonView } from '../state/types';

export interface LessonPosition {
  lesson: Lesson;
  /** The run's step index (steps.length once finished). */
  stepIndex: number;
  /** The step the pane shows: the run's, or an earlier one that is done. */
  shownIndex: number;
  hintsShown: number;
  /** The call to make next, or null when there is none. */
  solution: string | null;
  /** There is a lesson after this one (the end of the lesson offers it). */
  hasNextLesson: boolean;
}

/** The step the pane shows, within the lesson's steps. */
export function shownStepIndex(lesson: Lesson, shownIndex: number): number {
  return Math.max(0, Math.min(shownIndex, lesson.steps.length - 1));
}

/** The last step is shown done: the lesson is over. */
export function atLessonEnd(position: Pick<LessonPosition, 'lesson' | 'stepIndex' | 'shownIndex'>): boolean {
  const count = position.lesson.steps.length;
  return position.stepIndex >= count && shownStepIndex(position.lesson, position.shownIndex) === count - 1;
}

/** The prompt line that goes on from a step shown done: the ghost suggestion Tab takes. */
export function continueCommand(atEnd: boolean, hasNextLesson: boolean): string {
  return atEnd && !hasNextLesson ? ':lessons' : ':next';
}

/**
 * Lesson prose without Markdown's emphasis marks, which a terminal would show as stray asterisks;
 * `code` keeps its backquotes: they say where code is.
 */
export function plainProse(markdown: string): string {
  return markdown.replace(/(\*\*|__)(\S(?:.*?\S)?)\1/g, '$2').replace(/(^|[\s(])\*(\S(?:.*?\S)?)\*(?=[\s).,;:!?]|$)/g, '$1$2');
}

// The lesson pane reads the prose's inline Markdown itself (format/inline-markup.ts) and styles it.
function stepProse(title: string, prose: string): string {
  const text = prose.trim();
  return text === '' ? title : `${title}: ${text}`;
}

export function lessonView(position: LessonPosition): LessonView {
  const { lesson } = position;
  const index = shownStepIndex(lesson, position.shownIndex);
  const done = index < position.stepIndex;
  const step = lesson.steps[index];
  return {
    title: lesson.title,
    stepIndex: index,
    stepCount: lesson.steps.length,
    prose: step ? stepProse(step.title, step.prose) : lesson.summary,
    suggestion: done ? continueCommand(atLessonEnd(position), position.hasNextLesson) : (position.solution ?? ''),
    hintsShown: done ? 0 : position.hintsShown,
    done: done || lesson.steps.length === 0,
  };
}

/** The note that says which names the lesson defined for the learner (HOST, PORT ...). */
export function definedNames(lesson: Pick<Lesson, 'settings'>, ports: Readonly<Partial<Record<string, number>>>): string {
  const { settings } = lesson;
  const names = [`HOST = '127.0.0.1'`];
  if (settings.ipv6) names.push(`HOST6 = '::1'`);
  names.push(...Object.entries(ports).map(([name, port]) => `${name} = ${port}`));
  if (settings.unix) names.push('UNIX_PATH (a fresh socket path)');
  return `defined for you: ${names.join(', ')}`;
}

/** The steps before step `count + 1`, as a rewind or a later start runs them again: 'step 1 runs', 'steps 1-3 run'. */
export function earlierStepsRun(count: number): string {
  return count === 1 ? 'step 1 runs' : `steps 1-${count} run`;
}
