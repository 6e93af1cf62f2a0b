import { describe, it, expect } from 'vitest';
import { parseLine, PySyntaxError } from '../../src/py/parser';
import type { Expr, Statement } from '../../src/py/syntax/ast';

function parseError(source: string): PySyntaxError {
  try {
    parseLine(source);
  } catch (error) {
    if (error instanceof PySyntaxError) return error;
    throw error;
  }
  throw new Error(`no error for ${source}`);
}

function only(source: string): Statement {
  const statements = parseLine(source);
  expect(statements).toHaveLength(1);
  return statements[0] as Statement;
}

// A compact rendering of an expression tree: enough to check structure and precedence.
function shape(e: Expr): string {
  switch (e.kind) {
    case 'Constant':
      return e.value.type === 'int' || e.value.type === 'float' || e.value.type === 'bool' ? String(e.value.value) : e.value.type === 'str' ? JSON.stringify(e.value.value) : e.value.type;
    case 'Name':
      return e.id;
    case 'BinOp':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'UnaryOp':
      return `(${e.op} ${shape(e.operand)})`;
    case 'BoolOp':
      return `(${e.values.map(shape).join(` ${e.op} `)})`;
    case 'Compare':
      return `(${shape(e.left)} ${e.ops.map((op, i) => `${op} ${shape(e.comparators[i] as Expr)}`).join(' ')})`;
    case 'IfExp':
      return `(${shape(e.body)} if ${shape(e.test)} else ${shape(e.orelse)})`;
    case 'Attribute':
      return `${shape(e.value)}.${e.attr}`;
    case 'Call':
      return `${shape(e.func)}(${[...e.args.map(shape), ...e.keywords.map((k) => `${k.name ?? '**'}=${shape(k.value)}`)].join(', ')})`;
    case 'Subscript':
      return `${shape(e.value)}[${shape(e.index)}]`;
    case 'Slice':
      return `${e.lower ? shape(e.lower) : ''}:${e.upper ? shape(e.upper) : ''}${e.step ? `:${shape(e.step)}` : ''}`;
    case 'Tuple':
      return `(${e.elts.map(shape).join(', ')},)`;
    case 'List':
      return `[${e.elts.map(shape).join(', ')}]`;
    case 'Starred':
      return `*${shape(e.value)}`;
    default:
      return e.kind;
  }
}

const expr = (source: string): string => {
  const s = only(source);
  if (s.kind !== 'Expr') throw new Error(s.kind);
  return shape(s.value);
};

describe('parseLine: statements', () => {
  it('gives nothing for a blank line or a comment', () => {
    expect(parseLine('')).toEqual([]);
    expect(parseLine('   ')).toEqual([]);
    expect(parseLine('# just a note')).toEqual([]);
  });

  it('splits statements at semicolons, each with its span and source text', () => {
    const statements = parseLine("s = socket.socket(); s.bind(('127.0.0.1', PORT));  s.listen(5);");
    expect(statements.map((s) => [s.kind, s.source])).toEqual([
      ['Assign', 's = socket.socket()'],
      ['Expr', "s.bind(('127.0.0.1', PORT))"],
      ['Expr', 's.listen(5)'],
    ]);
    expect(statements[1]).toMatchObject({ start: 21, end: 48 });
  });

  it('parses chained, unpacking, subscript and attribute assignments', () => {
    const chained = only('a = b = 1');
    expect(chained.kind === 'Assign' && chained.targets.map(shape)).toEqual(['a', 'b']);
    const unpack = only('data, (host, port) = s.recvfrom(1024)');
    expect(unpack.kind === 'Assign' && shape(unpack.targets[0] as Expr)).toBe('(data, (host, port,),)');
    const starred = only('first, *rest = items');
    expect(starred.kind === 'Assign' && shape(starred.targets[0] as Expr)).toBe('(first, *rest,)');
    const sub = only('d[k], obj.attr = 1, 2');
    expect(sub.kind === 'Assign' && shape(sub.targets[0] as Expr)).toBe('(d[k], obj.attr,)');
  });

  it('parses augmented and annotated assignment', () => {
    expect(only('buf += data')).toMatchObject({ kind: 'AugAssign', op: '+' });
    expect(only('n //= 2')).toMatchObject({ kind: 'AugAssign', op: '//' });
    expect(only('port: int = 8080')).toMatchObject({ kind: 'AnnAssign' });
  });

  it('parses the import forms', () => {
    expect(only('import socket')).toMatchObject({ kind: 'Import', names: [{ name: 'socket', asname: null }] });
    expect(only('import socket as so, select')).toMatchObject({ names: [{ name: 'socket', asname: 'so' }, { name: 'select', asname: null }] });
    expect(only('from socket import *')).toMatchObject({ kind: 'ImportFrom', module: 'socket', names: '*' });
    expect(only('from socket import (socket, AF_INET as inet,)')).toMatchObject({
      names: [{ name: 'socket', asname: null }, { name: 'AF_INET', asname: 'inet' }],
    });
  });

  it('parses del, pass and assert', () => {
    expect(only('del a, b[0]')).toMatchObject({ kind: 'Delete' });
    expect(only('pass')).toMatchObject({ kind: 'Pass' });
    expect(only("assert x, 'message'")).toMatchObject({ kind: 'Assert' });
  });
});

describe('parseLine: expressions follow Python precedence', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['-2 ** 2', '(- (2 ** 2))'],
    ['2 ** -1', '(2 ** (- 1))'],
    ['2 ** 3 ** 2', '(2 ** (3 ** 2))'],
    ['a or b and not c', '(a or (b and (not c)))'],
    ['not a == b', '(not (a == b))'],
    ['1 < x <= 3', '(1 < x <= 3)'],
    ['a in b not in c is not d', '(a in b not in c is not d)'],
    ['a | b ^ c & d << 1 + 2', '(a | (b ^ (c & (d << (1 + 2)))))'],
    ['x if c else y if d else z', '(x if c else (y if d else z))'],
    ['a.b(c)[1:2:3].d', 'a.b(c)[1:2:3].d'],
    ['f(*args, key=1, **kw)', 'f(*args, key=1, **=kw)'],
    ['x[1:, ::2]', 'x[(1:, ::2,)]'],
  ])('%s', (source, tree) => {
    expect(expr(source)).toBe(tree);
  });

  it('concatenates adjacent strings and parses f-string fields', () => {
    expect(expr("'a' \"b\" r'\\n'")).toBe(JSON.stringify('ab\\n'));
    const s = only("f'{n!r:>{w}} and {x=}'");
    expect(s.kind === 'Expr' && s.value.kind === 'FString' && s.value.parts.length).toBe(3);
  });

  it('parses comprehensions and generator expressions', () => {
    expect(only('[x for x in y if x]')).toMatchObject({ kind: 'Expr', value: { kind: 'ListComp' } });
    expect(only('sum(len(c) for c in chunks)')).toMatchObject({ value: { kind: 'Call', args: [{ kind: 'GeneratorExp' }] } });
    expect(only('{k: v for k, v in d.items()}')).toMatchObject({ value: { kind: 'DictComp' } });
  });

  it('keeps the source span of every call, for call texts', () => {
    const s = only('x = conn.recv(1024) + b"!"');
    const call = s.kind === 'Assign' && s.value.kind === 'BinOp' ? s.value.left : null;
    expect(call && s.source.slice(call.start, call.end)).toBe('conn.recv(1024)');
  });
});

describe('parseLine: CPython 3.11 syntax errors', () => {
  it.each([
    ['x = (1', "'(' was never closed", 5],
    ['f(a b', "'(' was never closed", 2],
    ["x = 'abc", 'unterminated string literal (detected at line 1)', 5],
    ['x = 1 2', 'invalid syntax', 7],
    ['x =', 'invalid syntax', 4],
    ['f(a b)', 'invalid syntax. Perhaps you forgot a comma?', 3],
    ['{1: 2 3: 4', 'invalid syntax. Perhaps you forgot a comma?', 5],
    ['foo() = 1', "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1],
    ['x = f() = 1', 'cannot assign to function call', 5],
    ['(1, 2) = x', 'cannot assign to literal', 2],
    ['None = 1', 'cannot assign to None', 1],
    ['a, b += 1', "'tuple' is an illegal expression for augmented assignment", 1],
    ['del f()', 'cannot delete function call', 5],
    ['print "hello"', "Missing parentheses in call to 'print'. Did you mean print(...)?", 1],
    ['x = 1 if 2', "expected 'else' after 'if' expression", 5],
    ['f(x=1, 2)', 'positional argument follows keyword argument', 9],
    ['f(1=2)', 'expression cannot contain assignment, perhaps you meant "=="?', 3],
    ['f(x for x in y, 1)', 'Generator expression must be parenthesized', 3],
    ['from socket import a,', 'trailing comma not allowed without surrounding parentheses', 21],
    ['*a = 1', 'starred assignment target must be in a list or tuple', 1],
    ['a, *b, *c = 1', 'multiple starred expressions in assignment', 1],
    ["'a' b'b'", 'cannot mix bytes and nonbytes literals', 8],
    ["b'é'", 'bytes can only contain ASCII literal characters', 1],
    ["f'{}'", 'f-string: empty expression not allowed', 5],
    ["f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 8],
    ['x = 1\ny = 2', 'multiple statements found while compiling a single statement', 1],
  ])('%j -> %s', (source, message, column) => {
    const error = parseError(source);
    expect(error.kind).toBe('SyntaxError');
    expect(error.message).toBe(message);
    if (column !== 1 || !source.includes('\n')) expect(error.column).toBe(column);
  });

  it('reports tokenizer errors before parser errors, and an unclosed bracket before a later parse error', () => {
    expect(parseError("x = 1 2 'abc").message).toBe('unterminated string literal (detected at line 1)');
    expect(parseError('x = (1 +* 2').message).toBe('invalid syntax');
  });
});

describe("parseLine: constructs outside the subset get socklab's note", () => {
  it.each([
    ['while True: data = conn.recv(1024)', '`while` loops'],
    ['for s in socks: s.close()', '`for` loops'],
    ['if data: print(data)', '`if` statements'],
    ['def handle(conn): pass', 'Function definitions'],
    ['class Server: pass', 'Class definitions'],
    ['with socket.socket() as s: pass', '`with` blocks'],
    ['try:', '`try` blocks'],
    ['x = lambda: 1', '`lambda` functions'],
    ['return 1', '`return`'],
    ['x = yield', '`yield`'],
    ['global x', '`global` declarations'],
    ['raise ValueError', '`raise`'],
    ['break', '`break`'],
    ['await x', '`await`'],
    ['@decorator', 'Decorators'],
    ['(n := 10)', 'Assignment expressions'],
    ['z = 1j', 'Complex numbers'],
    ["'\\N{EM DASH}'", '\\N{...}'],
  ])('%s', (source, feature) => {
    const error = parseError(source);
    expect(error.kind).toBe('socklab');
    expect(error.message).toContain(feature);
    expect(error.message).toContain('one statement per line, each on a real socket');
  });

  it('gives the note even when the rest of the line would not tokenize', () => {
    expect(parseError("while x == 'abc:").kind).toBe('socklab');
  });
});

describe('parseLine: hostile input', () => {
  it('refuses 10 000 nested parentheses with CPython message', () => {
    expect(parseError('('.repeat(10000) + '1' + ')'.repeat(10000)).message).toBe('too many nested parentheses');
  });

  it('refuses a 100 000-deep unary chain with MemoryError, without exhausting the stack', () => {
    expect(parseError('-'.repeat(100000) + '1').kind).toBe('MemoryError');
    expect(parseError('not '.repeat(50000) + 'x').kind).toBe('MemoryError');
  });

  it('refuses trees deeper than CPython compiles, with its RecursionError', () => {
    const error = parseError('1' + '+1'.repeat(5000));
    expect(error.kind).toBe('RecursionError');
    expect(error.message).toBe('maximum recursion depth exceeded during compilation');
    expect(parseLine('1' + '+1'.repeat(2900))).toHaveLength(1);
  });

  it('parses a 1 MB line', () => {
    const statements = parseLine(`x = '${'a'.repeat(1024 * 1024)}'`);
    expect(statements).toHaveLength(1);
  });
});
