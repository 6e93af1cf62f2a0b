// One AbortSignal per statement: Ctrl+C aborts the running statement's signal (KeyboardInterrupt),
// and the next statement gets a fresh one.
export class Interrupts {
  private controller = new AbortController();

  next(): AbortSignal {
    if (this.controller.signal.aborted) this.controller = new AbortController();
    return this.controller.signal;
  }

  /** Interrupts the running statement; true when there was one to interrupt. */
  interrupt(): boolean {
    if (this.controller.signal.aborted) return false;
    this.controller.abort();
    return true;
  }
}
