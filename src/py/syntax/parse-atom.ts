// Atoms: names, numbers, strings, and the bracketed displays (tuples, lists, dicts, sets and their
// comprehensions).
import type { Expr } from './ast';
import type { Parser } from './parser-core';
import { KEYWORDS } from './tokens';
import { checkMissingComma, parseExpression, parseNamedExpression, parseStarred, span } from './parse-expr';
import { parseComprehensionClauses } from './parse-comprehension';
import { parseStrings } from './parse-strings';
import { parseNumber } from './number-value';
import { unsupported } from './unsupported';

const EXPRESSION_KEYWORDS = new Set(['True', 'False', 'None', 'not', 'lambda', 'await', 'yield']);

/** Whether the current token can begin an expression. */
export function canStartExpression(p: Parser): boolean {
  const t = p.peek();
  if (t.kind === 'number' || t.kind === 'string') return true;
  if (t.kind === 'name') return !KEYWORDS.has(t.text) || EXPRESSION_KEYWORDS.has(t.text);
  return t.kind === 'op' && ['(', '[', '{', '-', '+', '~', '...'].includes(t.text);
}

function element(p: Parser): Expr {
  return p.at('*') ? parseStarred(p) : parseNamedExpression(p);
}

function parseParenthesized(p: Parser): Expr {
  const open = p.expect('(');
  p.bracketDepth++;
  if (p.at(')')) {
    p.bracketDepth--;
    const close = p.next();
    return { kind: 'Tuple', elts: [], parenthesized: true, start: open.start, end: close.end };
  }
  if (p.at('yield')) throw unsupported('yield', p.column(p.peek().start));
  const first = element(p);
  if (first.kind !== 'Starred' && (p.at('for') || p.at('async'))) {
    const generators = parseComprehensionClauses(p);
    p.bracketDepth--;
    const close = p.expect(')');
    return { kind: 'GeneratorExp', elt: first, generators, start: open.start, end: close.end };
  }
  checkMissingComma(p, first);
  if (p.at(')')) {
    if (first.kind === 'Starred') p.error('cannot use starred expression here', first);
    p.bracketDepth--;
    p.next();
    return first.kind === 'Tuple' ? { ...first, parenthesized: true } : first;
  }
  const elts = [first];
  while (p.accept(',')) {
    if (p.at(')')) break;
    const e = element(p);
    checkMissingComma(p, e);
    elts.push(e);
  }
  p.bracketDepth--;
  const close = p.expect(')');
  return { kind: 'Tuple', elts, parenthesized: true, start: open.start, end: close.end };
}

function parseList(p: Parser): Expr {
  const open = p.expect('[');
  p.bracketDepth++;
  const elts: Expr[] = [];
  if (!p.at(']')) {
    const first = element(p);
    if (first.kind !== 'Starred' && (p.at('for') || p.at('async'))) {
      const generators = parseComprehensionClauses(p);
      p.bracketDepth--;
      const close = p.expect(']');
      return { kind: 'ListComp', elt: first, generators, start: open.start, end: close.end };
    }
    checkMissingComma(p, first);
    elts.push(first);
    while (p.accept(',')) {
      if (p.at(']')) break;
      const e = element(p);
      checkMissingComma(p, e);
      elts.push(e);
    }
  }
  p.bracketDepth--;
  const close = p.expect(']');
  return { kind: 'List', elts, start: open.start, end: close.end };
}

function parseBraces(p: Parser): Expr {
  const open = p.expect('{');
  p.bracketDepth++;
  const finish = (): number => {
    p.bracketDepth--;
    return p.expect('}').end;
  };
  if (p.at('}')) return { kind: 'Dict', keys: [], values: [], start: open.start, end: finish() };
  // A dict: `key: value` pairs and `**mapping` entries.
  const parseDictRest = (keys: (Expr | null)[], values: Expr[]): Expr => {
    while (p.accept(',')) {
      if (p.at('}')) break;
      if (p.accept('**')) {
        keys.push(null);
        values.push(parseExpression(p));
        continue;
      }
      const key = parseExpression(p);
      if (!p.at(':')) {
        if (p.at(',') || p.at('}')) p.error("':' expected after dictionary key", key);
        checkMissingComma(p, key);
        p.fail();
      }
      p.next();
      if (p.at('*')) p.error('cannot use a starred expression in a dictionary value', parseStarred(p));
      const value = parseExpression(p);
      checkMissingComma(p, value);
      keys.push(key);
      values.push(value);
    }
    return { kind: 'Dict', keys, values, start: open.start, end: finish() };
  };
  if (p.accept('**')) {
    const value = parseExpression(p);
    checkMissingComma(p, value);
    return parseDictRest([null], [value]);
  }
  const first = element(p);
  if (first.kind !== 'Starred' && p.accept(':')) {
    if (p.at('*')) p.error('cannot use a starred expression in a dictionary value', parseStarred(p));
    const value = parseExpression(p);
    if (p.at('for') || p.at('async')) {
      const generators = parseComprehensionClauses(p);
      return { kind: 'DictComp', key: first, value, generators, start: open.start, end: finish() };
    }
    checkMissingComma(p, value);
    return parseDictRest([first], [value]);
  }
  if (first.kind !== 'Starred' && (p.at('for') || p.at('async'))) {
    const generators = parseComprehensionClauses(p);
    return { kind: 'SetComp', elt: first, generators, start: open.start, end: finish() };
  }
  checkMissingComma(p, first);
  const elts = [first];
  while (p.accept(',')) {
    if (p.at('}')) break;
    const e = element(p);
    checkMissingComma(p, e);
    elts.push(e);
  }
  return { kind: 'Set', elts, start: open.start, end: finish() };
}

export function parseAtom(p: Parser): Expr {
  const t = p.peek();
  switch (t.kind) {
    case 'name':
      if (t.text === 'True' || t.text === 'False') {
        p.next();
        return { kind: 'Constant', value: { type: 'bool', value: t.text === 'True' }, ...span(t.start, t.end) };
      }
      if (t.text === 'None') {
        p.next();
        return { kind: 'Constant', value: { type: 'None' }, ...span(t.start, t.end) };
      }
      if (t.text === 'lambda' || t.text === 'await' || t.text === 'yield') throw unsupported(t.text, p.column(t.start));
      if (KEYWORDS.has(t.text)) p.fail();
      p.next();
      return { kind: 'Name', id: t.text, ...span(t.start, t.end) };
    case 'number': {
      p.next();
      const value = parseNumber(t.text);
      if (value === null) throw unsupported('complex', p.column(t.start));
      return { kind: 'Constant', value, ...span(t.start, t.end) };
    }
    case 'string':
      return parseStrings(p);
    case 'op':
      if (t.text === '(') return parseParenthesized(p);
      if (t.text === '[') return parseList(p);
      if (t.text === '{') return parseBraces(p);
      if (t.text === '...') {
        p.next();
        return { kind: 'Constant', value: { type: 'Ellipsis' }, ...span(t.start, t.end) };
      }
      return p.fail();
    default:
      return p.fail();
  }
}
