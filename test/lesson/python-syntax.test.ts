import { describe, expect, it } from 'vitest';
import { describeParseFailure, parsePython } from '../../src/lesson/python-syntax';
import type { PyStatement } from '../../src/lesson/python-tree';

function only(source: string): PyStatement {
  const parsed = parsePython(source);
  if (!parsed.ok) throw new Error(describeParseFailure(parsed));
  expect(parsed.statements).toHaveLength(1);
  return parsed.statements[0]!;
}

describe('parsePython', () => {
  it('gives calls with their arguments, keywords and texts', () => {
    const statement = only("client.sendall('你好'.encode('gbk'), count=2)");
    expect(statement.kind).toBe('expression');
    if (statement.kind !== 'expression' || statement.expr.kind !== 'call') throw new Error('not a call');
    const call = statement.expr;
    expect(call.func).toMatchObject({ kind: 'attribute', attr: 'sendall', object: { kind: 'name', id: 'client' } });
    expect(call.args[0]).toMatchObject({ kind: 'call', text: "'你好'.encode('gbk')" });
    expect(call.keywords).toEqual([{ name: 'count', value: { kind: 'int', value: 2n, text: '2' } }]);
    expect(call.spread).toBe(false);
  });

  it('gives bytes as bytes, and marks spread arguments', () => {
    const bytes = only("b'\\xff\\x00A'");
    expect(bytes).toMatchObject({ kind: 'expression', expr: { kind: 'bytes', value: new Uint8Array([0xff, 0, 0x41]) } });
    expect(only('f(*a)')).toMatchObject({ expr: { kind: 'call', spread: true, args: [] } });
    expect(only('f(**k)')).toMatchObject({ expr: { kind: 'call', spread: true, keywords: [] } });
  });

  it('tells what a statement defines and what it evaluates', () => {
    expect(only('conn, (host, *rest) = s.accept()')).toMatchObject({ kind: 'other', what: 'assignment', defines: ['conn', 'host', 'rest'] });
    const indexed = only('buf[i] = data');
    expect(indexed).toMatchObject({ defines: [] });
    if (indexed.kind !== 'other') throw new Error('not a statement');
    expect(indexed.exprs.map((e) => e.text)).toEqual(['buf', 'i', 'data']);
    expect(only('import socket as so, os.path')).toMatchObject({ what: 'import', defines: ['so', 'os'] });
    expect(only('from socket import *')).toMatchObject({ defines: ['*'] });
    expect(only('n += 1')).toMatchObject({ what: 'augmented assignment', defines: ['n'] });
  });

  it('gives the names a comprehension binds', () => {
    expect(only('[x for x, y in pairs if y]')).toMatchObject({ expr: { kind: 'other', what: 'comprehension', binds: ['x', 'y'] } });
  });

  it('reports syntax errors, socklab notes and over-long lines without throwing', () => {
    expect(parsePython("s.bind(('x', 1)")).toEqual({ ok: false, type: 'SyntaxError', message: "'(' was never closed", column: 7 });
    const note = parsePython('while True: pass');
    expect(note).toMatchObject({ ok: false, type: 'socklab' });
    expect(describeParseFailure(note as Extract<typeof note, { ok: false }>)).toMatch(/^socklab does not run this line: `while` loops/);
    expect(parsePython('x'.repeat(5000))).toMatchObject({ ok: false, type: 'socklab', message: 'this line is longer than 4000 characters' });
    const deep = parsePython(`${'-'.repeat(3900)}1`);
    expect(deep.ok).toBe(false);
  });
});
