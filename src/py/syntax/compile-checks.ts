// Errors CPython's compiler (not its parser) raises once a line has parsed: misplaced starred
// expressions in assignments and values.
import type { Expr, Stmt } from './ast';
import { PySyntaxError } from './tokens';
import { columnAt } from './tokenizer';

function fail(source: string, message: string, e: Expr): never {
  throw new PySyntaxError(message, columnAt(source, e.start), 'SyntaxError', columnAt(source, e.end));
}

function checkTargetStars(source: string, target: Expr): void {
  if (target.kind === 'Starred') fail(source, 'starred assignment target must be in a list or tuple', target);
  if (target.kind === 'Tuple' || target.kind === 'List') {
    if (target.elts.filter((e) => e.kind === 'Starred').length > 1) {
      fail(source, 'multiple starred expressions in assignment', target);
    }
    for (const e of target.elts) checkTargetStars(source, e.kind === 'Starred' ? e.value : e);
  }
}

function checkValueStar(source: string, value: Expr): void {
  if (value.kind === 'Starred') fail(source, "can't use starred expression here", value);
}

export function compileChecks(source: string, statements: Stmt[]): void {
  for (const s of statements) {
    switch (s.kind) {
      case 'Assign':
        for (const t of s.targets) checkTargetStars(source, t);
        checkValueStar(source, s.value);
        break;
      case 'AugAssign':
      case 'Expr':
        checkValueStar(source, s.value);
        break;
      default:
        break;
    }
  }
}
