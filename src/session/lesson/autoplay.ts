// Plays a lesson by itself: each step's suggested calls are run in order, live, and the step's check
// must hold after the last of them (not before: a check that holds early would hand the rest of the
// step's calls to the next step). Replay, its plain transcript and the curriculum test all use this.
import type { Step } from '../../lesson';
import type { RunHooks } from '../session';
import type { StatementResult } from '../types';
import type { LessonRun, StepOutcome } from './lesson-run';

export interface AutoplayFailure {
  /** 1-based step number. */
  step: number;
  reason: string;
}

export interface AutoplayHooks {
  /** A step begins (0-based index). */
  onStep?(index: number, step: Step): void | Promise<void>;
  /** Before each suggested call: the screen types it at a readable pace here, or waits for a key. */
  beforeCall?(call: string, step: Step): void | Promise<void>;
  onResult?(result: StatementResult, outcome: StepOutcome, step: Step): void;
  /** After a step ends (passed or not), before the next one begins. */
  afterStep?(index: number, step: Step, passed: boolean): void | Promise<void>;
  /** Output and waits of each call as they happen (the screen shows a call that waits). */
  onOutput?: RunHooks['onOutput'];
  onBlocked?: RunHooks['onBlocked'];
  /** Stops the play after the current call (or before it, when it comes while the call is typed). */
  stop?: AbortSignal;
  /** A call that waits longer than this is interrupted (a lesson must never hang a replay). */
  callTimeoutMs?: number;
}

export interface AutoplayReport {
  passed: boolean;
  failures: AutoplayFailure[];
  /** Steps played (whether their checks held or not). */
  steps: number;
}

const DEFAULT_CALL_TIMEOUT_MS = 20_000;

export async function autoplay(run: LessonRun, hooks: AutoplayHooks = {}): Promise<AutoplayReport> {
  const failures: AutoplayFailure[] = [];
  let steps = 0;
  run.checkOnPeerEvents = false;
  while (!run.finished && !hooks.stop?.aborted) {
    const index = run.stepIndex;
    const step = run.step!;
    await hooks.onStep?.(index, step);
    steps++;
    let passed = false;
    let lastCheckError: string | null = null;
    for (let c = 0; c < step.calls.length && !hooks.stop?.aborted; c++) {
      const call = step.calls[c]!;
      await hooks.beforeCall?.(call.source, step);
      if (hooks.stop?.aborted) break;
      const outcome = await run.submit(call.source, {
        signal: AbortSignal.timeout(hooks.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS),
        onOutput: hooks.onOutput,
        onBlocked: hooks.onBlocked,
      });
      hooks.onResult?.(outcome.result, outcome, step);
      lastCheckError = outcome.checkError;
      if (outcome.passed) {
        passed = true;
        if (c < step.calls.length - 1) {
          failures.push({
            step: index + 1,
            reason: `${run.lesson.file}:${step.check.line}: the check of step ${index + 1} held after "${call.source}", before the step's last suggested call`,
          });
        }
        break;
      }
    }
    if (!passed && !hooks.stop?.aborted) {
      const last = run.lesson.steps[index]!;
      failures.push({
        step: index + 1,
        reason:
          lastCheckError ??
          `${run.lesson.file}:${last.check.line}: the check of step ${index + 1} (${last.check.source}) did not hold after its suggested calls`,
      });
      await run.skip();
    }
    await hooks.afterStep?.(index, step, passed);
  }
  return { passed: failures.length === 0 && run.finished, failures, steps };
}
