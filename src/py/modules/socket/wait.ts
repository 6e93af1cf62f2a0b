// Python's blocking socket calls on fds that never block in the kernel. A call is tried at once (the
// common case costs no promise); when the kernel says "not yet" (EAGAIN), a socket in blocking mode
// waits on the reactor and tries again, a socket with a timeout waits at most that long, and a
// non-blocking socket raises BlockingIOError as CPython does. Every wait reports `blocked` before and
// `unblocked` after, and Ctrl-C (the call's signal) ends it with KeyboardInterrupt.
import type { Reactor } from '../../../sys';
import type { CallContext } from '../../events';
import { keyboardInterrupt } from '../../ops/interrupt';
import { asPyError, isWouldBlock, timeoutError } from './errors';
import type { BlockedWords } from './describe';
import type { PySocket } from './socket-object';

/** When a wait must end: performance.now() milliseconds, or Infinity. */
export function deadlineFor(timeout: number | null): number {
  return timeout === null ? Infinity : performance.now() + timeout * 1000;
}

export function timeoutMsOf(timeout: number | null): number | null {
  return timeout === null ? null : timeout * 1000;
}

/**
 * Waits until `fd` is ready for `events` or the deadline passes (TimeoutError). Ctrl-C raises
 * KeyboardInterrupt. Resolves with nothing: the caller tries its call again.
 */
export async function waitReady(reactor: Reactor, fd: number, events: number, deadline: number, ctx: CallContext): Promise<void> {
  const remaining = deadline === Infinity ? null : Math.max(0, deadline - performance.now());
  let result: number | 'timeout';
  try {
    result = await reactor.wait(fd, events, { timeoutMs: remaining, signal: ctx.signal });
  } catch (error) {
    if (ctx.signal.aborted) throw keyboardInterrupt();
    throw error;
  }
  if (ctx.signal.aborted) throw keyboardInterrupt();
  if (result === 'timeout') throw timeoutError();
}

/** How long a name resolution may take before the screen is told the call waits for it. */
const QUIET_RESOLUTION_MS = 150;

/**
 * A promise of work on a worker thread (name resolution) that Ctrl-C abandons with KeyboardInterrupt.
 * The wait is reported as blocked only when it lasts, so the usual millisecond lookups do not flash.
 */
export function interruptible<T>(work: Promise<T>, ctx: CallContext, words: () => BlockedWords): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (ctx.signal.aborted) {
      work.catch(() => {});
      reject(keyboardInterrupt());
      return;
    }
    let shown = false;
    let done = false;
    const timer = setTimeout(() => {
      shown = true;
      const w = words();
      ctx.emit({ type: 'blocked', call: w.call, waitingFor: w.waitingFor, hint: w.hint, timeoutMs: null });
    }, QUIET_RESOLUTION_MS);
    const finish = (): boolean => {
      if (done) return false;
      done = true;
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
      if (shown) ctx.emit({ type: 'unblocked' });
      return true;
    };
    const onAbort = (): void => {
      if (finish()) reject(keyboardInterrupt());
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => finish() && resolve(value),
      (error: unknown) => finish() && reject(error),
    );
  });
}

/** Runs `body` between the blocked and unblocked events. */
export async function whileBlocked<T>(ctx: CallContext, words: BlockedWords, timeoutMs: number | null, body: () => Promise<T>): Promise<T> {
  ctx.emit({ type: 'blocked', call: words.call, waitingFor: words.waitingFor, hint: words.hint, timeoutMs });
  try {
    return await body();
  } finally {
    ctx.emit({ type: 'unblocked' });
  }
}

/**
 * `op` now if the kernel can do it; otherwise (EAGAIN) as the socket's mode says: BlockingIOError when
 * non-blocking, else wait for `events` and retry until it succeeds, fails otherwise, or times out.
 */
export function blockingCall<T>(sock: PySocket, op: () => T, events: number, ctx: CallContext, words: () => BlockedWords): T | Promise<T> {
  try {
    return op();
  } catch (error) {
    return retryAfter(error, sock, op, events, ctx, words);
  }
}

/**
 * What follows a first attempt that failed with `error` (hot paths make that attempt themselves, so
 * that a call the kernel does at once allocates nothing for waiting): the error as Python's
 * exception, or, for EAGAIN on a socket that may wait, the wait-and-retry of blockingCall.
 */
export function retryAfter<T>(error: unknown, sock: PySocket, op: () => T, events: number, ctx: CallContext, words: () => BlockedWords): Promise<T> {
  if (!isWouldBlock(error) || sock.timeout === 0) throw asPyError(error);
  const deadline = deadlineFor(sock.timeout);
  return whileBlocked(ctx, words(), timeoutMsOf(sock.timeout), async () => {
    for (;;) {
      await waitReady(sock.env.reactor, sock.liveFd(), events, deadline, ctx);
      try {
        return op();
      } catch (retryError) {
        if (!isWouldBlock(retryError)) throw asPyError(retryError);
        if (performance.now() >= deadline) throw timeoutError();
      }
    }
  });
}
