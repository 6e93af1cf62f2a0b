// f-strings as CPython 3.11 parses them (Parser/string_parser.c): literal text with {{ and }},
// replacement fields {expression[=][!conversion][:format_spec]}, one level of nested fields in the
// spec, and its "f-string: ..." errors. Expressions are parsed by the ordinary parser.
import type { Expr, FStringPart } from './ast';
import { PySyntaxError } from './tokens';
import { columnAt, tokenize } from './tokenizer';
import { Parser, ParseFailure } from './parser-core';
import { checkMissingComma, parseExpression } from './parse-expr';
import { decodeEscapes } from './string-literal';

interface FStringContext {
  /** The whole line; the body is a slice of it. */
  source: string;
  raw: boolean;
  /** Where errors point (CPython reports f-string errors at the end of the literal). */
  errorColumn: number;
}

function fail(ctx: FStringContext, message: string): never {
  throw new PySyntaxError(message, ctx.errorColumn);
}

// Parses the expression text at [start, end) of the line, as CPython compiles `(expression)`.
function compileExpression(ctx: FStringContext, start: number, end: number): Expr {
  const text = ctx.source.slice(start, end);
  if (text.trim() === '') {
    const stop = ctx.source[end];
    if (stop === '=' || stop === '!' || stop === ':') fail(ctx, `f-string: expression required before '${stop}'`);
    fail(ctx, 'f-string: empty expression not allowed');
  }
  // Keep the offsets of the line: blank out everything before the expression.
  const padded = `${' '.repeat(Math.max(0, start - 1))}(${text})`;
  const { tokens, error } = tokenize(padded, true);
  if (error) throw new PySyntaxError(`f-string: ${error.message}`, error.column, error.kind);
  const p = new Parser(padded, tokens);
  try {
    p.expect('(');
    p.bracketDepth++;
    const e = parseExpression(p);
    checkMissingComma(p, e);
    p.bracketDepth--;
    p.expect(')');
    if (p.peek().kind !== 'newline') p.fail();
    return e;
  } catch (error) {
    if (error instanceof ParseFailure) {
      const at = tokens[p.furthest];
      throw new PySyntaxError('f-string: invalid syntax', columnAt(ctx.source, at?.start ?? start));
    }
    if (error instanceof PySyntaxError && error.kind === 'SyntaxError') {
      throw new PySyntaxError(`f-string: ${error.message}`, error.column, error.kind, error.endColumn);
    }
    throw error;
  }
}

// Finds where the expression of a field ends (fstring_find_expr): at a top-level ! : } or =.
function findExpressionEnd(ctx: FStringContext, s: string, start: number, end: number): number {
  const stack: string[] = [];
  let quote: string | null = null;
  let i = start;
  for (; i < end; i++) {
    const ch = s[i] as string;
    if (ch === '\\') fail(ctx, 'f-string expression part cannot include a backslash');
    if (quote !== null) {
      if (s.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = s.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      i += quote.length - 1;
      continue;
    }
    if (ch === '[' || ch === '{' || ch === '(') {
      stack.push(ch);
      continue;
    }
    if (ch === '#') fail(ctx, "f-string expression part cannot include '#'");
    if (stack.length === 0 && '!:}=<>'.includes(ch)) {
      const next = s[i + 1];
      if (next === '=' && (ch === '!' || ch === '=' || ch === '<' || ch === '>')) {
        i++;
        continue;
      }
      if (ch === '<' || ch === '>') continue;
      break;
    }
    if (ch === ']' || ch === '}' || ch === ')') {
      const open = stack.pop();
      if (open === undefined) fail(ctx, `f-string: unmatched '${ch}'`);
      const expected = open === '(' ? ')' : open === '[' ? ']' : '}';
      if (ch !== expected) fail(ctx, `f-string: closing parenthesis '${ch}' does not match opening parenthesis '${open}'`);
    }
  }
  if (quote !== null) fail(ctx, 'f-string: unterminated string');
  if (stack.length > 0) fail(ctx, `f-string: unmatched '${stack[stack.length - 1]}'`);
  if (i >= end) fail(ctx, "f-string: expecting '}'");
  return i;
}

// Parses literal text and fields from `start` until the end of the body (level 0) or the '}' that
// closes a format spec (level 1); returns the parts and where it stopped.
function parseParts(ctx: FStringContext, s: string, start: number, end: number, level: number): { parts: FStringPart[]; end: number } {
  const parts: FStringPart[] = [];
  let literal = '';
  const flush = () => {
    if (literal !== '') parts.push(ctx.raw ? literal : decodeEscapes(literal, false, ctx.errorColumn));
    literal = '';
  };
  let i = start;
  while (i < end) {
    const ch = s[i] as string;
    if (ch === '{' || ch === '}') {
      if (level === 0 && s[i + 1] === ch) {
        literal += ch;
        i += 2;
        continue;
      }
      if (ch === '}') {
        if (level === 0) fail(ctx, "f-string: single '}' is not allowed");
        break;
      }
      flush();
      if (level >= 2) fail(ctx, 'f-string: expressions nested too deeply');
      const field = parseField(ctx, s, i + 1, end, level);
      parts.push(field.value);
      i = field.end;
      continue;
    }
    literal += ch;
    i++;
  }
  flush();
  return { parts, end: i };
}

function parseField(ctx: FStringContext, s: string, start: number, end: number, level: number) {
  const exprEnd = findExpressionEnd(ctx, s, start, end);
  const value = compileExpression(ctx, start, exprEnd);
  let i = exprEnd;
  let debugText: string | null = null;
  if (s[i] === '=') {
    i++;
    while (i < end && /\s/.test(s[i] as string)) i++;
    if (i >= end) fail(ctx, "f-string: expecting '}'");
    debugText = s.slice(start, i);
  }
  let conversion = '';
  if (s[i] === '!') {
    i++;
    if (i >= end) fail(ctx, "f-string: expecting '}'");
    conversion = s[i] as string;
    i++;
    if (!['s', 'r', 'a'].includes(conversion)) fail(ctx, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
  }
  let spec: FStringPart[] | null = null;
  if (s[i] === ':') {
    i++;
    if (i >= end) fail(ctx, "f-string: expecting '}'");
    const parsed = parseParts(ctx, s, i, end, level + 1);
    spec = parsed.parts;
    i = parsed.end;
  }
  if (i >= end || s[i] !== '}') fail(ctx, "f-string: expecting '}'");
  // f'{x=}' shows repr unless a conversion or a format spec says otherwise.
  if (debugText !== null && conversion === '' && spec === null) conversion = 'r';
  return { value: { value, conversion, spec, debugText }, end: i + 1 };
}

/** The parts of an f-string literal whose body is source[bodyStart, bodyEnd). */
export function parseFString(source: string, bodyStart: number, bodyEnd: number, raw: boolean, errorColumn: number): FStringPart[] {
  const ctx: FStringContext = { source, raw, errorColumn };
  if (ctx.errorColumn === 0) ctx.errorColumn = columnAt(source, bodyEnd);
  return parseParts(ctx, source, bodyStart, bodyEnd, 0).parts;
}
