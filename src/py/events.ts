// What the runtime reports upward while a statement runs, and what every native call is handed.
import type { Interpreter } from './interpreter';

/** Something the screen may want to show while or after a statement runs. */
export type RuntimeEvent =
  /** A call handed bytes back to the program (recv, recvfrom ...). */
  | { type: 'bytes'; label: string; data: Uint8Array; from?: string }
  /** A call is waiting (accept, recv, sleep ...) until something happens or the learner interrupts. */
  | { type: 'blocked'; call: string; waitingFor: string; hint: string; timeoutMs: number | null }
  | { type: 'unblocked' };

/** Handed to every native function: how to wait, report and print while it runs. */
export interface CallContext {
  /** Aborted when the learner interrupts (Ctrl-C): a waiting call then raises KeyboardInterrupt. */
  signal: AbortSignal;
  emit(event: RuntimeEvent): void;
  /** The source text of the call being evaluated, e.g. `conn.recv(1024)`. */
  callText: string;
  /** Print text now (print() and the console's echo go through here). */
  write(text: string): void;
  interpreter: Interpreter;
}
