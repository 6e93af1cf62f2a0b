// The trailers of a primary that need their own parsing: call arguments (positional, keyword,
// *iterable, **mapping, a lone generator expression) and subscripts (indexes and slices), with
// CPython's messages for misplaced arguments.
import type { Expr, Keyword } from './ast';
import type { Parser } from './parser-core';
import { checkMissingComma, parseExpression, parseNamedExpression, parseStarred, span } from './parse-expr';
import { parseComprehensionClauses } from './parse-comprehension';

function parseSliceOrExpression(p: Parser): Expr {
  const start = p.peek().start;
  let lower: Expr | null = null;
  if (!p.at(':')) {
    lower = p.at('*') ? parseStarred(p) : parseNamedExpression(p);
    if (!p.at(':')) {
      checkMissingComma(p, lower);
      return lower;
    }
  }
  p.expect(':');
  let upper: Expr | null = null;
  let step: Expr | null = null;
  if (!p.at(':') && !p.at(']') && !p.at(',')) upper = parseExpression(p);
  if (p.accept(':')) {
    if (!p.at(']') && !p.at(',')) step = parseExpression(p);
  }
  const slice: Expr = { kind: 'Slice', lower, upper, step, start, end: p.lastEnd() };
  checkMissingComma(p, step ?? upper ?? slice);
  return slice;
}

export function parseSlices(p: Parser): Expr {
  const first = parseSliceOrExpression(p);
  if (!p.at(',')) return first;
  const elts = [first];
  while (p.accept(',')) {
    if (p.at(']')) break;
    elts.push(parseSliceOrExpression(p));
  }
  const last = elts[elts.length - 1] as Expr;
  return { kind: 'Tuple', elts, parenthesized: false, start: first.start, end: last.end };
}


export function parseCall(p: Parser, func: Expr): Expr {
  p.expect('(');
  p.bracketDepth++;
  const args: Expr[] = [];
  const keywords: Keyword[] = [];
  let sawKeyword = false;
  let sawDoubleStar = false;
  const seen = new Set<string>();
  while (!p.at(')')) {
    const startToken = p.peek();
    if (p.at('*')) {
      if (sawDoubleStar) p.error('iterable argument unpacking follows keyword argument unpacking', span(startToken.start, startToken.end));
      args.push(parseStarred(p));
    } else if (p.at('**')) {
      p.next();
      const value = parseExpression(p);
      keywords.push({ name: null, value });
      sawDoubleStar = true;
      checkMissingComma(p, value);
    } else if ((p.atName() || ['True', 'False', 'None'].includes(p.peek().text)) && p.at('=', 1)) {
      const nameToken = p.next();
      const eq = p.next();
      if (['True', 'False', 'None'].includes(nameToken.text)) p.error(`cannot assign to ${nameToken.text}`, span(nameToken.start, eq.end));
      if (p.isKeyword(nameToken)) p.fail();
      const value = parseExpression(p);
      if (seen.has(nameToken.text)) p.error(`keyword argument repeated: ${nameToken.text}`, span(nameToken.start, value.end));
      seen.add(nameToken.text);
      keywords.push({ name: nameToken.text, value });
      sawKeyword = true;
      checkMissingComma(p, value);
    } else {
      const value = parseNamedExpression(p);
      if (p.at('for') || p.at('async')) {
        const generators = parseComprehensionClauses(p);
        const end = p.lastEnd();
        const genexp: Expr = { kind: 'GeneratorExp', elt: value, generators, start: value.start, end };
        const alone = args.length === 0 && keywords.length === 0 && p.at(')');
        if (!alone) p.error('Generator expression must be parenthesized', span(value.start, end));
        args.push(genexp);
        continue;
      }
      if (p.at('=')) {
        const eq = p.peek();
        p.error('expression cannot contain assignment, perhaps you meant "=="?', span(value.start, eq.end));
      }
      // CPython points at the token after the argument.
      const after = p.peek();
      if (sawDoubleStar) p.error('positional argument follows keyword argument unpacking', after);
      if (sawKeyword) p.error('positional argument follows keyword argument', after);
      checkMissingComma(p, value);
      args.push(value);
    }
    if (!p.accept(',')) break;
    if (args.some((a) => a.kind === 'GeneratorExp')) {
      const g = args.find((a) => a.kind === 'GeneratorExp') as Expr;
      p.error('Generator expression must be parenthesized', g);
    }
  }
  p.bracketDepth--;
  const close = p.expect(')');
  return { kind: 'Call', func, args, keywords, start: func.start, end: close.end };
}

