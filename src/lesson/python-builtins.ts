// The builtins a check may call: exactly the interpreter's own, so a check that validates also runs.

import { createBuiltins } from '../py/builtins/index';

let names: readonly string[] | null = null;

/** The names of the interpreter's builtins namespace, in CPython's order. */
export function pythonBuiltinNames(): readonly string[] {
  names ??= [...createBuiltins().keys()].filter((name) => !name.startsWith('_'));
  return names;
}

export function isPythonBuiltin(name: string): boolean {
  return pythonBuiltinNames().includes(name);
}
