// How one statement becomes a line of the exported program, and Python literals and comments: pure.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { pythonStatement, type StatementKnowledge } from '../../src/export/python-statement';
import { PyIntKeyed, pyComment, pyLiteral } from '../../src/export/python-literals';

const ran = (output: string, error: StatementKnowledge['error'] = null, durationMs = 2): StatementKnowledge => ({ output, error, durationMs });

describe('pythonStatement', () => {
  it('shows an expression value the console showed, leaves alone what showed nothing', () => {
    expect(pythonStatement('s.recv(1024)', ran("b'hi'\n"))).toEqual(['show(s.recv(1024))']);
    expect(pythonStatement('  s  ', ran('<socket.socket ...>\n'))).toEqual(['show(s)']);
    expect(pythonStatement('s.close()', ran(''))).toEqual(['s.close()']);
    expect(pythonStatement("print('x')", ran('x\n'))).toEqual(["print('x')"]);
    expect(pythonStatement('conn, addr = s.accept()', ran(''))).toEqual(['conn, addr = s.accept()']);
  });

  it('shows every expression when nothing is known (show prints nothing for None)', () => {
    expect(pythonStatement('buffer.append(d)', null)).toEqual(['show(buffer.append(d))']);
    expect(pythonStatement('import socket', null)).toEqual(['import socket']);
  });

  it('keeps a bare tuple one argument, and each statement of a line its own', () => {
    expect(pythonStatement('1, 2', ran('(1, 2)\n'))).toEqual(['show((1, 2))']);
    expect(pythonStatement('print("a"); 5', ran('a\n5\n'))).toEqual(['print("a"); show(5)']);
  });

  it("runs a line that raised under 'with console:', and one the lesson expects to raise", () => {
    const typeError = { type: 'TypeError', message: "a bytes-like object is required, not 'str'" };
    expect(pythonStatement("s.send('hi')", ran(`TypeError: ${typeError.message}\n`, typeError))).toEqual(["with console: show(s.send('hi'))"]);
    expect(pythonStatement('p.bind((HOST, 80))', ran(''), { mayRaise: true })).toEqual(['with console: p.bind((HOST, 80))']);
  });

  it('interrupts a line the learner interrupted after as long as it ran', () => {
    const interrupted = ran('KeyboardInterrupt\n', { type: 'KeyboardInterrupt', message: '' }, 1520);
    expect(pythonStatement('conn, addr = s.accept()', interrupted)).toEqual([
      '# interrupted with Ctrl+C in the session:',
      'with console.interrupted_after(1.52): conn, addr = s.accept()',
    ]);
  });

  it('runs a line that is not Python from text, and leaves out what socklab did not run', () => {
    const syntax = { type: 'SyntaxError', message: "'(' was never closed", column: 5 };
    expect(pythonStatement('x = (1,', ran("SyntaxError: '(' was never closed\n", syntax))).toEqual(["console.run('x = (1,')"]);
    expect(pythonStatement("a = 'it''s", null)).toEqual([`console.run("a = 'it''s")`]);
    const note = { type: 'socklab', message: '`while` loops are not part of socklab\'s Python: ...' };
    expect(pythonStatement('while True: pass', ran('...', note))).toEqual(["# while True: pass    (socklab did not run this line: `while` loops are not part of socklab's Python: ...)"]);
    expect(pythonStatement('exit()', { ...ran(''), exit: true })).toEqual(['# exit()    (the session ended here)']);
  });
});

describe('Python literals and comments', () => {
  const tricky = {
    text: "it's \"quoted\" \\ \n\t\u0000 é 你好 \u202e",
    data: new Uint8Array([0, 39, 34, 92, 10, 255, 120]),
    list: [1, -2.5, true, false, null],
    nested: { deep: [['text', 'Hello, '], ['placeholder', 'data']] },
  };

  it('writes values CPython reads back exactly', () => {
    const source = pyLiteral({ ...tricky, steps: new PyIntKeyed([[1, { start: [] }], [12, {}]]) });
    const check = [
      'import ast, sys',
      'v = ast.literal_eval(sys.stdin.read())',
      "assert v['text'] == 'it\\'s \"quoted\" \\\\ \\n\\t\\x00 é 你好 \\u202e', repr(v['text'])",
      "assert v['data'] == bytes([0, 39, 34, 92, 10, 255, 120]), v['data']",
      "assert v['list'] == [1, -2.5, True, False, None]",
      "assert v['nested'] == {'deep': [['text', 'Hello, '], ['placeholder', 'data']]}",
      "assert v['steps'] == {1: {'start': []}, 12: {}}",
      "print('ok')",
    ].join('\n');
    const run = spawnSync('python3', ['-c', check], { input: source, encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('ok\n');
  });

  it('lays out long values one item per line, short ones on one', () => {
    expect(pyLiteral({ a: 1, b: [true, null] })).toBe("{'a': 1, 'b': [True, None]}");
    const long = pyLiteral({ first: 'x'.repeat(60), second: ['y'.repeat(50)] });
    expect(long).toBe(`{\n    'first': '${'x'.repeat(60)}',\n    'second': ['${'y'.repeat(50)}'],\n}`);
  });

  it('keeps comments on their lines: a carriage return or NUL cannot end one', () => {
    expect(pyComment('one\n\ntwo\r\x00\tend  ')).toEqual(['# one', '#', '# two\\x0d\\x00    end']);
  });
});
