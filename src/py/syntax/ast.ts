// The syntax tree of the subset. Every node carries its source span (offsets into the line), so
// error messages, call texts (`conn.recv(1024)`) and lessons can point back at the source.

export interface Span {
  start: number;
  end: number;
}

export type Constant =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'str'; value: string }
  /** One char per byte (0..255). */
  | { type: 'bytes'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' };

export interface Comprehension {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export interface Keyword {
  /** null for `**mapping`. */
  name: string | null;
  value: Expr;
}

export interface FormattedValue {
  value: Expr;
  /** '' | 'r' | 's' | 'a' */
  conversion: string;
  /** The format spec: its literal text and nested fields. */
  spec: FStringPart[] | null;
  /** For f'{x=}': the text before the value ('x='). */
  debugText: string | null;
}

export type FStringPart = string | FormattedValue;

export type BinaryOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^' | '@';
export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not';

export type Expr = Span &
  (
    | { kind: 'Constant'; value: Constant }
    | { kind: 'FString'; parts: FStringPart[] }
    | { kind: 'Name'; id: string }
    | { kind: 'Attribute'; value: Expr; attr: string }
    | { kind: 'Subscript'; value: Expr; index: Expr }
    | { kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null }
    | { kind: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[] }
    | { kind: 'BinOp'; op: BinaryOperator; left: Expr; right: Expr }
    | { kind: 'UnaryOp'; op: '-' | '+' | '~' | 'not'; operand: Expr }
    | { kind: 'BoolOp'; op: 'and' | 'or'; values: Expr[] }
    | { kind: 'Compare'; left: Expr; ops: CompareOperator[]; comparators: Expr[] }
    | { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr }
    | { kind: 'Tuple'; elts: Expr[]; parenthesized: boolean }
    | { kind: 'List'; elts: Expr[] }
    | { kind: 'Set'; elts: Expr[] }
    | { kind: 'Dict'; keys: (Expr | null)[]; values: Expr[] }
    | { kind: 'ListComp' | 'SetComp' | 'GeneratorExp'; elt: Expr; generators: Comprehension[] }
    | { kind: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[] }
    | { kind: 'Starred'; value: Expr }
  );

export interface Alias {
  name: string;
  asname: string | null;
}

export type Stmt = Span &
  (
    | { kind: 'Expr'; value: Expr }
    | { kind: 'Assign'; targets: Expr[]; value: Expr }
    | { kind: 'AugAssign'; target: Expr; op: BinaryOperator; value: Expr }
    | { kind: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null }
    | { kind: 'Import'; names: Alias[] }
    | { kind: 'ImportFrom'; module: string; names: Alias[] | '*'; level: number }
    | { kind: 'Delete'; targets: Expr[] }
    | { kind: 'Pass' }
    | { kind: 'Assert'; test: Expr; msg: Expr | null }
  );

/** A parsed statement with its own source text. */
export type Statement = Stmt & { source: string };

export type ExprKind = Expr['kind'];
export type ExprOf<K extends ExprKind> = Extract<Expr, { kind: K }>;
