// Recording a lesson run: what its peers did and its notes as they happen, and the statements a start,
// rewind or restart ran for the learner, each with the step it belongs to.
import type { Lesson } from '../../lesson/model';
import type { LessonRun } from '../lesson/lesson-run';
import type { StatementResult } from '../types';
import type { TranscriptRecorder } from './recorder';

/** Writes the run's peer events and notes to the transcript as they come; returns the unsubscriber. */
export function followLessonRun(recorder: TranscriptRecorder, run: LessonRun): () => void {
  return run.onEvent((e) => {
    if (e.type === 'peer') recorder.peer(e.event);
    else if (e.type === 'note') recorder.note(e.text);
  });
}

/**
 * The step each statement of a (re)start belongs to: LessonRun runs the setup lines first (no step),
 * then the suggested calls of every step before the one it starts at, in order.
 */
export function startedSteps(lesson: Lesson, count: number, target: number): (number | null)[] {
  const steps: (number | null)[] = lesson.setup.map(() => null);
  for (let i = 0; i < target && i < lesson.steps.length; i++) steps.push(...lesson.steps[i]!.calls.map(() => i + 1));
  // More results than foreseen cannot happen with an unchanged lesson; keep them, without a step.
  while (steps.length < count) steps.push(null);
  return steps.slice(0, count);
}

/** Records what start(), back() or restart() ran; call it right after, while stepIndex is the target. */
export function recordStarted(recorder: TranscriptRecorder, run: LessonRun, results: readonly StatementResult[]): void {
  recorder.ports(run.ports);
  const steps = startedSteps(run.lesson, results.length, run.stepIndex);
  results.forEach((result, i) => recorder.statement(result, { by: 'lesson', step: steps[i] ?? null }));
}
