// Expressions, by Python's precedence: conditional, or, and, not, comparisons, | ^ & << >> + - * / //
// % @, unary, **, then primaries (attributes, calls, subscripts) over atoms.
import type { BinaryOperator, CompareOperator, Expr } from './ast';
import { Parser } from './parser-core';
import { PySyntaxError, type Token } from './tokens';
import { parseAtom, canStartExpression } from './parse-atom';
import { parseCall, parseSlices } from './parse-trailers';
import { unsupported } from './unsupported';

export function span(start: number, end: number) {
  return { start, end };
}

/** named_expression: an expression; `:=` is outside the subset. */
export function parseNamedExpression(p: Parser): Expr {
  const e = parseExpression(p);
  if (p.at(':=')) throw unsupported(':=', p.column(p.peek().start));
  return e;
}

/** expression: a conditional expression (or `lambda`, outside the subset). */
export function parseExpression(p: Parser): Expr {
  if (p.at('lambda')) throw unsupported('lambda', p.column(p.peek().start));
  if (p.at('yield')) throw unsupported('yield', p.column(p.peek().start));
  return p.nested(() => {
    const body = parseDisjunction(p);
    if (!p.at('if')) return body;
    p.next();
    const test = parseDisjunction(p);
    if (!p.accept('else')) {
      if (p.at(':')) p.fail();
      p.error("expected 'else' after 'if' expression", span(body.start, test.end));
    }
    const orelse = parseExpression(p);
    return { kind: 'IfExp', test, body, orelse, start: body.start, end: orelse.end };
  });
}

// Each `op operand` repetition is a PEG alternative: when the operand does not parse, the
// expression ends before the operator (`f(1 2 ^ not)` is still "forgot a comma" at `1 2`).
function repeatOperand(p: Parser, operator: () => boolean, operand: (p: Parser) => Expr): Expr | null {
  return p.optional(() => {
    if (!operator()) p.fail();
    return operand(p);
  });
}

function parseBoolOp(p: Parser, op: 'or' | 'and', operand: (p: Parser) => Expr): Expr {
  const first = operand(p);
  const values = [first];
  for (;;) {
    if (!p.at(op)) break;
    const next = repeatOperand(p, () => p.accept(op) !== null, operand);
    if (next === null) break;
    values.push(next);
  }
  if (values.length === 1) return first;
  return { kind: 'BoolOp', op, values, start: first.start, end: (values[values.length - 1] as Expr).end };
}

export function parseDisjunction(p: Parser): Expr {
  return parseBoolOp(p, 'or', parseConjunction);
}

function parseConjunction(p: Parser): Expr {
  return parseBoolOp(p, 'and', parseInversion);
}

// Chains of prefix operators are read in a loop, not by recursion, so a line of 100 000 minus signs
// cannot exhaust the stack; CPython's parser gives up (MemoryError) long before that.
const MAX_PREFIX_CHAIN = 6000;

function checkChain(length: number): void {
  if (length > MAX_PREFIX_CHAIN) throw new PySyntaxError('', 1, 'MemoryError');
}

function parseInversion(p: Parser): Expr {
  const starts: number[] = [];
  while (p.at('not')) {
    starts.push(p.next().start);
    checkChain(starts.length);
  }
  let e = parseComparison(p);
  for (let i = starts.length - 1; i >= 0; i--) e = { kind: 'UnaryOp', op: 'not', operand: e, start: starts[i] as number, end: e.end };
  return e;
}

function compareOperator(p: Parser): CompareOperator | null {
  const t = p.peek();
  if (t.kind === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.text)) {
    p.next();
    return t.text as CompareOperator;
  }
  if (p.at('in')) {
    p.next();
    return 'in';
  }
  if (p.at('not') && p.at('in', 1)) {
    p.next();
    p.next();
    return 'not in';
  }
  if (p.at('is')) {
    p.next();
    if (p.accept('not')) return 'is not';
    return 'is';
  }
  return null;
}

function parseComparison(p: Parser): Expr {
  const left = parseBitwiseOr(p);
  const ops: CompareOperator[] = [];
  const comparators: Expr[] = [];
  for (;;) {
    let op: CompareOperator | null = null;
    const right = repeatOperand(p, () => (op = compareOperator(p)) !== null, parseBitwiseOr);
    if (right === null || op === null) break;
    ops.push(op);
    comparators.push(right);
  }
  if (ops.length === 0) return left;
  return { kind: 'Compare', left, ops, comparators, start: left.start, end: (comparators[comparators.length - 1] as Expr).end };
}

function binaryLevel(p: Parser, operators: readonly string[], operand: (p: Parser) => Expr): Expr {
  let left = operand(p);
  for (;;) {
    const t = p.peek();
    if (t.kind !== 'op' || !operators.includes(t.text)) return left;
    const right = repeatOperand(p, () => p.next() === t, operand);
    if (right === null) return left;
    left = { kind: 'BinOp', op: t.text as BinaryOperator, left, right, start: left.start, end: right.end };
  }
}

export function parseBitwiseOr(p: Parser): Expr {
  return binaryLevel(p, ['|'], parseBitwiseXor);
}

function parseBitwiseXor(p: Parser): Expr {
  return binaryLevel(p, ['^'], parseBitwiseAnd);
}

function parseBitwiseAnd(p: Parser): Expr {
  return binaryLevel(p, ['&'], parseShift);
}

function parseShift(p: Parser): Expr {
  return binaryLevel(p, ['<<', '>>'], parseSum);
}

function parseSum(p: Parser): Expr {
  return binaryLevel(p, ['+', '-'], parseTerm);
}

function parseTerm(p: Parser): Expr {
  return binaryLevel(p, ['*', '/', '//', '%', '@'], parseFactor);
}

function parseFactor(p: Parser): Expr {
  const prefixes: Token[] = [];
  for (;;) {
    const t = p.peek();
    if (t.kind !== 'op' || (t.text !== '-' && t.text !== '+' && t.text !== '~')) break;
    prefixes.push(p.next());
    checkChain(prefixes.length);
  }
  let e = parsePower(p);
  for (let i = prefixes.length - 1; i >= 0; i--) {
    const t = prefixes[i] as Token;
    e = { kind: 'UnaryOp', op: t.text as '-' | '+' | '~', operand: e, start: t.start, end: e.end };
  }
  return e;
}

// `**` is right-associative and binds tighter than a unary minus on its left but looser than one
// on its right (-2 ** -1 == -(2 ** (-1))): operands are collected in a loop, then folded from the right.
function parsePower(p: Parser): Expr {
  if (p.at('await')) throw unsupported('await', p.column(p.peek().start));
  const operands: Expr[] = [parsePrimary(p)];
  const signs: Token[][] = [[]];
  while (p.at('**')) {
    p.next();
    const prefixes: Token[] = [];
    for (;;) {
      const t = p.peek();
      if (t.kind !== 'op' || (t.text !== '-' && t.text !== '+' && t.text !== '~')) break;
      prefixes.push(p.next());
    }
    if (p.at('await')) throw unsupported('await', p.column(p.peek().start));
    operands.push(parsePrimary(p));
    signs.push(prefixes);
    checkChain(operands.length);
  }
  let e = operands[operands.length - 1] as Expr;
  for (let i = operands.length - 1; i >= 1; i--) {
    for (let k = (signs[i] as Token[]).length - 1; k >= 0; k--) {
      const t = (signs[i] as Token[])[k] as Token;
      e = { kind: 'UnaryOp', op: t.text as '-' | '+' | '~', operand: e, start: t.start, end: e.end };
    }
    const left = operands[i - 1] as Expr;
    e = { kind: 'BinOp', op: '**', left, right: e, start: left.start, end: e.end };
  }
  return e;
}

function parsePrimary(p: Parser): Expr {
  let value = parseAtom(p);
  for (;;) {
    if (p.at('.')) {
      p.next();
      const name = p.peek();
      if (!p.atName()) p.fail();
      p.next();
      value = { kind: 'Attribute', value, attr: name.text, start: value.start, end: name.end };
    } else if (p.at('(')) {
      value = parseCall(p, value);
    } else if (p.at('[')) {
      p.next();
      p.bracketDepth++;
      const index = parseSlices(p);
      p.bracketDepth--;
      const close = p.expect(']');
      value = { kind: 'Subscript', value, index, start: value.start, end: close.end };
    } else {
      return value;
    }
  }
}

/** After an element inside brackets: the CPython hint when two expressions stand side by side. */
export function checkMissingComma(p: Parser, element: Expr): void {
  if (p.bracketDepth === 0 || !canStartExpression(p)) return;
  if (element.kind === 'Name' && (element.id === 'print' || element.id === 'exec')) {
    checkLegacyCall(p, element);
    return;
  }
  if (element.kind === 'Name' && p.peek().kind === 'string') return;
  const next = p.attempt(() => parseExpression(p));
  if (next) p.error('invalid syntax. Perhaps you forgot a comma?', span(element.start, next.end));
}

/** invalid_legacy_expression: `print "x"` (a Python 2 statement) wherever an expression is. */
export function checkLegacyCall(p: Parser, name: Extract<Expr, { kind: 'Name' }>): void {
  if (p.at('(')) return;
  const rest = p.attempt(() => parseStarExpressions(p));
  if (rest) p.error(`Missing parentheses in call to '${name.id}'. Did you mean ${name.id}(...)?`, span(name.start, rest.end));
}

export function parseStarred(p: Parser): Expr {
  const star = p.expect('*');
  const value = parseBitwiseOr(p);
  return { kind: 'Starred', value, start: star.start, end: value.end };
}

/** star_expressions: one expression, or an unparenthesized tuple (`a, b` / `*rest, last`). */
export function parseStarExpressions(p: Parser): Expr {
  const first = p.at('*') ? parseStarred(p) : parseExpression(p);
  if (!p.at(',')) return first;
  const elts = [first];
  let end = first.end;
  while (p.at(',')) {
    end = p.next().end;
    if (!canStartExpression(p) && !p.at('*')) break;
    // PEG: an element that does not parse leaves the tuple ending at its trailing comma.
    const e = p.optional(() => (p.at('*') ? parseStarred(p) : parseExpression(p)));
    if (e === null) break;
    elts.push(e);
    end = e.end;
  }
  return { kind: 'Tuple', elts, parenthesized: false, start: first.start, end };
}
