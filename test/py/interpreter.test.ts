import { describe, it, expect } from 'vitest';
import type { RuntimeEvent } from '../../src/py/events';
import { PyException } from '../../src/py/exceptions/classes';
import { PyModule } from '../../src/py/objects/module';
import { None } from '../../src/py/objects/none';
import type { PyObject } from '../../src/py/objects/object';
import { newStr } from '../../src/py/objects/str';
import { checkedFunction } from '../../src/py/native/define';
import { interruptibleDelay } from '../../src/py/modules/time';
import { createModuleRegistry } from '../../src/py/modules/default-registry';
import { fromPy, repr, str, toPy, isTruthy } from '../../src/py/interpreter';
import { newInterpreter, outputOf, runAll } from './helpers';

describe('runLine', () => {
  it("prints what the console prints: print output and each expression's repr", async () => {
    const it = newInterpreter();
    expect(await it.runLine("print('hi'); 1 + 1; None; 'x'")).toMatchObject({ output: "hi\n2\n'x'\n", error: null });
    expect(await it.runLine('x = 5')).toMatchObject({ output: '', error: null });
    expect(await it.runLine('')).toMatchObject({ output: '', error: null });
    expect(await it.runLine('   # a comment')).toMatchObject({ output: '', error: null });
  });

  it('keeps the last echoed value in _', async () => {
    expect(await outputOf(['6 * 7', '_ + 1', "print('x')", '_'])).toBe('42\n43\nx\n43\n');
  });

  it('stops a line at its first exception and reports the last traceback line', async () => {
    const it = newInterpreter();
    const result = await it.runLine('a = 1; 1/0; a = 2');
    expect(result).toMatchObject({ output: 'ZeroDivisionError: division by zero\n', error: { type: 'ZeroDivisionError', message: 'division by zero' } });
    expect(fromPy(it.globals.get('a') as PyObject)).toBe(1);
  });

  it("adds 3.11's suggestions to NameError and AttributeError", async () => {
    const it = newInterpreter();
    await it.runLine("socket = 'mod'");
    expect((await it.runLine('sokcet')).error).toEqual({ type: 'NameError', message: "name 'sokcet' is not defined. Did you mean: 'socket'?" });
    expect((await it.runLine("'abc'.uper()")).output).toBe("AttributeError: 'str' object has no attribute 'uper'. Did you mean: 'upper'?\n");
    expect((await it.runLine('prnt(1)')).output).toBe("NameError: name 'prnt' is not defined. Did you mean: 'print'?\n");
  });

  it('reports syntax errors with their caret column and unsupported constructs as socklab notes', async () => {
    const it = newInterpreter();
    expect(await it.runLine('x = (1')).toMatchObject({
      output: "SyntaxError: '(' was never closed\n",
      error: { type: 'SyntaxError', message: "'(' was never closed", column: 5 },
    });
    expect((await it.runLine('  x = 1')).error).toMatchObject({ type: 'IndentationError', message: 'unexpected indent' });
    const note = await it.runLine('while True: pass');
    expect(note.error?.type).toBe('socklab');
    expect(note.output).toBe(`${note.error?.message}\n`);
    expect((await it.runLine('-'.repeat(100000) + '1')).output).toBe('MemoryError\n');
  });

  it('sets exit for exit() and quit()', async () => {
    const it = newInterpreter();
    expect(await it.runLine('exit()')).toMatchObject({ output: '', error: null, exit: true });
    expect((await it.runLine('quit(3)')).exit).toBe(true);
    expect((await it.runLine('exit')).output).toBe('Use exit() or Ctrl-D (i.e. EOF) to exit\n');
  });

  it('lets the caller read and set globals', async () => {
    const it = newInterpreter();
    it.globals.set('PORT', toPy(50007));
    await it.runLine("pair = ('127.0.0.1', PORT); items = [pair, {'k': pair}]");
    expect(fromPy(it.globals.get('pair') as PyObject)).toEqual(['127.0.0.1', 50007]);
    expect([...it.globals.keys()]).toEqual(expect.arrayContaining(['__name__', '__builtins__', 'PORT', 'pair', 'items']));
  });

  it('streams output through write as it happens', async () => {
    const it = newInterpreter();
    const written: string[] = [];
    const result = await it.runLine("print('a'); print('b', end=''); 3", { write: (t) => written.push(t) });
    expect(written).toEqual(['a\n', 'b', '3\n']);
    expect(result.output).toBe(written.join(''));
  });

  it('turns an internal stack overflow into RecursionError, never a crash', async () => {
    const it = newInterpreter();
    await it.runLine('a = []');
    for (let i = 0; i < 1000; i++) await it.runLine('a = [a]');
    expect((await it.runLine('a')).error?.type).toBe('RecursionError');
    expect((await it.runLine('len(a)')).output).toBe('1\n');
  });
});

describe('native calls: context, blocking and interruption', () => {
  function registryWithProbe(seen: { callText?: string }) {
    return createModuleRegistry().register('probe', () => {
      const module = new PyModule('probe');
      module.set(
        'wait',
        checkedFunction({
          name: 'wait',
          doc: 'wait(ms): waits, reporting itself as blocked.',
          style: 'one',
          params: ['ms'],
          call: async ([ms], ctx) => {
            seen.callText = ctx.callText;
            ctx.write('before\n');
            ctx.emit({ type: 'blocked', call: 'wait()', waitingFor: 'time', hint: '', timeoutMs: null });
            try {
              await interruptibleDelay(Number(fromPy(ms as PyObject)), ctx.signal);
            } finally {
              ctx.emit({ type: 'unblocked' });
            }
            return newStr('done');
          },
        }),
      );
      return module;
    });
  }

  it('hands the call its source text and lets it write and emit events', async () => {
    const seen: { callText?: string } = {};
    const it = newInterpreter(registryWithProbe(seen));
    const events: RuntimeEvent[] = [];
    const result = await runAll(it, ['import probe', "x = probe.wait(1) + '!'; x"], { emit: (e) => events.push(e) });
    expect(seen.callText).toBe('probe.wait(1)');
    expect(result.output).toBe("before\n'done!'\n");
    expect(events.map((e) => e.type)).toEqual(['blocked', 'unblocked']);
  });

  it('raises KeyboardInterrupt when the signal aborts a waiting call, and ends the line', async () => {
    const it = newInterpreter(registryWithProbe({}));
    await it.runLine('import probe');
    const controller = new AbortController();
    const running = it.runLine('probe.wait(60000); after = 1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await running).toMatchObject({ output: 'before\nKeyboardInterrupt\n', error: { type: 'KeyboardInterrupt', message: '' } });
    expect(it.globals.has('after')).toBe(false);
  });

  it('checks the signal between statements and inside long pure loops', async () => {
    const it = newInterpreter();
    const aborted = AbortSignal.abort();
    expect((await it.runLine('x = 1', { signal: aborted })).error?.type).toBe('KeyboardInterrupt');
    const controller = new AbortController();
    const running = it.runLine('sum(range(10**12))', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await running).output).toBe('KeyboardInterrupt\n');
  });

  it('time.sleep reports itself blocked and is interruptible', async () => {
    const it = newInterpreter();
    await it.runLine('import time');
    const events: RuntimeEvent[] = [];
    expect((await it.runLine('time.sleep(0.01)', { emit: (e) => events.push(e) })).error).toBeNull();
    expect(events).toEqual([
      { type: 'blocked', call: 'sleep(0.01)', waitingFor: '0.01 seconds to pass', hint: '', timeoutMs: 10 },
      { type: 'unblocked' },
    ]);
    const controller = new AbortController();
    const running = it.runLine('time.sleep(100)', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await running).output).toBe('KeyboardInterrupt\n');
    expect((await it.runLine('time.sleep(-1)')).output).toBe('ValueError: sleep length must be non-negative\n');
  });
});

describe('evaluate', () => {
  it('evaluates one expression in the globals plus extra names, which take precedence', async () => {
    const it = newInterpreter();
    await it.runLine('state = 1; n = 41');
    const helper = checkedFunction({ name: 'state', doc: 'state(x): test helper.', style: 'one', params: ['x'], call: () => newStr('LISTEN') });
    const value = await it.evaluate("state(n) == 'LISTEN' and n + 1 == 42", new Map([['state', helper]]));
    expect(repr(value)).toBe('True');
    expect(repr(await it.evaluate('n'))).toBe('41');
  });

  it('throws a PyException for errors and for text that is not one expression', async () => {
    const it = newInterpreter();
    await expect(it.evaluate('undefined_name')).rejects.toBeInstanceOf(PyException);
    await expect(it.evaluate('x = 1')).rejects.toThrow('SyntaxError');
    await expect(it.evaluate('1 +')).rejects.toThrow('SyntaxError: invalid syntax');
  });

  it('does not echo or change _', async () => {
    const it = newInterpreter();
    await it.runLine('5');
    await it.evaluate('7');
    expect((await it.runLine('_')).output).toBe('5\n');
  });
});

describe('language semantics', () => {
  it('evaluates generator expressions lazily and comprehensions in their own scope', async () => {
    expect(await outputOf(['g = (1 / x for x in [1, 0])', 'next(g)', 'next(g)'])).toBe('1.0\nZeroDivisionError: division by zero\n');
    expect(await outputOf(["x = 'outer'", '[x for x in range(3)]', 'x'])).toBe("[0, 1, 2]\n'outer'\n");
    expect(await outputOf(['g = (x for x in 5)'])).toBe("TypeError: 'int' object is not iterable\n");
  });

  it('binds and unpacks as Python does', async () => {
    expect(await outputOf(['a, (b, *c) = 1, (2, 3, 4)', 'a, b, c', 'l = [1]', 'm = l', 'l += [2]', 'm'])).toBe('(1, 2, [3, 4])\n[1, 2]\n');
  });

  it('runs imports and reports unknown and unsupported modules', async () => {
    const it = newInterpreter();
    expect((await it.runLine('import time as t; from time import sleep; t, sleep')).output).toBe(
      "(<module 'time' (built-in)>, <built-in function sleep>)\n",
    );
    expect((await it.runLine('import nosuch')).output).toBe("ModuleNotFoundError: No module named 'nosuch'\n");
    const note = await it.runLine('import threading');
    expect(note.error?.type).toBe('socklab');
    expect(note.error?.message).toContain('threading module is not part of');
  });

  it('prints help and dir', async () => {
    const it = newInterpreter();
    expect((await it.runLine('help()')).output).toContain('socklab runs the Python you type');
    expect((await it.runLine('help(len)')).output).toBe('Help on built-in function len:\n\nlen(obj): the number of items in a container (bytes in a bytes object, characters in a str).\n');
    expect((await it.runLine('help(str.encode)')).output).toContain("S.encode(encoding='utf-8', errors='strict')");
    await it.runLine('zeta = 1; alpha = 2');
    expect((await it.runLine('dir()')).output).toBe("['__annotations__', '__builtins__', '__doc__', '__name__', '__package__', '__spec__', 'alpha', 'zeta']\n");
  });
});

describe('conversions and helpers', () => {
  it('converts JS values to Python objects and back', () => {
    const value = toPy({ host: '127.0.0.1', port: 80, data: new Uint8Array([104, 105]), list: [1, 2.5, null, true], big: 2n ** 70n });
    expect(repr(value)).toBe("{'host': '127.0.0.1', 'port': 80, 'data': b'hi', 'list': [1, 2.5, None, True], 'big': 1180591620717411303424}");
    const back = fromPy(value) as Map<string, unknown>;
    expect(back.get('port')).toBe(80);
    expect(back.get('big')).toBe(2n ** 70n);
    expect(back.get('data')).toEqual(new Uint8Array([104, 105]));
    expect(fromPy(None)).toBeNull();
  });

  it('exports repr, str and isTruthy', () => {
    expect(str(toPy('x'))).toBe('x');
    expect(repr(toPy('x'))).toBe("'x'");
    expect(isTruthy(toPy([]))).toBe(false);
    expect(isTruthy(toPy([0]))).toBe(true);
  });
});

describe('the value of the last statement', () => {
  it('is the expression value, the right-hand side of an assignment, or null', async () => {
    const { Interpreter, repr } = await import('../../src/py');
    const interp = new Interpreter();
    expect(repr((await interp.runLine('1 + 1')).value!)).toBe('2');
    expect(repr((await interp.runLine('a, b = (1, 2)')).value!)).toBe('(1, 2)');
    expect(repr((await interp.runLine('x = 5; y = x * 2')).value!)).toBe('10');
    expect((await interp.runLine('x = 5; del x')).value).toBeNull();
    expect((await interp.runLine('1/0')).value).toBeNull();
  });
});
