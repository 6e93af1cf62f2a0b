// Waiting without ever blocking the event loop or throwing: on the reactor for an fd, on a timer for
// a pause. Every outcome is a value the caller logs.
import { pollNow, type Reactor } from '../../sys';

export type WaitOutcome = { ok: true; revents: number } | { ok: false; why: 'timeout' | 'aborted' };

/**
 * Waits for `events` on `fd`. `timeoutMs` null waits until something happens or the signal aborts
 * (a server waiting for its next client). A closed reactor or an aborted signal gives 'aborted'.
 */
export async function waitFd(
  reactor: Reactor,
  fd: number,
  events: number,
  timeoutMs: number | null,
  signal: AbortSignal,
): Promise<WaitOutcome> {
  if (signal.aborted || reactor.isClosed) return { ok: false, why: 'aborted' };
  const wait = { fd, events };
  let waits = activeWaits.get(reactor);
  if (waits === undefined) activeWaits.set(reactor, (waits = new Set()));
  waits.add(wait);
  try {
    const result = await reactor.wait(fd, events, { timeoutMs, signal });
    return result === 'timeout' ? { ok: false, why: 'timeout' } : { ok: true, revents: result };
  } catch {
    return { ok: false, why: 'aborted' };
  } finally {
    waits.delete(wait);
  }
}

/** The fd waits of peers in flight, per reactor. */
const activeWaits = new WeakMap<Reactor, Set<{ fd: number; events: number }>>();

/**
 * True while some peer waits for an fd that is ready now: it is about to act (read a request, send a
 * reply). The session waits for this to turn false before it reads the kernel's view, so a snapshot
 * shows the other side's answer instead of the instant before it.
 */
export function peersHaveWork(reactor: Reactor): boolean {
  const waits = activeWaits.get(reactor);
  if (waits === undefined || waits.size === 0) return false;
  const interests = new Map<number, number>();
  for (const w of waits) interests.set(w.fd, (interests.get(w.fd) ?? 0) | w.events);
  try {
    return pollNow(interests) !== null;
  } catch {
    return false;
  }
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Lets timers and I/O callbacks run between two stretches of work that never had to wait. */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves when `notify()` is called next, or when the signal aborts. */
export class Notifier {
  private waiting: (() => void)[] = [];

  next(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        signal.removeEventListener('abort', done);
        this.waiting = this.waiting.filter((w) => w !== done);
        resolve();
      };
      this.waiting.push(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  notify(): void {
    for (const done of this.waiting.splice(0)) done();
  }
}
