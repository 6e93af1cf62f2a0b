// `socklab replay <lesson>` on the screen: the lesson plays itself on the screen a learner sees. Each
// suggested call is typed at the pacer's pace and runs live; the peers act as in the lesson; a check
// that does not hold is said and the replay goes on. Left rewinds a step (LessonRun.back(): re-run on
// fresh sockets), one press at a time, exactly as a learner's :back would, so a recording of it
// replays live the same way.
import type { Lesson, Step } from '../../lesson/model';
import { autoplay, type AutoplayHooks } from '../../session/lesson/autoplay';
import type { LessonRun, LessonRunEvent, StepOutcome } from '../../session/lesson/lesson-run';
import type { Session } from '../../session/session';
import { followLessonRun, recordStarted } from '../../session/transcript/lesson-recording';
import type { TranscriptRecorder } from '../../session/transcript/recorder';
import type { StatementResult } from '../../session/types';
import type { ScreenServices } from '../app/services';
import type { ReplayIntent } from '../keys/replay-keys';
import { introText } from '../live/lesson-driver';
import { definedNames, earlierStepsRun, lessonHeadline, lessonView, rewindNote, stepDoneNote, stepHeading } from '../live/lesson-view';
import type { NoteTone } from '../state/types';
import { AFTER_STEP_MS, readingMs, typingSchedule } from './pace';
import type { Pacer } from './pacer';
import { noteAction, pacerIntent, type ReplayPlayer, type ReplaySink } from './player';
import { errorMessage } from '../../sys/error-text';
import { ShownTable } from './shown-table';

export interface LessonPlayerOptions {
  lesson: Lesson;
  /** 0-based step to start at; the steps before it run first, at once. */
  fromStep: number;
  /** Wait for a key after every step. */
  pauseEachStep: boolean;
  services: ScreenServices;
  pacer: Pacer;
  sink: ReplaySink;
  /** --record: the recorder and socklab's version for its header. */
  recording: { recorder: TranscriptRecorder; socklab: string } | null;
  /** Offered at the end (Right plays it); null for none. */
  nextLesson: Lesson | null;
  onNextLesson(lesson: Lesson): void;
  /** How often the table is read again while a call waits. */
  refreshMs?: number;
}

const REFRESH_MS = 250;

export class LessonPlayer implements ReplayPlayer {
  private session: Session | null = null;
  private run: LessonRun | null = null;
  private stop: AbortController | null = null;
  private readonly table: ShownTable;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  /** Left presses not acted on yet: each goes back one step. */
  private rewinds = 0;
  private wantNext = false;
  /** Starting or rewinding: the table is theirs to update. */
  private busy = true;
  private inCall = false;
  private shown = 0;
  private lastCheckError: string | null = null;
  /** Steps whose check did not hold, by number, with why. */
  private readonly failures = new Map<number, string>();
  private disposed = false;

  constructor(private readonly options: LessonPlayerOptions) {
    this.table = new ShownTable((action) => options.sink.ui(action));
    this.shown = options.fromStep;
  }

  start(): void {
    this.timer = setInterval(() => this.refresh(), this.options.refreshMs ?? REFRESH_MS);
    this.pane(null);
    this.play().catch((error: unknown) => {
      if (this.disposed) return;
      this.note(`the replay stopped: ${errorMessage(error)}`, 'error');
      this.options.sink.status({ phase: 'done', next: null });
    });
  }

  intent(intent: ReplayIntent): void {
    if (this.disposed) return;
    const { pacer } = this.options;
    if (intent.type === 'back') {
      this.rewinds++;
      this.stop?.abort();
      pacer.interrupt();
      return;
    }
    if (intent.type === 'next' && pacer.state.hold?.kind === 'end') {
      if (this.options.nextLesson === null) return;
      this.wantNext = true;
      pacer.interrupt();
      return;
    }
    pacerIntent(pacer, intent);
  }

  exitCode(): number {
    return this.run?.finished && this.failures.size > 0 ? 1 : 0;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.stop?.abort();
    this.options.pacer.interrupt();
    for (const off of this.unsubscribe.splice(0)) off();
    const finished = this.run?.finished === true;
    this.options.recording?.recorder.end(
      finished ? { reason: 'finished', passed: this.failures.size === 0, failures: [...this.failures.values()] } : { reason: 'quit' },
    );
    if (this.session !== null) await this.options.services.release(this.session, this.run);
  }

  private async play(): Promise<void> {
    const { services, lesson, pacer, sink, recording } = this.options;
    const session = await services.openSession();
    if (this.disposed) {
      await services.release(session, null);
      return;
    }
    this.session = session;
    const run = await services.openLessonRun(lesson, session);
    this.run = run;
    if (this.disposed) return;
    this.unsubscribe.push(run.onEvent((event) => this.onRunEvent(event)));
    if (recording) this.unsubscribe.push(followLessonRun(recording.recorder, run));

    this.note(lessonHeadline(lesson));
    const intro = introText(lesson.intro);
    if (intro !== '') this.note(intro);
    const from = this.options.fromStep;
    if (from > 0) this.note(`starting at step ${from + 1}: ${earlierStepsRun(from)} first, at once, on fresh sockets`);
    const results = await run.start(from);
    if (this.disposed) return;
    recording?.recorder.begin({ mode: 'replay', lesson, ports: run.ports, startStep: run.stepIndex + 1, socklab: recording.socklab });
    if (recording) recordStarted(recording.recorder, run, results);
    this.showRun(results);
    this.busy = false;
    sink.status({ phase: 'playing' });

    while (!this.disposed) {
      if (this.rewinds > 0) {
        this.rewinds--;
        await this.rewind(run);
        continue;
      }
      pacer.resume();
      if (!run.finished) {
        const stop = new AbortController();
        this.stop = stop;
        await autoplay(run, this.hooks(run, stop.signal));
        this.stop = null;
        continue;
      }
      this.showEnd(run);
      await pacer.hold({ kind: 'end' });
      const next = this.options.nextLesson;
      if (this.wantNext && next !== null && !this.disposed) {
        this.options.onNextLesson(next);
        return;
      }
      if (!this.disposed && this.rewinds === 0) sink.status({ phase: 'playing' });
    }
  }

  private hooks(run: LessonRun, signal: AbortSignal): AutoplayHooks {
    const { pacer, sink, recording } = this.options;
    return {
      stop: signal,
      onStep: async (index, step) => {
        pacer.apply({ type: 'skip-ended' });
        recording?.recorder.step(step);
        this.shown = index;
        this.note(stepHeading(step, this.options.lesson.steps.length));
        this.pane(step.calls[0]?.source ?? null);
        await pacer.wait(readingMs(`${step.title} ${step.prose}`));
      },
      beforeCall: async (call) => {
        this.pane(call);
        for (const typed of typingSchedule(call)) {
          await pacer.wait(typed.afterMs);
          if (signal.aborted) {
            sink.ui({ type: 'line-restored', line: '' });
            return;
          }
          // finishing at once: only the whole call is worth a frame
          if (pacer.state.skipping && typed.line !== call) continue;
          if (sink.current().line !== typed.line) sink.ui({ type: 'line-restored', line: typed.line });
        }
        this.inCall = true;
        sink.ui({ type: 'line-submitted', line: call });
        sink.ui({ type: 'statement-started', source: call });
      },
      onOutput: (text) => sink.ui({ type: 'statement-output', text }),
      onBlocked: (info) => {
        sink.ui({ type: 'statement-blocked', info });
        if (info !== null) this.refresh();
      },
      onResult: (result, outcome, step) => this.showResult(result, outcome, step),
      afterStep: async (_index, step, passed) => {
        if (signal.aborted) return;
        if (passed) this.failures.delete(step.number);
        else this.stepFailed(run, step);
        await pacer.wait(AFTER_STEP_MS);
        if (this.options.pauseEachStep && !run.finished && !signal.aborted) await pacer.hold({ kind: 'step', number: step.number });
      },
    };
  }

  private showResult(result: StatementResult, outcome: StepOutcome, step: Step): void {
    this.inCall = false;
    this.table.show({ type: 'statement-finished', result });
    this.options.recording?.recorder.statement(result, {
      step: step.number,
      passed: outcome.passed,
      errorHint: outcome.errorHint,
      checkError: outcome.checkError,
    });
    if (outcome.errorHint) this.note(`hint: ${outcome.errorHint}`, 'hint');
    this.lastCheckError = outcome.checkError;
    if (outcome.passed) this.note(stepDoneNote(step), 'success');
    this.pane(this.run?.solution() ?? null);
  }

  private stepFailed(run: LessonRun, step: Step): void {
    const reason =
      this.lastCheckError ??
      `${run.lesson.file}:${step.check.line}: the check of step ${step.number} (${step.check.source}) did not hold after its suggested calls`;
    this.failures.set(step.number, reason);
    this.note(`✗ step ${step.number} did not pass: ${reason}. The replay goes on.`, 'error');
  }

  /** One Left: back a step, as :back does (the steps before it run again on fresh sockets). */
  private async rewind(run: LessonRun): Promise<void> {
    const { pacer, sink, recording } = this.options;
    this.busy = true;
    try {
      pacer.resume();
      pacer.apply({ type: 'skip-ended' });
      sink.ui({ type: 'line-restored', line: '' });
      const target = Math.max(0, run.stepIndex - 1);
      this.note(rewindNote(target, 'again first'));
      const results = await run.back();
      if (this.disposed) return;
      recording?.recorder.command(':back', '');
      if (recording) recordStarted(recording.recorder, run, results);
      for (const number of [...this.failures.keys()]) if (number > target) this.failures.delete(number);
      this.showRun(results);
      sink.status({ phase: 'playing' });
    } finally {
      this.busy = false;
    }
  }

  /** After the run (re)started: the statements it ran at once, its names, its step on the pane. */
  private showRun(results: StatementResult[]): void {
    const run = this.run!;
    this.shown = run.stepIndex;
    if (results.length > 0) this.table.show({ type: 'statements-shown', results });
    this.note(definedNames(run.ports, this.options.lesson.settings));
    this.pane(null);
  }

  private showEnd(run: LessonRun): void {
    const count = run.lesson.steps.length;
    const failed = this.failures.size;
    if (failed === 0) this.note(`replay done: all ${count} steps passed`, 'success');
    else this.note(`replay done: ${failed} of ${count} steps did not pass`, 'error');
    const next = this.options.nextLesson;
    this.shown = count - 1;
    this.pane(null);
    this.options.sink.status({ phase: 'done', next: next ? `the next lesson, "${next.title}"` : null });
  }

  /** The lesson pane: the step the replay is in, and the call it types next. */
  private pane(call: string | null): void {
    const { lesson } = this.options;
    const stepIndex = this.run?.stepIndex ?? this.shown;
    const finished = stepIndex >= lesson.steps.length;
    const view = lessonView({ lesson, stepIndex, shownIndex: this.shown, hintsShown: 0, solution: null, hasNextLesson: false });
    this.options.sink.ui({ type: 'lesson-changed', lesson: { ...view, suggestion: finished ? '' : (call ?? ''), done: finished } });
  }

  private onRunEvent(event: LessonRunEvent): void {
    if (event.type === 'peer') {
      this.note(event.event.text);
      this.refresh();
    } else if (event.type === 'note') {
      this.note(event.text, 'warning');
    }
  }

  /** The table now, unless a call or a rewind is about to update it (a waiting call is not). */
  private refresh(): void {
    const session = this.session;
    if (session === null || this.busy || this.disposed) return;
    if (this.inCall && session.blocked === null) return;
    this.table.refresh(session);
  }

  private note(text: string, tone: NoteTone = 'info'): void {
    this.options.sink.ui(noteAction(text, tone));
  }
}
