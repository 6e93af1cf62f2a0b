// Waiting for socket readiness without blocking Node's event loop.
//
// One `poll.async` is in flight at a time, over every fd anyone waits on plus an eventfd. Each blocked
// `.async` call holds a libuv pool thread, so there is never more than one; when the set of interests
// changes (a new waiter, an earlier deadline, an abort, a close) the eventfd is written, the poll
// returns, and it is issued again with the new set. When nobody waits, no poll is in flight: no pool
// thread is held and the process can exit.
import { koffi } from './libc';
import { ERRNO, SysError } from './errno';
import { close as closeFd, onFdClosed } from './calls';
import { eventfdCreate, eventfdDrain, eventfdSignal } from './eventfd';
import { SYS } from './platform';
import {
  MAX_TIMEOUT_MS,
  POLLFD_SIZE,
  deadlineOf,
  matching,
  mergeInterests,
  pollC,
  pollNow,
  type Interest,
} from './poll-set';

export type { Interest } from './poll-set';

export interface WaitOptions {
  /** null or absent: wait without a time limit. 0: only look, never wait. */
  timeoutMs?: number | null;
  /** Aborting rejects the wait with the signal's reason. */
  signal?: AbortSignal;
}

type WaitResult = Map<number, number> | 'timeout';

interface Waiter {
  events: Map<number, number>;
  deadline: number;
  resolve: (result: WaitResult) => void;
  reject: (reason: unknown) => void;
  detach: () => void;
}

export class Reactor {
  private readonly waiters = new Set<Waiter>();
  private readonly wakeFd: number;
  private readonly unsubscribe: () => void;
  private memory: unknown = null;
  private view: DataView | null = null;
  private capacity = 0;
  private inFlight = false;
  private startQueued = false;
  private wakePending = false;
  private polled = new Map<number, number>();
  private polledDeadline = Infinity;
  private closed = false;
  private settleCallbacks: (() => void)[] = [];

  constructor() {
    this.wakeFd = eventfdCreate();
    this.unsubscribe = onFdClosed((fd) => this.fdClosed(fd));
  }

  /** Resolves with the fd's revents (masked to `events` plus POLLERR/POLLHUP/POLLNVAL) or 'timeout'. */
  async wait(fd: number, events: number, opts: WaitOptions = {}): Promise<number | 'timeout'> {
    const result = await this.waitMany([{ fd, events }], opts);
    return result === 'timeout' ? 'timeout' : (result.get(fd) ?? 0);
  }

  /** Resolves with the fds that are ready (fd -> revents), as soon as one is, or 'timeout'. */
  waitMany(interests: readonly Interest[], opts: WaitOptions = {}): Promise<WaitResult> {
    return new Promise<WaitResult>((resolve, reject) => {
      if (this.closed) throw new Error('the reactor is closed');
      const { signal } = opts;
      if (signal?.aborted) throw signal.reason;
      const events = mergeInterests(interests);
      const deadline = deadlineOf(opts.timeoutMs, performance.now());
      // Already ready (or only looking): answer now, without a thread hop.
      const ready = pollNow(events);
      if (ready !== null) return resolve(ready);
      if (deadline <= performance.now()) return resolve('timeout');

      const waiter: Waiter = { events, deadline, resolve, reject, detach: () => {} };
      if (signal) {
        const onAbort = () => this.remove(waiter, signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.detach = () => signal.removeEventListener('abort', onAbort);
      }
      this.waiters.add(waiter);
      this.schedule(waiter);
    });
  }

  /**
   * Resolves once the poll in flight now (if any) has returned, so it no longer holds closed fds: the
   * poll is woken for it (a server waiting for clients would otherwise keep it for good).
   */
  settle(): Promise<void> {
    if (!this.inFlight) return Promise.resolve();
    const settled = new Promise<void>((resolve) => this.settleCallbacks.push(resolve));
    this.wake();
    return settled;
  }

  get pollInFlight(): boolean {
    return this.inFlight;
  }

  get waiting(): number {
    return this.waiters.size;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Rejects every pending wait and releases the eventfd and the poll memory. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    const error = new Error('the reactor is closed');
    for (const waiter of [...this.waiters]) this.finish(waiter, null, error);
    if (this.inFlight) this.wake();
    else this.release();
  }

  private release(): void {
    if (this.memory !== null) koffi.free(this.memory);
    this.memory = null;
    this.view = null;
    closeFd(this.wakeFd);
    const callbacks = this.settleCallbacks.splice(0);
    for (const callback of callbacks) callback();
  }

  private schedule(waiter: Waiter): void {
    if (this.inFlight) {
      if (waiter.deadline < this.polledDeadline || !this.covers(waiter.events)) this.wake();
      return;
    }
    this.queueStart();
  }

  /** Waits registered in the same turn (or by the code a finished wait resumes) share one poll. */
  private queueStart(): void {
    if (this.startQueued) return;
    this.startQueued = true;
    queueMicrotask(() => {
      this.startQueued = false;
      this.start();
    });
  }

  private covers(events: Map<number, number>): boolean {
    for (const [fd, ev] of events) {
      const polled = this.polled.get(fd);
      if (polled === undefined || (polled & ev) !== ev) return false;
    }
    return true;
  }

  private wake(): void {
    if (!this.inFlight || this.wakePending) return;
    this.wakePending = true;
    eventfdSignal(this.wakeFd);
  }

  private ensureCapacity(entries: number): DataView {
    if (this.view === null || entries > this.capacity) {
      if (this.memory !== null) koffi.free(this.memory);
      this.capacity = Math.max(16, entries * 2);
      // Stable memory: the worker thread writes revents into it while JS keeps running.
      this.memory = koffi.alloc('uint8_t', this.capacity * POLLFD_SIZE);
      this.view = new DataView(koffi.view(this.memory, this.capacity * POLLFD_SIZE));
    }
    return this.view;
  }

  private start(): void {
    if (this.inFlight || this.closed || this.waiters.size === 0) return;
    const polled = new Map<number, number>();
    let deadline = Infinity;
    for (const waiter of this.waiters) {
      for (const [fd, ev] of waiter.events) polled.set(fd, (polled.get(fd) ?? 0) | ev);
      if (waiter.deadline < deadline) deadline = waiter.deadline;
    }
    const count = polled.size + 1;
    const view = this.ensureCapacity(count);
    view.setInt32(0, this.wakeFd, true);
    view.setInt16(4, SYS.POLLIN, true);
    view.setInt16(6, 0, true);
    let i = 1;
    for (const [fd, ev] of polled) {
      view.setInt32(i * POLLFD_SIZE, fd, true);
      view.setInt16(i * POLLFD_SIZE + 4, ev, true);
      view.setInt16(i * POLLFD_SIZE + 6, 0, true);
      i++;
    }
    const timeout =
      deadline === Infinity ? -1 : Math.min(MAX_TIMEOUT_MS, Math.max(0, Math.ceil(deadline - performance.now())));
    const snapshot = [...this.waiters];
    this.inFlight = true;
    this.polled = polled;
    this.polledDeadline = deadline;
    pollC.async(this.memory, count, timeout, (err: unknown, rc: number) => {
      // errno belongs to the worker thread that ran poll: read it here, before anything else.
      const errno = rc < 0 ? koffi.errno() : 0;
      try {
        this.pollDone(snapshot, count, err, rc, errno);
      } catch (e) {
        // Never let a failure escape into the event loop: the waiters get it instead.
        this.inFlight = false;
        for (const waiter of [...this.waiters]) this.finish(waiter, null, e);
      }
    });
  }

  private pollDone(snapshot: Waiter[], count: number, err: unknown, rc: number, errno: number): void {
    this.inFlight = false;
    this.polled = new Map();
    this.polledDeadline = Infinity;
    if (this.wakePending) {
      this.wakePending = false;
      eventfdDrain(this.wakeFd);
    }
    if (this.closed) return this.release();

    const failure = err ? err : rc < 0 && errno !== ERRNO.EINTR ? new SysError(errno, 'poll') : null;
    const revents = new Map<number, number>();
    if (failure === null && rc > 0 && this.view !== null) {
      for (let i = 1; i < count; i++) {
        const got = this.view.getUint16(i * POLLFD_SIZE + 6, true);
        if (got !== 0) revents.set(this.view.getInt32(i * POLLFD_SIZE, true), got);
      }
      if (this.view.getUint16(6, true) & SYS.POLLIN) eventfdDrain(this.wakeFd);
    }
    // Only the waiters this poll looked at: a later waiter may watch a reused fd number.
    for (const waiter of snapshot) {
      if (!this.waiters.has(waiter)) continue;
      if (failure !== null) {
        this.finish(waiter, null, failure);
        continue;
      }
      const ready = matching(waiter.events, revents);
      if (ready !== null) this.finish(waiter, ready);
    }
    const now = performance.now();
    for (const waiter of [...this.waiters]) if (waiter.deadline <= now) this.finish(waiter, 'timeout');

    const callbacks = this.settleCallbacks.splice(0);
    for (const callback of callbacks) callback();
    this.queueStart();
  }

  private finish(waiter: Waiter, result: WaitResult | null, error?: unknown): void {
    if (!this.waiters.delete(waiter)) return;
    waiter.detach();
    if (result !== null) waiter.resolve(result);
    else waiter.reject(error);
  }

  /** An aborted wait: rejected now; the poll is woken so it stops watching for nobody. */
  private remove(waiter: Waiter, reason: unknown): void {
    if (!this.waiters.has(waiter)) return;
    this.finish(waiter, null, reason);
    this.wake();
  }

  /**
   * An fd closed through calls.close(): its waiters get POLLNVAL at once (its number may be reused
   * by the very next socket), and a poll still holding it is woken, because a poll in progress keeps
   * the closed socket alive in the kernel until it returns.
   */
  private fdClosed(fd: number): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.events.has(fd)) this.finish(waiter, new Map([[fd, SYS.POLLNVAL]]));
    }
    if (this.polled.has(fd) || this.waiters.size === 0) this.wake();
  }
}

let processReactor: Reactor | null = null;

/** The process-wide reactor, created on first use (and again if someone closed it). */
export function defaultReactor(): Reactor {
  if (processReactor === null || processReactor.isClosed) processReactor = new Reactor();
  return processReactor;
}
