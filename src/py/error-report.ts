// The console's last traceback line for an exception, with 3.11's "Did you mean" suggestions, and
// the same as structured data for the screen.
import type { PyObject } from './objects/object';
import { PyStr } from './objects/str';
import { None } from './objects/none';
import { AttributeError, NameError, exceptionLine, exceptionTypeName, type PyExceptionObject } from './exceptions/classes';
import { dirOf } from './ops/attr';
import { closestName, suggestName } from './suggestions';

export interface PyErrorInfo {
  /** The exception's class as CPython prints it: 'OSError', 'socket.gaierror', 'KeyboardInterrupt'; or 'socklab'. */
  type: string;
  /** The text after the colon (may be empty). */
  message: string;
  /** For SyntaxError: 1-based column of the caret in the line. */
  column?: number;
}

function suggestion(exc: PyExceptionObject, globals: ReadonlyMap<string, PyObject>, builtins: ReadonlyMap<string, PyObject>): string | null {
  const name = exc.slots.get('name');
  if (!(name instanceof PyStr)) return null;
  if (exc.type.isSubtypeOf(NameError)) return suggestName(name.value, [...globals.keys()], [...builtins.keys()]);
  if (exc.type.isSubtypeOf(AttributeError)) {
    const obj = exc.slots.get('obj');
    if (obj === undefined || obj === None) return null;
    try {
      return closestName(dirOf(obj), name.value);
    } catch {
      return null;
    }
  }
  return null;
}

/** 'OSError: [Errno 98] Address already in use', "NameError: name 'x' is not defined. Did you mean: 'y'?" */
export function errorLine(exc: PyExceptionObject, globals: ReadonlyMap<string, PyObject>, builtins: ReadonlyMap<string, PyObject>): string {
  const line = exceptionLine(exc);
  const suggested = suggestion(exc, globals, builtins);
  return suggested === null ? line : `${line}. Did you mean: '${suggested}'?`;
}

export function errorInfo(exc: PyExceptionObject, line: string): PyErrorInfo {
  const type = exceptionTypeName(exc);
  const message = line === type ? '' : line.slice(type.length + 2);
  return { type, message };
}
