// How the screen ends when it is not asked to: a signal, or the terminal going away. In raw mode
// Ctrl+C is a key, so a SIGINT comes from outside: it ends socklab like SIGTERM and SIGHUP do, after
// closing every socket. The exit status says which signal it was (128 + its number).
import { constants } from 'node:os';

export type EndingSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

const SIGNALS: readonly EndingSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface EndingSignals {
  /** The terminal is gone (a read or write failed with EIO): end as a hangup does. */
  hangUp(): void;
  /** Stops listening. */
  release(): void;
}

/**
 * Calls `cleanUp` once, on the first of these signals (or hangUp), then ends the process. A hangup is
 * re-raised with its default action instead of exiting: exiting would have Node restore the settings
 * of a terminal that is gone, which fails and aborts the process.
 */
export function onEndingSignal(cleanUp: (signal: EndingSignal) => void): EndingSignals {
  let ending = false;
  const end = (signal: EndingSignal) => {
    if (ending) return;
    ending = true;
    try {
      cleanUp(signal);
    } finally {
      release();
      if (signal === 'SIGHUP') hangUpNow();
      else process.exit(128 + (constants.signals[signal] ?? 0));
    }
  };
  const listeners = SIGNALS.map((signal) => {
    const listener = () => end(signal);
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  function release() {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  }
  return { hangUp: () => end('SIGHUP'), release };
}

/**
 * Ends the process by SIGHUP's default action. With no listener left, Node gives the signal back its
 * default disposition and the process ends at once; a listener still there (a library's exit hook)
 * would only queue it, and the process could end first with status 0.
 */
function hangUpNow(): void {
  process.removeAllListeners('SIGHUP');
  process.kill(process.pid, 'SIGHUP');
  // Not reached when the signal does its work; a last resort that still says which signal it was.
  setTimeout(() => process.exit(128 + (constants.signals.SIGHUP ?? 1)), 1000).unref();
}

/** Errors that mean the terminal itself is gone. */
export function isTerminalGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EIO' || code === 'EPIPE' || code === 'ENXIO';
}
