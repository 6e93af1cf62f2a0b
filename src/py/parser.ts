// The parser's public face: parseLine(source) -> statements with source spans, or a PySyntaxError
// carrying CPython's message and column (kind 'socklab' for constructs outside socklab's subset).
export { parseLine } from './syntax/parse-line';
export { PySyntaxError } from './syntax/tokens';
export type { Statement, Stmt, Expr, Span } from './syntax/ast';
