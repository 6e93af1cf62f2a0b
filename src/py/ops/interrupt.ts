// Long-running pure loops (sum(range(10**12))) must stay interruptible: they pause every so often to
// let the event loop run, and raise KeyboardInterrupt once the running statement's signal aborted.
import { pyError } from '../exceptions/raise';
import { KeyboardInterrupt } from '../exceptions/classes';

let currentSignal: AbortSignal | null = null;

/**
 * Makes `signal` the one long loops watch while `run` runs (the interpreter wraps each statement),
 * then restores the one before, so a nested evaluation does not leave the outer statement unwatched.
 */
export async function withSignal<T>(signal: AbortSignal, run: () => Promise<T>): Promise<T> {
  const previous = currentSignal;
  currentSignal = signal;
  try {
    return await run();
  } finally {
    currentSignal = previous;
  }
}

export function keyboardInterrupt() {
  return pyError(KeyboardInterrupt);
}

export function checkInterrupt(): void {
  if (currentSignal?.aborted) throw keyboardInterrupt();
}

/** Steps a pure loop may take before it pauses. */
export const STEPS_BETWEEN_PAUSES = 1 << 18;

export async function pause(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  checkInterrupt();
}
