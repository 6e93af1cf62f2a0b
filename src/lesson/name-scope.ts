// Which names exist when a line runs: the learner's namespace starts with the lesson names only;
// the setup and the suggested calls, in order, define the rest. A name used before anything defines
// it would raise NameError when the lesson is followed as written.

import { CHECK_HELPERS, definedLessonNames } from './check-helpers';
import type { LessonSettings } from './model';
import { pythonBuiltinNames } from './python-builtins';
import { walkExpr, walkStatement, type PyExpr, type PyStatement } from './python-tree';

export class NameScope {
  private readonly names: Set<string>;
  /** After `from m import *` any name may exist: nothing can be called undefined any more. */
  private starImported = false;

  constructor(settings: LessonSettings) {
    this.names = new Set([...definedLessonNames(settings), ...pythonBuiltinNames()]);
  }

  /** Names the expressions use that nothing has defined yet, each once, in order of use. */
  undefinedIn(exprs: Iterable<PyExpr>, extra: ReadonlySet<string> = new Set()): string[] {
    if (this.starImported) return [];
    const all = [...exprs];
    const bound = new Set(all.flatMap((e) => (e.kind === 'other' ? (e.binds ?? []) : [])));
    const missing: string[] = [];
    for (const expr of all) {
      if (expr.kind !== 'name') continue;
      const name = expr.id;
      // `_` is the console's last value; dunder names are the module's own.
      if (name === '_' || /^__\w+__$/.test(name)) continue;
      if (this.names.has(name) || bound.has(name) || extra.has(name) || missing.includes(name)) continue;
      missing.push(name);
    }
    return missing;
  }

  /** Names a statement uses before it runs, not yet defined. */
  undefinedInStatement(statement: PyStatement): string[] {
    return this.undefinedIn(walkStatement(statement));
  }

  /**
   * Names a check uses that neither the lesson, the helpers nor the calls so far define. A called
   * name is left out: an unknown helper is reported as such.
   */
  undefinedInCheck(expr: PyExpr): string[] {
    const all = [...walkExpr(expr)];
    const called = new Set(all.flatMap((e) => (e.kind === 'call' && e.func.kind === 'name' ? [e.func.id] : [])));
    return this.undefinedIn(all, new Set([...HELPER_NAMES, ...called]));
  }

  /** Every name defined so far (for suggestions). */
  known(): string[] {
    return [...this.names];
  }

  define(statement: PyStatement): void {
    if (statement.kind !== 'other') return;
    for (const name of statement.defines) {
      if (name === '*') this.starImported = true;
      else this.names.add(name);
    }
  }
}

const HELPER_NAMES: ReadonlySet<string> = new Set(CHECK_HELPERS.map((h) => h.name));
