// The little the lesson validator needs to know of a parsed Python line: calls, names, literals and
// tuples, and every other expression only as the sub-expressions it contains. python-syntax.ts
// builds this from the interpreter's parser.

export type PyExpr = {
  /** The expression's own source text, as written in the line. */
  text: string;
} & (
  | { kind: 'name'; id: string }
  | { kind: 'int'; value: bigint }
  | { kind: 'str'; value: string }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'tuple'; items: PyExpr[] }
  | { kind: 'attribute'; object: PyExpr; attr: string }
  | {
      kind: 'call';
      func: PyExpr;
      args: PyExpr[];
      keywords: { name: string; value: PyExpr }[];
      /** The call spreads arguments with * or **. */
      spread: boolean;
    }
  /**
   * Any other expression (an operator, a subscript, a literal of another type ...). `binds`: the
   * names a comprehension binds for its own use.
   */
  | { kind: 'other'; what: string; children: PyExpr[]; binds?: string[] }
);

export type PyStatement =
  | { kind: 'expression'; expr: PyExpr }
  /**
   * Assignments, imports, del ...: `what` names it ('assignment'); `exprs` are the expressions it
   * evaluates (not the names it assigns); `defines` the names it binds ('*' for `from m import *`).
   */
  | { kind: 'other'; what: string; exprs: PyExpr[]; defines: string[] };

export type ParsedPython =
  | { ok: true; statements: PyStatement[] }
  | {
      ok: false;
      /** 'SyntaxError', or 'socklab' for a construct outside the Python subset socklab runs. */
      type: string;
      message: string;
      /** 1-based column of the problem, when known. */
      column: number | null;
    };

/** Every expression in `expr`, itself included, depth first. */
export function* walkExpr(expr: PyExpr): Generator<PyExpr> {
  const stack: PyExpr[] = [expr];
  while (stack.length > 0) {
    const e = stack.pop()!;
    yield e;
    switch (e.kind) {
      case 'tuple':
        stack.push(...[...e.items].reverse());
        break;
      case 'attribute':
        stack.push(e.object);
        break;
      case 'call':
        stack.push(...[...e.keywords.map((k) => k.value)].reverse(), ...[...e.args].reverse(), e.func);
        break;
      case 'other':
        stack.push(...[...e.children].reverse());
        break;
      default:
        break;
    }
  }
}

export function* walkStatement(statement: PyStatement): Generator<PyExpr> {
  const roots = statement.kind === 'expression' ? [statement.expr] : statement.exprs;
  for (const root of roots) yield* walkExpr(root);
}
