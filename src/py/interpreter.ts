// The interpreter the session drives: runLine runs one line of input the way CPython 3.11's
// interactive console does and returns exactly what the console would print.
import type { PyObject } from './objects/object';
import type { RuntimeEvent } from './events';
import { PyModule } from './objects/module';
import { PyDict } from './objects/dict';
import { None } from './objects/none';
import { newStr } from './objects/str';
import {
  PyException,
  RecursionError,
  SyntaxError as SyntaxErrorType,
  SystemError,
  SystemExit,
} from './exceptions/classes';
import { pyError } from './exceptions/raise';
import { osError } from './exceptions/oserror';
import { parseLine } from './syntax/parse-line';
import { PySyntaxError } from './syntax/tokens';
import { Frame } from './eval/frame';
import { execStatement } from './eval/statements';
import { evalExpr } from './eval/expressions';
import { keyboardInterrupt, withSignal } from './ops/interrupt';
import { ModuleRegistry } from './modules/registry';
import { createBuiltins } from './builtins/index';
import type { FileHost } from './builtins/files';
import { errorLine, errorInfo, type PyErrorInfo } from './error-report';
import { completeLine, type Completion } from './completion';
import { SocklabNote } from './note';
import { errorMessage } from '../sys/error-text';
import './runtime';

export type { PyErrorInfo } from './error-report';

export interface LineResult {
  /** Everything the console printed for the line, the error's last traceback line included. */
  output: string;
  error: PyErrorInfo | null;
  /** exit() or quit() was called. */
  exit?: boolean;
  /**
   * The value the line's last statement computed: an expression's value, an assignment's right-hand
   * side (the whole tuple for `conn, addr = s.accept()`); null for other statements or on error.
   */
  value: PyObject | null;
}

export interface RunOptions {
  signal?: AbortSignal;
  emit?: (event: RuntimeEvent) => void;
  write?: (text: string) => void;
}

const NEVER = new AbortController().signal;

export class Interpreter {
  /** The learner's names (and the console's own dunder names), in creation order. */
  readonly globals: Map<string, PyObject> = new Map();
  readonly builtins: Map<string, PyObject>;
  readonly modules: ModuleRegistry;

  /** Where open() starts relative paths, and the files it opened that are still open. */
  readonly files: FileHost;

  constructor(options: { modules?: ModuleRegistry; cwd?: string } = {}) {
    this.modules = options.modules ?? new ModuleRegistry();
    this.files = { cwd: options.cwd ?? process.cwd(), openFiles: new Set() };
    this.builtins = createBuiltins(() => this.files);
    const builtinsModule = new PyModule('builtins', { doc: 'Built-in functions, exceptions, and other objects.' });
    builtinsModule.dict = this.builtins;
    this.globals.set('__name__', newStr('__main__'));
    this.globals.set('__doc__', None);
    this.globals.set('__package__', None);
    this.globals.set('__spec__', None);
    this.globals.set('__annotations__', new PyDict());
    this.globals.set('__builtins__', builtinsModule);
  }

  private frame(source: string, opts: RunOptions, write: (text: string) => void, extra: ReadonlyMap<string, PyObject> | null = null): Frame {
    return new Frame(this, this.globals, this.builtins, source, opts.signal ?? NEVER, opts.emit ?? (() => {}), write, extra);
  }

  /** Runs one line of input (statements separated by ';'); never throws for anything the line does. */
  async runLine(source: string, opts: RunOptions = {}): Promise<LineResult> {
    let output = '';
    const write = (text: string): void => {
      output += text;
      opts.write?.(text);
    };
    let statements;
    try {
      statements = parseLine(source);
    } catch (error) {
      if (!(error instanceof PySyntaxError)) {
        const line = asPyException(error).message;
        write(`${line}\n`);
        return { output, error: errorInfo(asPyException(error).exc, line), value: null };
      }
      const info: PyErrorInfo =
        error.kind === 'MemoryError' || error.kind === 'RecursionError'
          ? { type: error.kind, message: error.message }
          : { type: error.kind, message: error.message, column: error.column };
      write(`${info.type === 'socklab' ? info.message : info.message === '' ? info.type : `${info.type}: ${info.message}`}\n`);
      return { output, error: info, value: null };
    }
    const signal = opts.signal ?? NEVER;
    const frame = this.frame(source, opts, write);
    for (const statement of statements) {
      frame.lastValue = null;
      try {
        if (signal.aborted) throw keyboardInterrupt();
        await withSignal(signal, () => execStatement(statement, frame));
      } catch (error) {
        if (error instanceof PyException && error.exc.type.isSubtypeOf(SystemExit)) return { output, error: null, exit: true, value: null };
        if (error instanceof SocklabNote) {
          write(`${error.message}\n`);
          return { output, error: { type: 'socklab', message: error.message }, value: null };
        }
        const exc = asPyException(error);
        const line = errorLine(exc.exc, this.globals, this.builtins);
        write(`${line}\n`);
        return { output, error: errorInfo(exc.exc, line), value: null };
      }
    }
    return { output, error: null, value: frame.lastValue };
  }

  /**
   * Evaluates one expression in the globals plus `extra` names (which take precedence) and returns
   * its value; throws a PyException on error (SyntaxError for text that is not one expression).
   */
  async evaluate(expression: string, extra?: ReadonlyMap<string, PyObject>, opts: RunOptions = {}): Promise<PyObject> {
    let statements;
    try {
      statements = parseLine(expression);
    } catch (error) {
      if (error instanceof PySyntaxError) throw pyError(SyntaxErrorType, error.message);
      throw error;
    }
    const only = statements[0];
    if (statements.length !== 1 || only === undefined || only.kind !== 'Expr') {
      throw pyError(SyntaxErrorType, 'expected one expression');
    }
    const frame = this.frame(expression, opts, opts.write ?? (() => {}), extra ?? null);
    try {
      return await withSignal(opts.signal ?? NEVER, () => evalExpr(only.value, frame, null));
    } catch (error) {
      throw asPyException(error);
    }
  }

  /** Closes every file open() opened that the program left open (the end of a session). */
  closeFiles(): void {
    for (const file of [...this.files.openFiles]) {
      try {
        file.close();
      } catch {
        // Closing can only fail for an fd that is already gone.
      }
    }
  }

  /** Completion candidates for the word before the cursor (no side effects). */
  complete(line: string, cursor: number): Completion {
    return completeLine(this, line, cursor);
  }
}

/**
 * Any error as a Python exception: a failed system call that reached here unconverted (an Error with
 * a numeric errno) is the OSError CPython would raise, JS stack exhaustion is RecursionError, and
 * anything else SystemError.
 */
function asPyException(error: unknown): PyException {
  if (error instanceof PyException) return error;
  const errno = (error as { errno?: unknown } | null)?.errno;
  if (error instanceof Error && typeof errno === 'number' && Number.isInteger(errno) && errno > 0) return osError(errno);
  if (error instanceof SocklabNote) return pyError(SyntaxErrorType, error.message);
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return pyError(RecursionError, 'maximum recursion depth exceeded');
  }
  const message = errorMessage(error);
  return pyError(SystemError, `socklab internal error: ${message}`);
}

export { isTruthy } from './ops/basic';
export { repr, str } from './ops/repr';
export { toPy, fromPy, pyTuple } from './convert';
