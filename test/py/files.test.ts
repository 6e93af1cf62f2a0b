// open(): real files relative to the interpreter's directory, with CPython's reprs and errors.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Interpreter } from '../../src/py';

let dir = '';
let interp: Interpreter;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'socklab-open-'));
  interp = new Interpreter({ cwd: dir });
});
afterEach(() => {
  interp.closeFiles();
  rmSync(dir, { recursive: true, force: true });
});

async function lines(...statements: string[]): Promise<string> {
  let out = '';
  for (const s of statements) out += (await interp.runLine(s)).output;
  return out;
}

describe('open()', () => {
  it('saves received bytes the way a lesson does, relative to its directory', async () => {
    expect(await lines("open('page.html', 'wb').write(b'<h1>hi</h1>')")).toBe('11\n');
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toBe('<h1>hi</h1>');
    expect(interp.files.openFiles.size).toBe(1);
    interp.closeFiles();
    expect(interp.files.openFiles.size).toBe(0);
  });

  it('writes and reads text and bytes with CPython reprs', async () => {
    expect(await lines("f = open('x.txt', 'w')", 'f', "f.write('héllo')", 'f.close()', 'f.closed', "f.write('x')")).toBe(
      "<_io.TextIOWrapper name='x.txt' mode='w' encoding='UTF-8'>\n5\nTrue\nValueError: I/O operation on closed file.\n",
    );
    expect(await lines("open('x.txt').read()", "open('x.txt', 'rb').read(2)", "open('x.txt', 'rb')")).toBe(
      "'héllo'\nb'h\\xc3'\n<_io.BufferedReader name='x.txt'>\n",
    );
  });

  it('refuses the wrong kind of data for the mode', async () => {
    expect(await lines("open('a', 'wb').write('x')", "open('b', 'w').write(b'x')")).toBe(
      "TypeError: a bytes-like object is required, not 'str'\nTypeError: write() argument must be str, not bytes\n",
    );
  });

  it('gives the errors CPython gives for bad paths and modes', async () => {
    expect(await lines("open('missing/x', 'w')", "open('.', 'r')", "open('x', 'q')", "open('x', 'rw')")).toBe(
      [
        "FileNotFoundError: [Errno 2] No such file or directory: 'missing/x'",
        "IsADirectoryError: [Errno 21] Is a directory: '.'",
        "ValueError: invalid mode: 'q'",
        'ValueError: must have exactly one of create/read/write/append mode',
        '',
      ].join('\n'),
    );
  });
});
