// Waits at the replay's pace. A player awaits one wait (or one hold) at a time; the keys change the
// controls meanwhile: a pause stops the wait's clock, a new speed rescales what is left of it, Right
// ends it at once, and a hold lasts until a key releases it. The clock is handed in, so tests drive
// time themselves.
import { controlsReducer, running, type ControlAction, type Hold, type ReplayControls } from './controls';
import { scaled } from './pace';

export interface Clock {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Waiting {
  /** What is left of the wait, at speed 1. */
  remaining: number;
  /** When its clock last started running (null while paused). */
  since: number | null;
  timer: unknown;
  resolve: () => void;
}

export class Pacer {
  private controls: ReplayControls;
  private waiting: Waiting | null = null;
  private holding: (() => void) | null = null;
  private interrupted = false;
  private readonly listeners = new Set<(controls: ReplayControls) => void>();

  constructor(
    initial: ReplayControls,
    private readonly clock: Clock = systemClock,
  ) {
    this.controls = initial;
  }

  get state(): ReplayControls {
    return this.controls;
  }

  /** Called with the controls after every change. */
  onChange(listener: (controls: ReplayControls) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(action: ControlAction): void {
    const before = this.controls;
    const after = controlsReducer(before, action);
    if (after === before) return;
    this.account(before);
    this.controls = after;
    if (before.hold !== null && after.hold === null) this.release();
    this.schedule();
    for (const listener of this.listeners) listener(after);
  }

  /** Resolves after `ms` of replay time at speed 1 (at once while skipping or interrupted). */
  wait(ms: number): Promise<void> {
    this.finishWait();
    if (this.interrupted || ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.waiting = { remaining: ms, since: null, timer: null, resolve };
      this.schedule();
    });
  }

  /** Shows the hold and resolves when a key releases it (or the replay is interrupted). */
  hold(hold: Hold): Promise<void> {
    if (this.interrupted) return Promise.resolve();
    this.release();
    return new Promise<void>((resolve) => {
      this.holding = resolve;
      this.apply({ type: 'held', hold });
    });
  }

  /** Ends the wait or hold under way, and every later one, until resume() (a rewind, quitting). */
  interrupt(): void {
    this.interrupted = true;
    this.finishWait();
    if (this.controls.hold !== null) this.apply({ type: 'released' });
    this.release();
  }

  resume(): void {
    this.interrupted = false;
  }

  private release(): void {
    const resolve = this.holding;
    this.holding = null;
    resolve?.();
  }

  /** Counts the time the wait ran under the controls it ran with. */
  private account(controls: ReplayControls): void {
    const w = this.waiting;
    if (w === null || w.since === null) return;
    const elapsed = this.clock.now() - w.since;
    w.remaining = Math.max(0, w.remaining - elapsed * controls.speed);
    w.since = null;
    if (w.timer !== null) this.clock.clearTimer(w.timer);
    w.timer = null;
  }

  private schedule(): void {
    const w = this.waiting;
    if (w === null) return;
    if (this.interrupted || this.controls.skipping || w.remaining <= 0) {
      this.finishWait();
      return;
    }
    if (!running(this.controls) || w.timer !== null) return;
    w.since = this.clock.now();
    w.timer = this.clock.setTimer(() => this.finishWait(), scaled(w.remaining, this.controls.speed));
  }

  private finishWait(): void {
    const w = this.waiting;
    if (w === null) return;
    this.waiting = null;
    if (w.timer !== null) this.clock.clearTimer(w.timer);
    w.resolve();
  }
}
