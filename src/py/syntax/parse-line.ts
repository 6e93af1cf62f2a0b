// parseLine: one line of input -> statements with their source spans, or the error CPython's
// console would print, chosen in CPython's order: socklab's note for an unsupported construct,
// then tokenizer errors, then a bracket never closed, then the parser's own message.
import type { Statement } from './ast';
import { KEYWORDS, PySyntaxError, type Token } from './tokens';
import { columnAt, tokenize } from './tokenizer';
import { ParseFailure, Parser } from './parser-core';
import { parseStatements } from './parse-stmt';
import { parseStarExpressions } from './parse-expr';
import { compileChecks } from './compile-checks';

// CPython's compiler gives up at about this nesting (1 + 1 + ... with 3000 terms); deeper trees
// would also exhaust the evaluator's stack.
const MAX_AST_DEPTH = 3000;

/** The deepest nesting of expression nodes, walked without recursion. */
function maxDepth(roots: readonly object[]): number {
  let deepest = 0;
  const stack: [unknown, number][] = roots.map((r) => [r, 0]);
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth]);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const next = 'kind' in value ? depth + 1 : depth;
    if (next > deepest) deepest = next;
    for (const child of Object.values(value)) if (child !== null && typeof child === 'object') stack.push([child, next]);
  }
  return deepest;
}

const VALUE_KEYWORDS = new Set(['None', 'True', 'False']);
const STARTING_KEYWORDS = new Set(['not', 'lambda', 'await', ...VALUE_KEYWORDS]);

function endsExpression(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'number' || token.kind === 'string') return true;
  if (token.kind === 'name') return !KEYWORDS.has(token.text) || VALUE_KEYWORDS.has(token.text);
  return token.kind === 'op' && [')', ']', '}'].includes(token.text);
}

function startsExpression(token: Token | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'number' || token.kind === 'string') return true;
  if (token.kind === 'name') return !KEYWORDS.has(token.text) || STARTING_KEYWORDS.has(token.text);
  return token.kind === 'op' && ['(', '[', '{', '-', '+', '~', '...'].includes(token.text);
}

// CPython's error-recovery rule for an expression followed by another parses the second one;
// whether that runs into the end of the line decides between "invalid syntax" and an unclosed
// bracket.
function readsToEnd(source: string, tokens: Token[], failed: number): boolean {
  // `a not b` fails after the `not` (which could begin `not in`), but the second expression is `not b`.
  const failedAt = tokens[failed - 1]?.text === 'not' && tokens[failed - 1]?.kind === 'name' ? failed - 1 : failed;
  if (!endsExpression(tokens[failedAt - 1]) || !startsExpression(tokens[failedAt])) return false;
  const probe = new Parser(source, tokens);
  probe.pos = failedAt;
  probe.bracketDepth = 1;
  try {
    parseStarExpressions(probe);
  } catch {
    // Only whether it reached the end matters.
  }
  return probe.touchedEnd;
}

function unclosedError(source: string, unclosed: { char: string; offset: number }): PySyntaxError {
  return new PySyntaxError(`'${unclosed.char}' was never closed`, columnAt(source, unclosed.offset));
}

/** Parses one line (statements separated by ';'); throws PySyntaxError. Blank lines give []. */
export function parseLine(source: string): Statement[] {
  const { tokens, error, unclosed } = tokenize(source);
  const firstToken = tokens[0];
  if (!error && firstToken && firstToken.kind === 'newline' && tokens[1]?.kind === 'end') return [];
  const p = new Parser(source, tokens);
  let statements;
  try {
    if (firstToken?.kind === 'newline') p.fail();
    statements = parseStatements(p);
    const after = p.peek(1);
    if (after.kind !== 'end' && !error) {
      throw new PySyntaxError('multiple statements found while compiling a single statement', columnAt(source, after.start));
    }
  } catch (failure) {
    if (failure instanceof PySyntaxError && failure.kind === 'socklab') throw failure;
    if (error) throw error;
    // CPython reports an unclosed bracket as soon as its parser reads the end of the line, and its
    // second pass reads on from where the first failed, looking for a better message.
    if (unclosed && !(failure instanceof PySyntaxError && failure.kind === 'MemoryError')) {
      if (p.touchedEnd || (failure instanceof ParseFailure && readsToEnd(source, tokens, p.furthest))) throw unclosedError(source, unclosed);
    }
    if (failure instanceof ParseFailure) {
      const at = tokens[p.furthest] ?? (tokens[tokens.length - 1] as Token);
      throw new PySyntaxError('invalid syntax', columnAt(source, at.start), 'SyntaxError', columnAt(source, Math.max(at.end, at.start + 1)));
    }
    throw failure;
  }
  if (error) throw error;
  if (unclosed) throw unclosedError(source, unclosed);
  if (maxDepth(statements) > MAX_AST_DEPTH) {
    throw new PySyntaxError('maximum recursion depth exceeded during compilation', 1, 'RecursionError');
  }
  compileChecks(source, statements);
  return statements.map((s) => ({ ...s, source: source.slice(s.start, s.end) }));
}
