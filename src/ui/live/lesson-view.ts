// What the lesson pane shows, as a pure function of where the lesson run is and which step the pane
// shows. Once a step's check holds the run moves on at once, but the pane keeps showing that step,
// done, until the learner goes on (:next): one step at a time, even when a peer finished the next one
// meanwhile, so that no step's prose goes by unseen.
import type { Lesson, LessonSettings, Step } from '../../lesson/model';
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

/**
 * The note that says which names the lesson defined for the learner (HOST, PORT ...). A transcript
 * keeps the ports but not the lesson's settings, so those may be left out.
 */
export function definedNames(ports: Readonly<Partial<Record<string, number>>>, settings: Partial<Pick<LessonSettings, 'ipv6' | 'unix'>> = {}): string {
  const names = [`HOST = '127.0.0.1'`];
  if (settings.ipv6) names.push(`HOST6 = '::1'`);
  if (Object.keys(ports).length > 0) names.push(portsText(ports));
  if (settings.unix) names.push('UNIX_PATH (a fresh socket path)');
  return `defined for you: ${names.join(', ')}`;
}

/** A lesson's ports as the learner's names for them: 'PORT = 31610, PORT2 = 31611'. */
export function portsText(ports: Readonly<Partial<Record<string, number>>>): string {
  return Object.entries(ports)
    .map(([name, port]) => `${name} = ${port}`)
    .join(', ');
}

/** The lesson's first note: its title and what it is about. */
export function lessonHeadline(lesson: Pick<Lesson, 'title' | 'summary'>): string {
  return `${lesson.title}: ${lesson.summary}`;
}

/** The note that starts a step. */
export function stepHeading(step: Pick<Step, 'number' | 'title'>, stepCount: number): string {
  return `step ${step.number} of ${stepCount}: ${step.title}`;
}

/** The note when a step's check held. */
export function stepDoneNote(step: Pick<Step, 'number' | 'title'>): string {
  return `✓ step ${step.number} done: ${step.title}`;
}

/** The note of a rewind to `target` (0-based); `how` says how the earlier steps run ('again for you'). */
export function rewindNote(target: number, how: string): string {
  return target === 0 ? 'back to step 1, on fresh sockets' : `back to step ${target + 1}: ${earlierStepsRun(target)} ${how}, on fresh sockets`;
}

/** The steps before step `count + 1`, as a rewind or a later start runs them again: 'step 1 runs', 'steps 1-3 run'. */
export function earlierStepsRun(count: number): string {
  return count === 1 ? 'step 1 runs' : `steps 1-${count} run`;
}
