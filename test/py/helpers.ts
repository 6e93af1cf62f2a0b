// Shared helpers for the language tests: a fresh interpreter and a way to run lines on it.
import { Interpreter, type LineResult, type RunOptions } from '../../src/py/interpreter';
import { createModuleRegistry } from '../../src/py/modules/default-registry';
import type { ModuleRegistry } from '../../src/py/modules/registry';
import { PyException } from '../../src/py/exceptions/classes';

export function newInterpreter(modules: ModuleRegistry = createModuleRegistry()): Interpreter {
  return new Interpreter({ modules });
}

/** Runs the lines in order and returns the last result. */
export async function runAll(interpreter: Interpreter, lines: readonly string[], opts: RunOptions = {}): Promise<LineResult> {
  let result: LineResult = { output: '', error: null, value: null };
  for (const line of lines) result = await interpreter.runLine(line, opts);
  return result;
}

/** What the console prints for the lines (each line's output, concatenated). */
export async function outputOf(lines: readonly string[], interpreter = newInterpreter()): Promise<string> {
  let out = '';
  for (const line of lines) out += (await interpreter.runLine(line)).output;
  return out;
}

/** The Python exception `fn` raises, as the console's last traceback line ('TypeError: ...'). */
export function pyErrorText(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof PyException) return error.message;
    throw error;
  }
  throw new Error('no error');
}
