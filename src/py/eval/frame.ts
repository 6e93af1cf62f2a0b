// What an evaluation runs in: the namespaces, the line's source (for call texts), and the
// signal, event and output channels handed to native calls.
import type { PyObject } from '../objects/object';
import type { CallContext, RuntimeEvent } from '../events';
import type { Interpreter } from '../interpreter';
import { nameError } from '../exceptions/raise';

/** The variables of a comprehension (its own scope, as in Python 3). */
export interface LocalScope {
  readonly vars: Map<string, PyObject>;
  readonly parent: LocalScope | null;
}

export class Frame {
  /** The value the last top-level statement computed (an expression's, an assignment's right side). */
  lastValue: PyObject | null = null;

  constructor(
    readonly interpreter: Interpreter,
    readonly globals: Map<string, PyObject>,
    readonly builtins: Map<string, PyObject>,
    /** The text the nodes' spans point into. */
    readonly source: string,
    readonly signal: AbortSignal,
    readonly emit: (event: RuntimeEvent) => void,
    readonly write: (text: string) => void,
    /** Names that shadow the globals (helpers of a lesson check). */
    readonly extra: ReadonlyMap<string, PyObject> | null = null,
  ) {}

  callContext(start: number, end: number): CallContext {
    return {
      signal: this.signal,
      emit: this.emit,
      callText: this.source.slice(start, end),
      write: this.write,
      interpreter: this.interpreter,
    };
  }

  lookup(name: string, scope: LocalScope | null): PyObject {
    for (let s = scope; s !== null; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    const value = this.extra?.get(name) ?? this.globals.get(name) ?? this.builtins.get(name);
    if (value === undefined) throw nameError(name);
    return value;
  }

  /** Binds a name in the innermost scope (a comprehension's, or the globals). */
  bind(name: string, value: PyObject, scope: LocalScope | null): void {
    if (scope !== null) scope.vars.set(name, value);
    else this.globals.set(name, value);
  }

  unbind(name: string, scope: LocalScope | null): void {
    const map = scope !== null ? scope.vars : this.globals;
    if (!map.delete(name)) throw nameError(name);
  }
}
