// The `for ... in ... if ...` clauses of comprehensions and generator expressions
// (for_if_clause: 'for' star_targets 'in' disjunction ('if' disjunction)*).
import type { Comprehension, Expr } from './ast';
import type { Parser } from './parser-core';
import { parseBitwiseOr, parseDisjunction, parseStarred } from './parse-expr';
import { unsupported } from './unsupported';
import { checkTarget } from './targets';

// One target or an unparenthesized tuple of them.
function parseForTarget(p: Parser): Expr {
  const first = p.at('*') ? parseStarred(p) : parseBitwiseOr(p);
  if (!p.at(',')) return first;
  const elts = [first];
  while (p.accept(',')) {
    if (p.at('in')) break;
    elts.push(p.at('*') ? parseStarred(p) : parseBitwiseOr(p));
  }
  return { kind: 'Tuple', elts, parenthesized: false, start: first.start, end: (elts[elts.length - 1] as Expr).end };
}

export function parseComprehensionClauses(p: Parser): Comprehension[] {
  const clauses: Comprehension[] = [];
  while (p.at('for') || p.at('async')) {
    if (p.at('async')) throw unsupported('async', p.column(p.peek().start));
    p.next();
    const target = parseForTarget(p);
    checkTarget(p, target, 'for');
    p.expect('in');
    const iter = parseDisjunction(p);
    const ifs: Expr[] = [];
    while (p.accept('if')) ifs.push(parseDisjunction(p));
    clauses.push({ target, iter, ifs });
  }
  return clauses;
}
