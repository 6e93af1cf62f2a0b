// select.select over a listener and its clients (curriculum P5), its waits, and its errors.
import { describe, it, expect } from 'vitest';
import { blockedNow, freshSessionPerTest, newSession, type Session, until } from './helpers';

let session: Session;
freshSessionPerTest((s) => (session = s), ['import socket, select', "srv = socket.create_server(('127.0.0.1', 0))", 'inputs = [srv]']);

describe('select over a listener and its clients', () => {
  it('reports the listener readable when a client waits, and a client readable when it sent data', async () => {
    expect(await session.run('select.select(inputs, [], [], 0)')).toBe('([], [], [])\n');
    await session.runAll(['a = socket.create_connection(srv.getsockname())', 'b = socket.create_connection(srv.getsockname())']);
    expect(await session.run('r, w, x = select.select(inputs, [], [], 0); r == [srv], w, x')).toBe('(True, [], [])\n');
    await session.runAll(['conn_a, addr_a = srv.accept()', 'conn_b, addr_b = srv.accept()', 'inputs = [srv, conn_a, conn_b]']);
    expect(await session.run('select.select(inputs, [], [], 0)')).toBe('([], [], [])\n');
    await session.run("b.send(b'echo me')");
    expect(await session.run('r, w, x = select.select(inputs, [], []); r == [conn_b]')).toBe('True\n');
    expect(await session.run('data = r[0].recv(1024); r[0].send(data); b.recv(1024)')).toBe("7\nb'echo me'\n");
    await session.run('a.close()');
    expect(await session.run('r, w, x = select.select(inputs, [], [], 0); r == [conn_a], r[0].recv(1024)')).toBe("(True, b'')\n");
    expect(await session.run('w = select.select([], [conn_a, conn_b], [], 0)[1]; w == [conn_a, conn_b]')).toBe('True\n');
  });

  it('accepts file descriptor numbers and objects with fileno(), returning what it was given', async () => {
    await session.runAll(['c = socket.create_connection(srv.getsockname())', 'fd = srv.fileno()']);
    expect(await session.run('select.select([fd], [], [], 0)[0] == [fd]')).toBe('True\n');
    expect(await session.run('select.select((srv,), [], [], 0.0)[0][0] is srv')).toBe('True\n');
    expect(await session.run('select.select({srv}, [], [], 0)[0][0] is srv')).toBe('True\n');
  });

  it('waits for a client, naming the sockets it watches, and can be interrupted', async () => {
    const port = (await session.run('srv.getsockname()[1]')).trim();
    const pending = session.run('r, w, x = select.select(inputs, [], [])');
    await until(() => blockedNow(session.events) !== null);
    expect(blockedNow(session.events)).toMatchObject({
      call: 'select(inputs, [], [])',
      waitingFor: `a client on 127.0.0.1:${port}`,
      timeoutMs: null,
    });
    const peer = newSession();
    try {
      await peer.runAll(['import socket', `c = socket.create_connection(('127.0.0.1', ${port}))`]);
      expect(await pending).toBe('');
      expect(await session.run('r == [srv]')).toBe('True\n');
    } finally {
      peer.registry.closeAll();
    }
    const ctrlC = new AbortController();
    const interrupted = session.result('select.select([], [], [])', { signal: ctrlC.signal });
    await until(() => blockedNow(session.events) !== null);
    ctrlC.abort();
    expect((await interrupted).output).toBe('KeyboardInterrupt\n');
    expect(await session.run('select.select([], [], [], 0.01)')).toBe('([], [], [])\n');
  });
});

describe('select errors', () => {
  it('gives CPython texts for bad lists, bad items and bad timeouts', async () => {
    const cases: [string, string][] = [
      ['select.select(1, [], [])', 'TypeError: arguments 1-3 must be sequences'],
      ['select.select([1.5], [], [], 0)', 'TypeError: argument must be an int, or have a fileno() method.'],
      ["select.select(['x'], [], [], 0)", 'TypeError: argument must be an int, or have a fileno() method.'],
      ['select.select([-1], [], [], 0)', 'ValueError: file descriptor cannot be a negative integer (-1)'],
      ['select.select([2000], [], [], 0)', 'ValueError: filedescriptor out of range in select()'],
      ['select.select([2**70], [], [], 0)', 'OverflowError: Python int too large to convert to C int'],
      ['select.select([], [], [], -1)', 'ValueError: timeout must be non-negative'],
      ["select.select([], [], [], 'x')", 'TypeError: timeout must be a float or None'],
      ["select.select([], [], [], float('nan'))", 'ValueError: Invalid value NaN (not a number)'],
      ['select.select([], [])', 'TypeError: select expected at least 3 arguments, got 2'],
      ['select.select([], [], [], 0, 1)', 'TypeError: select expected at most 4 arguments, got 5'],
      ['select.select([], [], [], timeout=0)', 'TypeError: select.select() takes no keyword arguments'],
    ];
    for (const [line, error] of cases) expect(await session.run(line), line).toBe(`${error}\n`);
    await session.runAll(['c = socket.socket()', 'c.close()']);
    expect(await session.run('select.select([c], [], [], 0)')).toBe('ValueError: file descriptor cannot be a negative integer (-1)\n');
    expect(await session.run('select.select, select.error')).toBe("(<built-in function select>, <class 'OSError'>)\n");
  });
});
