// The lesson validator's view of Python, through the interpreter's own parser: a lesson line parses
// here exactly when it parses for the learner.

import { parseLine, PySyntaxError, type Expr, type Statement } from '../py/parser';
import type { FStringPart } from '../py/syntax/ast';
import { KEYWORDS } from '../py/syntax/tokens';
import type { ParsedPython, PyExpr, PyStatement } from './python-tree';

export const PYTHON_KEYWORDS: ReadonlySet<string> = KEYWORDS;

/** Lesson lines are short; a longer one is refused before parsing. */
export const MAX_PYTHON_LINE = 4000;

function bytesOf(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function fstringChildren(parts: FStringPart[]): Expr[] {
  const out: Expr[] = [];
  for (const part of parts) {
    if (typeof part === 'string') continue;
    out.push(part.value);
    if (part.spec) out.push(...fstringChildren(part.spec));
  }
  return out;
}

/** Builds the validator's tree for one line; every node keeps its own text. */
class Converter {
  constructor(private readonly source: string) {}

  private text(expr: Expr): string {
    return this.source.slice(expr.start, expr.end);
  }

  private other(expr: Expr, what: string, children: (Expr | null | undefined)[], binds?: string[]): PyExpr {
    const kids = children.filter((c): c is Expr => c != null).map((c) => this.expr(c));
    return { kind: 'other', what, text: this.text(expr), children: kids, ...(binds ? { binds } : {}) };
  }

  /**
   * What an assignment target binds, and the expressions it evaluates: `conn, addr = ...` binds
   * conn and addr; `buf[i] = ...` binds nothing and evaluates buf and i.
   */
  private target(target: Expr, defines: string[], uses: Expr[]): void {
    switch (target.kind) {
      case 'Name':
        defines.push(target.id);
        break;
      case 'Tuple':
      case 'List':
        for (const elt of target.elts) this.target(elt, defines, uses);
        break;
      case 'Starred':
        this.target(target.value, defines, uses);
        break;
      case 'Attribute':
        uses.push(target.value);
        break;
      case 'Subscript':
        uses.push(target.value, target.index);
        break;
      default:
        uses.push(target);
        break;
    }
  }

  private targets(targets: Expr[], values: (Expr | null)[], what: string): PyStatement {
    const defines: string[] = [];
    const uses: Expr[] = [];
    for (const target of targets) this.target(target, defines, uses);
    const exprs = [...uses, ...values.filter((v): v is Expr => v !== null)].map((e) => this.expr(e));
    return { kind: 'other', what, exprs, defines };
  }

  expr(expr: Expr): PyExpr {
    const text = this.text(expr);
    switch (expr.kind) {
      case 'Constant': {
        const c = expr.value;
        if (c.type === 'int') return { kind: 'int', text, value: c.value };
        if (c.type === 'str') return { kind: 'str', text, value: c.value };
        if (c.type === 'bytes') return { kind: 'bytes', text, value: bytesOf(c.value) };
        return this.other(expr, c.type, []);
      }
      case 'Name':
        return { kind: 'name', text, id: expr.id };
      case 'Attribute':
        return { kind: 'attribute', text, object: this.expr(expr.value), attr: expr.attr };
      case 'Call': {
        const spread = expr.args.some((a) => a.kind === 'Starred') || expr.keywords.some((k) => k.name === null);
        return {
          kind: 'call',
          text,
          func: this.expr(expr.func),
          args: expr.args.filter((a) => a.kind !== 'Starred').map((a) => this.expr(a)),
          keywords: expr.keywords.filter((k) => k.name !== null).map((k) => ({ name: k.name!, value: this.expr(k.value) })),
          spread,
        };
      }
      case 'Tuple':
        return { kind: 'tuple', text, items: expr.elts.map((e) => this.expr(e)) };
      case 'FString':
        return this.other(expr, 'f-string', fstringChildren(expr.parts));
      case 'Subscript':
        return this.other(expr, 'subscript', [expr.value, expr.index]);
      case 'Slice':
        return this.other(expr, 'slice', [expr.lower, expr.upper, expr.step]);
      case 'BinOp':
        return this.other(expr, 'operator', [expr.left, expr.right]);
      case 'UnaryOp':
        return this.other(expr, 'operator', [expr.operand]);
      case 'BoolOp':
        return this.other(expr, 'operator', expr.values);
      case 'Compare':
        return this.other(expr, 'comparison', [expr.left, ...expr.comparators]);
      case 'IfExp':
        return this.other(expr, 'conditional expression', [expr.test, expr.body, expr.orelse]);
      case 'List':
      case 'Set':
        return this.other(expr, expr.kind === 'List' ? 'list' : 'set', expr.elts);
      case 'Dict':
        return this.other(expr, 'dict', [...expr.keys, ...expr.values]);
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp': {
        const binds: string[] = [];
        const uses: Expr[] = expr.kind === 'DictComp' ? [expr.key, expr.value] : [expr.elt];
        for (const g of expr.generators) {
          this.target(g.target, binds, uses);
          uses.push(g.iter, ...g.ifs);
        }
        return this.other(expr, 'comprehension', uses, binds);
      }
      case 'Starred':
        return this.other(expr, 'starred expression', [expr.value]);
    }
  }

  statement(statement: Statement): PyStatement {
    switch (statement.kind) {
      case 'Expr':
        return { kind: 'expression', expr: this.expr(statement.value) };
      case 'Assign':
        return this.targets(statement.targets, [statement.value], 'assignment');
      case 'AugAssign':
        return this.targets([statement.target], [statement.target, statement.value], 'augmented assignment');
      case 'AnnAssign':
        return this.targets([statement.target], [statement.annotation, statement.value], 'annotated assignment');
      case 'Import':
        return { kind: 'other', what: 'import', exprs: [], defines: statement.names.map((a) => a.asname ?? a.name.split('.')[0]!) };
      case 'ImportFrom': {
        const defines = statement.names === '*' ? ['*'] : statement.names.map((a) => a.asname ?? a.name);
        return { kind: 'other', what: 'import', exprs: [], defines };
      }
      case 'Delete':
        return { kind: 'other', what: 'del statement', exprs: statement.targets.map((t) => this.expr(t)), defines: [] };
      case 'Pass':
        return { kind: 'other', what: 'pass statement', exprs: [], defines: [] };
      case 'Assert':
        return { kind: 'other', what: 'assert statement', exprs: [statement.test, statement.msg].filter((e): e is Expr => e !== null).map((e) => this.expr(e)), defines: [] };
    }
  }
}

/** Parses one line with the interpreter's parser. Never throws. */
export function parsePython(source: string): ParsedPython {
  if (source.length > MAX_PYTHON_LINE) {
    return { ok: false, type: 'socklab', message: `this line is longer than ${MAX_PYTHON_LINE} characters`, column: null };
  }
  let statements: Statement[];
  try {
    statements = parseLine(source);
  } catch (err) {
    if (err instanceof PySyntaxError) return { ok: false, type: err.kind, message: err.message, column: err.column };
    if (err instanceof RangeError) return { ok: false, type: 'socklab', message: 'this line is nested too deeply', column: null };
    throw err;
  }
  try {
    const converter = new Converter(source);
    return { ok: true, statements: statements.map((st) => converter.statement(st)) };
  } catch (err) {
    if (err instanceof RangeError) return { ok: false, type: 'socklab', message: 'this line is nested too deeply', column: null };
    throw err;
  }
}

/** A parse failure as a validator message: the parser's own words and column. */
export function describeParseFailure(failure: Extract<ParsedPython, { ok: false }>): string {
  if (failure.type === 'socklab') return `socklab does not run this line: ${failure.message}`;
  if (failure.message === '') return `${failure.type}: the line is too deeply nested to parse`;
  const column = failure.column !== null ? ` (column ${failure.column})` : '';
  return `${failure.type}: ${failure.message}${column}`;
}
