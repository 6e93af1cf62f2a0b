// Simple statements: expressions, assignments (chained, unpacking, augmented, annotated), import,
// from-import, del, pass, assert; compound statements and other keywords get socklab's note.
import type { Alias, BinaryOperator, Expr, Stmt } from './ast';
import { ParseFailure, type Parser } from './parser-core';
import { parseExpression, parseStarExpressions, span } from './parse-expr';
import { unsupported, UNSUPPORTED_STATEMENT_KEYWORDS } from './unsupported';
import { checkAugTarget, checkTarget, exprName, invalidTarget } from './targets';

const AUG_OPERATORS = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '<<=', '>>=', '&=', '|=', '^=', '@=']);

function parseDottedName(p: Parser): string {
  const parts: string[] = [];
  do {
    if (!p.atName()) p.fail();
    parts.push(p.next().text);
  } while (p.accept('.'));
  return parts.join('.');
}

function parseImport(p: Parser, start: number): Stmt {
  p.expect('import');
  const names: Alias[] = [];
  do {
    const name = parseDottedName(p);
    let asname: string | null = null;
    if (p.accept('as')) {
      if (!p.atName()) p.fail();
      asname = p.next().text;
    }
    names.push({ name, asname });
  } while (p.accept(','));
  return { kind: 'Import', names, start, end: p.lastEnd() };
}

function parseImportFrom(p: Parser, start: number): Stmt {
  p.expect('from');
  let level = 0;
  while (p.at('.') || p.at('...')) level += p.next().text.length;
  const module = level > 0 && p.at('import') ? '' : parseDottedName(p);
  p.expect('import');
  if (p.accept('*')) return { kind: 'ImportFrom', module, names: '*', level, start, end: p.lastEnd() };
  const parenthesized = p.accept('(') !== null;
  if (parenthesized) p.bracketDepth++;
  const names: Alias[] = [];
  for (;;) {
    if (!p.atName()) p.fail();
    const name = p.next().text;
    let asname: string | null = null;
    if (p.accept('as')) {
      if (!p.atName()) p.fail();
      asname = p.next().text;
    }
    names.push({ name, asname });
    const comma = p.accept(',');
    if (!comma) break;
    if (parenthesized && p.at(')')) break;
    if (!parenthesized && p.atEndOfStatement()) {
      p.error('trailing comma not allowed without surrounding parentheses', comma);
    }
  }
  if (parenthesized) {
    p.bracketDepth--;
    p.expect(')');
  }
  return { kind: 'ImportFrom', module, names, level, start, end: p.lastEnd() };
}

// An expression at the precedence of `|` or tighter (CPython's bitwise_or).
function isBitwiseOrLevel(e: Expr): boolean {
  switch (e.kind) {
    case 'Starred':
    case 'Compare':
    case 'BoolOp':
    case 'IfExp':
      return false;
    case 'Tuple':
      return e.parenthesized;
    case 'UnaryOp':
      return e.op !== 'not';
    default:
      return true;
  }
}

// `!(list|tuple|genexp|True|None|False) bitwise_or`: what CPython's "Maybe you meant '=='" applies to.
function isPlainOperand(e: Expr): boolean {
  if (e.kind === 'List' || e.kind === 'Tuple' || e.kind === 'GeneratorExp') return false;
  if (e.kind === 'Constant' && (e.value.type === 'bool' || e.value.type === 'None')) return false;
  return isBitwiseOrLevel(e);
}

function checkAssignTargets(p: Parser, exprs: Expr[]): void {
  const first = exprs[0] as Expr;
  const last = first.kind === 'Tuple' && !first.parenthesized ? (first.elts[first.elts.length - 1] as Expr) : first;
  // The hint applies when the right side does not continue with another '=' right after its first operand.
  const nextContinues = exprs.length > 2 && isBitwiseOrLevel(exprs[1] as Expr);
  if (invalidTarget(last, 'assign') && isPlainOperand(last) && !nextContinues) {
    p.error(`cannot assign to ${exprName(last)} here. Maybe you meant '==' instead of '='?`, last);
  }
  for (const target of exprs.slice(0, -1)) checkTarget(p, target, 'assign');
}

function parseExpressionStatement(p: Parser, start: number): Stmt {
  const first = parseStarExpressions(p);
  if (p.at('=')) {
    const exprs = [first];
    while (p.accept('=')) {
      const next = p.optional(() => parseStarExpressions(p));
      // `'a' =` still reports the bad target (invalid_assignment), a good one gets the generic error.
      if (next === null) {
        for (const target of exprs) checkTarget(p, target, 'assign');
        p.fail();
      }
      exprs.push(next);
    }
    checkAssignTargets(p, exprs);
    const value = exprs[exprs.length - 1] as Expr;
    return { kind: 'Assign', targets: exprs.slice(0, -1), value, start, end: value.end };
  }
  const t = p.peek();
  if (t.kind === 'op' && AUG_OPERATORS.has(t.text)) {
    checkAugTarget(p, first);
    p.next();
    const value = parseStarExpressions(p);
    return { kind: 'AugAssign', target: first, op: t.text.slice(0, -1) as BinaryOperator, value, start, end: value.end };
  }
  if (p.at(':')) {
    p.next();
    // The target is judged only once the annotation parses, as CPython's rules do.
    const annotation = parseExpression(p);
    if (first.kind === 'Tuple' && !first.parenthesized) p.error('only single target (not tuple) can be annotated', first);
    if (first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript') {
      const what = first.kind === 'Tuple' || first.kind === 'List' ? `only single target (not ${exprName(first)}) can be annotated` : 'illegal target for annotation';
      p.error(what, first);
    }
    const value = p.accept('=') ? parseStarExpressions(p) : null;
    return { kind: 'AnnAssign', target: first, annotation, value, start, end: p.lastEnd() };
  }
  return { kind: 'Expr', value: first, start, end: first.end };
}

function parseSimpleStatement(p: Parser): Stmt {
  const t = p.peek();
  const start = t.start;
  if (t.kind === 'op' && t.text === '@') throw unsupported('@', p.column(t.start));
  if (t.kind === 'name') {
    if (UNSUPPORTED_STATEMENT_KEYWORDS.has(t.text)) throw unsupported(t.text, p.column(t.start));
    switch (t.text) {
      case 'import':
        return parseImport(p, start);
      case 'from':
        return parseImportFrom(p, start);
      case 'pass':
        p.next();
        return { kind: 'Pass', start, end: t.end };
      case 'del': {
        p.next();
        const target = parseStarExpressions(p);
        checkTarget(p, target, 'del');
        const targets = target.kind === 'Tuple' && !target.parenthesized ? target.elts : [target];
        return { kind: 'Delete', targets, start, end: target.end };
      }
      case 'assert': {
        p.next();
        const test = parseExpression(p);
        const msg = p.accept(',') ? parseExpression(p) : null;
        return { kind: 'Assert', test, msg, start, end: p.lastEnd() };
      }
    }
  }
  return parseExpressionStatement(p, start);
}

// invalid_legacy_expression: `print "hello"` in a statement that failed to parse.
function legacyPrint(p: Parser, statementStart: number): void {
  const first = p.tokens[statementStart];
  if (!first || first.kind !== 'name' || (first.text !== 'print' && first.text !== 'exec')) return;
  const saved = { pos: p.pos, furthest: p.furthest };
  p.pos = statementStart + 1;
  if (!p.at('(')) {
    const rest = p.attempt(() => parseStarExpressions(p));
    if (rest) p.error(`Missing parentheses in call to '${first.text}'. Did you mean ${first.text}(...)?`, span(first.start, rest.end));
  }
  p.pos = saved.pos;
  p.furthest = saved.furthest;
}

/** The statements of a line, separated by ';'. */
export function parseStatements(p: Parser): Stmt[] {
  const statements: Stmt[] = [];
  for (;;) {
    const startIndex = p.pos;
    try {
      statements.push(parseSimpleStatement(p));
      if (!p.atEndOfStatement()) p.fail();
    } catch (error) {
      if (error instanceof ParseFailure) legacyPrint(p, startIndex);
      throw error;
    }
    if (p.accept(';')) {
      if (p.peek().kind === 'newline') break;
      continue;
    }
    break;
  }
  if (p.peek().kind !== 'newline') p.fail();
  return statements;
}
