// Assignment and deletion targets: which expressions may be assigned to, and CPython's messages for
// the ones that may not ("cannot assign to function call", "cannot delete literal" ...).
import type { Expr } from './ast';
import type { Parser } from './parser-core';

/** _PyPegen_get_expr_name: how CPython names a kind of expression in messages. */
export function exprName(e: Expr): string {
  switch (e.kind) {
    case 'Attribute':
      return 'attribute';
    case 'Subscript':
      return 'subscript';
    case 'Starred':
      return 'starred';
    case 'Name':
      return 'name';
    case 'List':
      return 'list';
    case 'Tuple':
      return 'tuple';
    case 'Call':
      return 'function call';
    case 'BoolOp':
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'GeneratorExp':
      return 'generator expression';
    case 'ListComp':
      return 'list comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'FString':
      return 'f-string expression';
    case 'Constant':
      if (e.value.type === 'None') return 'None';
      if (e.value.type === 'bool') return e.value.value ? 'True' : 'False';
      if (e.value.type === 'Ellipsis') return 'ellipsis';
      return 'literal';
    case 'Compare':
      return 'comparison';
    case 'IfExp':
      return 'conditional expression';
    case 'Slice':
      return 'slice';
  }
}

/** _PyPegen_get_invalid_target: the first part of a target that cannot be assigned (or deleted). */
export function invalidTarget(e: Expr, context: 'assign' | 'for' | 'del'): Expr | null {
  switch (e.kind) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      return null;
    case 'Tuple':
    case 'List':
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, context);
        if (bad) return bad;
      }
      return null;
    case 'Starred':
      if (context === 'del') return e;
      return invalidTarget(e.value, context);
    case 'Compare':
      // `for x in y` parses its target greedily in some rules; the comparison's left side is the target.
      if (context === 'for' && e.ops[0] === 'in') return invalidTarget(e.left, context);
      return e;
    default:
      return e;
  }
}

/** Fails with CPython's message when `e` cannot be a target in this context. */
export function checkTarget(p: Parser, e: Expr, context: 'assign' | 'for' | 'del'): void {
  const bad = invalidTarget(e, context);
  if (!bad) return;
  const verb = context === 'del' ? 'delete' : 'assign to';
  p.error(`cannot ${verb} ${exprName(bad)}`, bad);
}

/** A target of augmented assignment (`x += 1`) must be a name, attribute or subscript. */
export function checkAugTarget(p: Parser, e: Expr): void {
  if (e.kind === 'Name' || e.kind === 'Attribute' || e.kind === 'Subscript') return;
  p.error(`'${exprName(e)}' is an illegal expression for augmented assignment`, e);
}
