// Signals: Ctrl+C interrupts a running statement; otherwise it, SIGTERM and SIGHUP end socklab after
// closing every socket it opened. An exit code says which signal ended it (128 + its number).
import { constants } from 'node:os';

export interface TerminationHandlers {
  /** Ctrl+C: return true when a running statement took it (socklab goes on). */
  interrupt(): boolean;
  /** Close everything; socklab exits right after. */
  terminate(): void;
}

export function onTermination(handlers: TerminationHandlers): () => void {
  const end = (signal: NodeJS.Signals) => () => {
    if (signal === 'SIGINT' && handlers.interrupt()) return;
    try {
      handlers.terminate();
    } finally {
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
  };
  const listeners = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((s) => [s, end(s)] as const);
  for (const [signal, listener] of listeners) process.on(signal, listener);
  return () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
}
