// Runs one lesson live on its stage (ports, peers, names: lesson-stage.ts): the peers driven step by
// step, the learner's statements checked after each one, hints, rewinding by re-running on a fresh
// stage, and progress.
import { isTruthy, PyException, exceptionLine, type PyObject } from '../../py';
import {
  markLessonCompleted,
  markStepDone,
  setPosition,
  type Lesson,
  type PeerActionBlock,
  type PeerTrigger,
  type PortName,
  type ProgressStore,
  type Step,
} from '../../lesson';
import type { PeerEvent, PeerHost } from '../peers';
import type { RunHooks, Session } from '../session';
import type { StatementResult } from '../types';
import { checkHelpers, type CheckScope } from './check-helpers';
import { matchErrorHint } from './error-hints';
import { LessonStage, type LessonStageOptions } from './lesson-stage';
import { nextSuggestedCall } from './suggestions';

export interface LessonRunOptions extends LessonStageOptions {
  session: Session;
  progress?: ProgressStore | null;
}

/** What happened to one statement the learner typed during a lesson. */
export interface StepOutcome {
  result: StatementResult;
  /** The step's check held after this statement: the step is done. */
  passed: boolean;
  /** The hint the lesson foresaw for this mistake, if the statement raised one it foresaw. */
  errorHint: string | null;
  /** The check raised instead of answering (usually: a name it reads is not defined yet). */
  checkError: string | null;
  /** Every step is done. */
  finished: boolean;
}

export type LessonRunEvent =
  | { type: 'step'; index: number }
  /** The step's check held after a peer acted, with no statement of the learner's (the next step follows). */
  | { type: 'passed'; index: number }
  | { type: 'finished' }
  | { type: 'peer'; event: PeerEvent }
  | { type: 'note'; text: string };

/** How long a peer block may hold up the lesson before the learner may go on (it keeps running). */
const BLOCK_HOLD_MS = 3000;
/** How long after a peer event the step is checked again (events come in bursts). */
const RECHECK_DELAY_MS = 30;
/** How long a suggested call may wait when earlier steps are re-run. */
const REPLAY_CALL_MS = 10_000;

export class LessonRun {
  readonly lesson: Lesson;
  private readonly session: Session;
  private readonly progress: ProgressStore | null;
  private readonly stage: LessonStage;
  private index = 0;
  private hintsShown = 0;
  private typed: string[] = [];
  private blockedFired = false;
  private last: StatementResult | null = null;
  private readonly listeners = new Set<(e: LessonRunEvent) => void>();
  private readonly helpers: Map<string, PyObject>;
  private stopped = false;
  /** A check run because a peer acted, in flight; a statement waits for it. */
  private rechecking: Promise<void> = Promise.resolve();
  private recheckTimer: NodeJS.Timeout | null = null;
  /**
   * Check the step again after each peer event (the lesson format promises it). Autoplay turns it off:
   * a replay must advance only after a step's last suggested call.
   */
  checkOnPeerEvents = true;
  /** Earlier steps are being re-run (start, :back, :reset): no check of its own may advance the lesson. */
  private replaying = false;
  /**
   * A statement or :next is being handled. It finishes the step itself; a check after a peer event
   * meanwhile (its done-block's peers act while it saves the progress) would finish it a second time,
   * so such a check waits until it is over.
   */
  private acting = 0;

  constructor(lesson: Lesson, options: LessonRunOptions) {
    this.lesson = lesson;
    this.session = options.session;
    this.progress = options.progress ?? null;
    this.stage = new LessonStage(lesson, options.session, options);
    this.helpers = checkHelpers(() => this.scope());
  }

  /** 0-based index of the current step; equals steps.length once the lesson is finished. */
  get stepIndex(): number {
    return this.index;
  }

  get step(): Step | null {
    return this.lesson.steps[this.index] ?? null;
  }

  get finished(): boolean {
    return this.index >= this.lesson.steps.length;
  }

  get ports(): Readonly<Partial<Record<PortName, number>>> {
    return this.stage.ports;
  }

  get hintsRevealed(): number {
    return this.hintsShown;
  }

  get peers(): PeerHost | null {
    return this.stage.peers;
  }

  onEvent(listener: (e: LessonRunEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts the lesson at step `from` (0-based; earlier steps are re-run with their suggested calls):
   * free ports, peers, the lesson's names, the intro's setup statements. Returns every statement run
   * on the learner's behalf, so the screen can show them.
   */
  async start(from = 0): Promise<StatementResult[]> {
    return this.begin(Math.max(0, Math.min(from, this.lesson.steps.length)));
  }

  /** Runs a statement the learner typed and checks the step. */
  async submit(source: string, hooks: RunHooks = {}): Promise<StepOutcome> {
    this.cancelRecheck();
    await this.rechecking;
    this.acting++;
    try {
      return await this.submitChecked(source, hooks);
    } finally {
      this.acting--;
    }
  }

  private async submitChecked(source: string, hooks: RunHooks): Promise<StepOutcome> {
    const step = this.step;
    const wrapped: RunHooks = {
      ...hooks,
      onBlocked: (info) => {
        hooks.onBlocked?.(info);
        if (info !== null && step !== null && !this.blockedFired) {
          this.blockedFired = true;
          void this.runBlocks(step, 'blocked', false);
        }
      },
    };
    const result = await this.session.run(source, wrapped);
    this.last = result;
    if (step === null) return { result, passed: false, errorHint: null, checkError: null, finished: true };
    this.typed.push(source.trim());
    const { passed, checkError } = await this.check(step);
    const errorHint = passed || result.error === null ? null : matchErrorHint(step.errorHints, result.error);
    if (passed) await this.completeStep(step);
    return { result, passed, errorHint, checkError, finished: this.finished };
  }

  /** The step's next hint, in order; null when every hint has been shown. */
  nextHint(): string | null {
    const hint = this.step?.hints[this.hintsShown];
    if (hint === undefined) return null;
    this.hintsShown++;
    return hint.text;
  }

  /** The suggested call to put on the prompt: the first of the step's calls not typed yet. */
  solution(): string | null {
    const step = this.step;
    return step === null ? null : nextSuggestedCall(step, this.typed);
  }

  /** :next: skips the current step (it is not marked done). */
  async skip(): Promise<void> {
    this.cancelRecheck();
    await this.rechecking;
    const step = this.step;
    if (step === null) return;
    this.acting++;
    try {
      await this.runBlocks(step, 'done', true);
      await this.enter(this.index + 1);
    } finally {
      this.acting--;
    }
  }

  /**
   * :back: rewinds one step. The learner's sockets are closed, and steps before the target are re-run
   * with their suggested calls on fresh sockets and fresh ports (the old ones may sit in TIME_WAIT).
   */
  async back(): Promise<StatementResult[]> {
    return this.begin(Math.max(0, this.index - 1));
  }

  /** :reset: starts the lesson over from step 1 on fresh sockets. */
  async restart(): Promise<StatementResult[]> {
    return this.begin(0);
  }

  /** Ends the run: the peers stop, the learner's position is saved. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.cancelRecheck();
    await this.rechecking;
    await this.stage.close();
  }

  private async begin(target: number): Promise<StatementResult[]> {
    if (this.stopped) throw new Error('this lesson run has been stopped');
    this.cancelRecheck();
    await this.rechecking;
    this.replaying = true;
    try {
      return await this.replayTo(target);
    } finally {
      this.replaying = false;
    }
  }

  private async replayTo(target: number): Promise<StatementResult[]> {
    await this.stage.set((event: PeerEvent) => {
      this.emit({ type: 'peer', event });
      this.scheduleRecheck();
    });

    const ran: StatementResult[] = [];
    for (const line of this.lesson.setup) ran.push(await this.session.run(line.source));
    this.index = 0;
    this.enterQuietly(0);
    for (let i = 0; i < target; i++) {
      const step = this.lesson.steps[i]!;
      await this.runBlocks(step, 'start', true);
      let fired = false;
      const hooks: RunHooks = {
        onBlocked: (info) => {
          if (info !== null && !fired) {
            fired = true;
            void this.runBlocks(step, 'blocked', false);
          }
        },
        // A suggested call that waits for something that never comes must not hang the rewind.
        signal: AbortSignal.timeout(REPLAY_CALL_MS),
      };
      for (const call of step.calls) {
        this.last = await this.session.run(call.source, hooks);
        ran.push(this.last);
      }
      await this.runBlocks(step, 'done', true);
    }
    await this.enter(target);
    return ran;
  }

  private enterQuietly(index: number): void {
    this.index = index;
    this.hintsShown = 0;
    this.typed = [];
    this.blockedFired = false;
  }

  private async enter(index: number): Promise<void> {
    this.enterQuietly(index);
    const step = this.step;
    if (step === null) {
      await this.saveProgress(null);
      this.emit({ type: 'finished' });
      return;
    }
    await this.saveProgress(step);
    await this.runBlocks(step, 'start', true);
    this.emit({ type: 'step', index });
  }

  private async completeStep(step: Step): Promise<void> {
    await this.runBlocks(step, 'done', true);
    if (this.progress) {
      const warning = await this.progress.update((p) => markStepDone(p, this.lesson.id, step.id));
      if (warning) this.emit({ type: 'note', text: warning });
    }
    await this.enter(this.index + 1);
    if (this.finished && this.progress) {
      const warning = await this.progress.update((p) => markLessonCompleted(p, this.lesson.id));
      if (warning) this.emit({ type: 'note', text: warning });
    }
  }

  /**
   * Runs the step's blocks for a trigger. With `hold`, waits until they are done or the peers have
   * nothing left to do for now (a block may wait minutes for the learner: it goes on in the background).
   */
  private async runBlocks(step: Step, trigger: PeerTrigger, hold: boolean): Promise<void> {
    const host = this.stage.peers;
    if (host === null) return;
    const blocks = step.peerActions.filter((b: PeerActionBlock) => b.trigger === trigger);
    for (const block of blocks) {
      const done = host.run(block);
      if (hold) await Promise.race([done, quiet(host, BLOCK_HOLD_MS)]);
    }
  }

  /**
   * Evaluates the step's check. A Python exception in it means "not yet" (the learner has not defined
   * `conn`, or made `s` an int): the validator already rejects checks that could never work. Its line
   * is kept in `checkError` so a replay can say why a step never passed.
   */
  /** A peer acted while the learner is between statements: the step may be done now. */
  private scheduleRecheck(): void {
    if (!this.checkOnPeerEvents || this.replaying || this.stopped || this.finished || this.session.running || this.recheckTimer) return;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = null;
      this.rechecking = this.recheck().catch(() => undefined);
    }, RECHECK_DELAY_MS);
    this.recheckTimer.unref();
  }

  private cancelRecheck(): void {
    if (this.recheckTimer) clearTimeout(this.recheckTimer);
    this.recheckTimer = null;
  }

  private async recheck(): Promise<void> {
    const step = this.step;
    const host = this.stage.peers;
    if (this.acting > 0) {
      // The statement or :next in progress finishes its step itself; look again once it has.
      this.scheduleRecheck();
      return;
    }
    if (step === null || host === null || this.replaying || this.session.running || this.stopped) return;
    await host.settle();
    if (this.acting > 0) {
      this.scheduleRecheck();
      return;
    }
    if (this.step !== step || this.session.running || this.stopped) return;
    this.session.refresh();
    const { passed } = await this.check(step);
    if (passed && this.step === step && !this.stopped) {
      this.emit({ type: 'passed', index: this.index });
      await this.completeStep(step);
    }
  }

  private async check(step: Step): Promise<{ passed: boolean; checkError: string | null }> {
    try {
      const value = await this.session.interpreter.evaluate(step.check.source, this.helpers);
      return { passed: isTruthy(value), checkError: null };
    } catch (error) {
      const line = error instanceof PyException ? exceptionLine(error.exc) : String(error);
      return { passed: false, checkError: `${this.lesson.file}:${step.check.line}: the check raised ${line}` };
    }
  }

  private scope(): CheckScope {
    const host = this.stage.peers;
    return {
      session: this.session,
      peers: {
        received: (name) => host?.received(name) ?? new Uint8Array(),
        state: (name) => host?.state(name) ?? null,
        connections: (name) => host?.connections(name) ?? null,
      },
      peerNames: this.lesson.peers.map((p) => p.name),
      last: this.last,
    };
  }

  private async saveProgress(step: Step | null): Promise<void> {
    if (!this.progress) return;
    const position = step === null ? null : { id: step.id, index: this.index };
    const warning = await this.progress.update((p) => setPosition(p, this.lesson.id, position));
    if (warning) this.emit({ type: 'note', text: warning });
  }

  private emit(event: LessonRunEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's fault must not stop the lesson.
      }
    }
  }
}

/** Resolves when the peers have nothing ready to do and none is pausing in a `wait`, or after `ms`. */
async function quiet(host: PeerHost, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    await host.settle(Math.max(0, deadline - Date.now()));
    if (!host.pausing || Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
