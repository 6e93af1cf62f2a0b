// The parser's cursor over the tokens of one line: lookahead, expectations, backtracking, and the
// bookkeeping CPython's error messages depend on (the furthest token reached, bracket nesting).
import { KEYWORDS, PySyntaxError, type Token } from './tokens';
import { columnAt } from './tokenizer';
import type { Span } from './ast';

/** The generic failure: reported as 'invalid syntax' at the furthest token the parser reached. */
export class ParseFailure extends Error {
  constructor() {
    super('invalid syntax');
    this.name = 'ParseFailure';
  }
}

// CPython's parser runs out of stack (MemoryError) on very deep nesting such as a long chain of
// unary minus signs; this bounds the recursion well before the JS stack does.
const MAX_DEPTH = 1000;

export class Parser {
  readonly tokens: Token[];
  readonly source: string;
  pos = 0;
  /** Index of the furthest token looked at. */
  furthest = 0;
  /** Whether the parser ever looked at the end of the line (CPython then reports an unclosed bracket). */
  touchedEnd = false;
  /** Brackets currently open around the parse position. */
  bracketDepth = 0;
  private depth = 0;

  constructor(source: string, tokens: Token[]) {
    this.source = source;
    this.tokens = tokens;
  }

  peek(ahead = 0): Token {
    const index = Math.min(this.pos + ahead, this.tokens.length - 1);
    if (index > this.furthest) this.furthest = index;
    const token = this.tokens[index] as Token;
    if (token.kind === 'newline' || token.kind === 'end') this.touchedEnd = true;
    return token;
  }

  next(): Token {
    const token = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return token;
  }

  /** The current token is this operator or keyword. */
  at(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return (t.kind === 'op' || t.kind === 'name') && t.text === text;
  }

  accept(text: string): Token | null {
    return this.at(text) ? this.next() : null;
  }

  expect(text: string): Token {
    if (!this.at(text)) this.fail();
    return this.next();
  }

  isKeyword(token: Token = this.peek()): boolean {
    return token.kind === 'name' && KEYWORDS.has(token.text);
  }

  /** A plain name (not a keyword). */
  atName(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'name' && !KEYWORDS.has(t.text);
  }

  atEndOfStatement(): boolean {
    const t = this.peek();
    return t.kind === 'newline' || t.kind === 'end' || (t.kind === 'op' && t.text === ';');
  }

  fail(): never {
    throw new ParseFailure();
  }

  column(offset: number): number {
    return columnAt(this.source, offset);
  }

  /** A syntax error with CPython's message over a span of the line. */
  error(message: string, span: Span, kind: PySyntaxError['kind'] = 'SyntaxError'): never {
    throw new PySyntaxError(message, this.column(span.start), kind, this.column(span.end));
  }

  /** Runs a nested rule, failing with MemoryError (as CPython does) when nesting is too deep. */
  nested<T>(rule: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new PySyntaxError('', 1, 'MemoryError');
    try {
      return rule();
    } finally {
      this.depth--;
    }
  }

  /** Runs a rule speculatively: its result, or null with the cursor (and furthest mark) restored. */
  attempt<T>(rule: () => T): T | null {
    const pos = this.pos;
    const furthest = this.furthest;
    const brackets = this.bracketDepth;
    try {
      return rule();
    } catch (error) {
      if (!(error instanceof ParseFailure) && !(error instanceof PySyntaxError && error.kind === 'SyntaxError')) throw error;
      this.pos = pos;
      this.furthest = furthest;
      this.bracketDepth = brackets;
      return null;
    }
  }

  /** End offset of the last token consumed. */
  lastEnd(): number {
    return this.tokens[this.pos - 1]?.end ?? 0;
  }

  /**
   * Runs a rule as a PEG alternative: its result, or null with the cursor restored when it fails.
   * Unlike attempt(), the furthest token it reached still counts for the error position.
   */
  optional<T>(rule: () => T): T | null {
    const pos = this.pos;
    const brackets = this.bracketDepth;
    try {
      return rule();
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      this.pos = pos;
      this.bracketDepth = brackets;
      return null;
    }
  }

  /** The token text of a span. */
  text(span: Span): string {
    return this.source.slice(span.start, span.end);
  }
}
