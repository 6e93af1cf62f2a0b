// Tokens of one input line, and the syntax error every stage of parsing reports.

export type TokenKind = 'name' | 'number' | 'string' | 'op' | 'newline' | 'end' | 'error';

export interface Token {
  kind: TokenKind;
  /** The token's text (for strings: the whole literal with prefix and quotes). */
  text: string;
  /** Offsets into the line, in UTF-16 units. */
  start: number;
  end: number;
}

export const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def',
  'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
  'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/**
 * A syntax problem: CPython's message and where its caret goes. `kind` is the Python exception
 * class ('SyntaxError', 'IndentationError', 'MemoryError', 'RecursionError'), or 'socklab' for a construct socklab
 * does not run (then the message is socklab's own note).
 */
export class PySyntaxError extends Error {
  readonly kind: 'SyntaxError' | 'IndentationError' | 'MemoryError' | 'RecursionError' | 'socklab';
  /** 1-based column of the caret, in characters, as CPython's SyntaxError.offset. */
  readonly column: number;
  /** 1-based column just past the marked range, or the column itself. */
  readonly endColumn: number;
  constructor(message: string, column: number, kind: PySyntaxError['kind'] = 'SyntaxError', endColumn = column) {
    super(message);
    this.name = 'PySyntaxError';
    this.kind = kind;
    this.column = column;
    this.endColumn = endColumn;
  }
}
