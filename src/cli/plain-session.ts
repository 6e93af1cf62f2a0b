// Plain text mode: statements from an input stream, one line at a time, results as text. For scripts,
// CI and screen readers, and the way the rest of socklab is tested.
import { createInterface } from 'node:readline';
import type { Session } from '../session/session';
import type { StatementResult } from '../session/types';
import { plainEcho, plainOutput, plainStateLines, type PlainOptions } from './plain-format';

export interface PlainRun {
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  session: Session;
  options: PlainOptions;
  /** Called after each statement (a transcript records it). */
  onResult?: (result: StatementResult) => void;
  /**
   * Aborted to interrupt: the running statement raises KeyboardInterrupt and the run goes on with the
   * next line; `stop` ends the run after the current statement.
   */
  interrupts?: { next(): AbortSignal };
  stop?: AbortSignal;
}

/** Lines that are not statements: blank, or a comment. */
export function isSkippedLine(line: string): boolean {
  const text = line.trim();
  return text === '' || text.startsWith('#');
}

/** Runs every line of the input; resolves with the number of statements run. */
export async function runPlain(run: PlainRun): Promise<{ statements: number; exited: boolean }> {
  const lines = createInterface({ input: run.input, crlfDelay: Infinity, terminal: false });
  let statements = 0;
  try {
    for await (const raw of lines) {
      if (run.stop?.aborted) break;
      const line = raw.replace(/\r$/, '');
      if (isSkippedLine(line)) continue;
      run.write(plainEcho(line, run.options.escape));
      let printed = '';
      const hooks = {
        onOutput: (text: string) => {
          printed += text;
          run.write(plainOutput(text, run.options.escape));
        },
        ...(run.interrupts ? { signal: run.interrupts.next() } : {}),
      };
      const result = await run.session.run(line, hooks);
      if (printed !== '' && !printed.endsWith('\n')) run.write('\n');
      if (!run.options.noState) run.write(plainStateLines(result));
      statements++;
      run.onResult?.(result);
      if (result.exit) return { statements, exited: true };
    }
  } finally {
    lines.close();
  }
  return { statements, exited: false };
}
