// Blocking, timeouts, non-blocking mode and Ctrl-C: calls that wait do so on the reactor (the event
// loop keeps running), report what they wait for, and end the way CPython's would.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SYS, connect, getsockname, recv, send, type SockAddr } from '../../src/sys/index';
import { FdTracker, waitFor } from '../sys/helpers';
import { blockedNow, freshSessionPerTest, until, type Session } from './helpers';

let session: Session;
let tracker: FdTracker;
freshSessionPerTest((s) => (session = s));
beforeEach(() => {
  tracker = new FdTracker();
});
afterEach(() => tracker.closeAll());

/** A client socket of the test itself (not the learner's), connected to `to`. */
async function outsideClient(to: SockAddr): Promise<number> {
  const fd = tracker.socket(to.family, SYS.SOCK_STREAM);
  try {
    connect(fd, to);
  } catch {
    await waitFor(fd, SYS.POLLOUT);
  }
  return fd;
}

async function listening(): Promise<{ port: string; addr: SockAddr }> {
  await session.runAll(['import socket', 's = socket.socket()', "s.bind(('127.0.0.1', 0))", 's.listen()']);
  const port = (await session.run('s.getsockname()[1]')).trim();
  return { port, addr: { family: 2, host: '127.0.0.1', port: Number(port) } };
}

describe('a blocking call', () => {
  it('accept() waits for a client that connects later, saying what it waits for', async () => {
    const { port, addr } = await listening();
    const pending = session.result('conn, addr = s.accept()');
    await until(() => blockedNow(session.events) !== null);
    expect(blockedNow(session.events)).toEqual({
      type: 'blocked',
      call: 'accept()',
      waitingFor: `a client on 127.0.0.1:${port}`,
      hint: `try nc 127.0.0.1 ${port} in another terminal`,
      timeoutMs: null,
    });
    const client = await outsideClient(addr);
    expect(await pending).toMatchObject({ output: '', error: null });
    expect(session.events.at(-1)).toEqual({ type: 'unblocked' });
    expect(await session.run('addr')).toBe(`('127.0.0.1', ${(getsockname(client) as { port: number }).port})\n`);
  });

  it('recv() waits for data, and Ctrl-C ends the wait with KeyboardInterrupt, leaving the socket usable', async () => {
    const { addr } = await listening();
    const client = await outsideClient(addr);
    await session.run('conn, addr = s.accept()');
    const ctrlC = new AbortController();
    const pending = session.result('conn.recv(1024)', { signal: ctrlC.signal });
    await until(() => blockedNow(session.events) !== null);
    const clientPort = (getsockname(client) as { port: number }).port;
    expect(blockedNow(session.events)).toMatchObject({ call: 'recv(1024)', waitingFor: `data from 127.0.0.1:${clientPort}` });
    ctrlC.abort();
    expect(await pending).toMatchObject({ output: 'KeyboardInterrupt\n', error: { type: 'KeyboardInterrupt', message: '' } });
    expect(session.events.at(-1)).toEqual({ type: 'unblocked' });
    send(client, Buffer.from('after'));
    expect(await session.run('conn.recv(1024)')).toBe("b'after'\n");
    expect(await session.run("conn.send(b'still works')")).toBe('11\n');
    await waitFor(client, SYS.POLLIN);
    expect(recv(client, 100).toString()).toBe('still works');
  });

  it('recv() returns the bytes a peer sends while it waits, and reports them as a bytes event', async () => {
    const { addr } = await listening();
    const client = await outsideClient(addr);
    await session.run('conn, addr = s.accept()');
    const pending = session.run('data = conn.recv(1024)');
    await until(() => blockedNow(session.events) !== null);
    send(client, Buffer.from('Michael'));
    expect(await pending).toBe('');
    expect(await session.run('data')).toBe("b'Michael'\n");
    const bytes = session.events.find((e) => e.type === 'bytes');
    const clientPort = (getsockname(client) as { port: number }).port;
    expect(bytes).toEqual({ type: 'bytes', label: 'conn.recv(1024)', data: new Uint8Array(Buffer.from('Michael')), from: `127.0.0.1:${clientPort}` });
  });
});

describe('name resolution', () => {
  it('resolves host names in addresses, and Ctrl-C gives the resolution up', async () => {
    await session.runAll(['import socket', 't = socket.socket()', "t.bind(('127.0.0.1', 0))", 'port = t.getsockname()[1]', 't.close()', 's = socket.socket()']);
    const ctrlC = new AbortController();
    const pending = session.result("s.connect(('localhost', port))", { signal: ctrlC.signal });
    ctrlC.abort();
    expect((await pending).output).toBe('KeyboardInterrupt\n');
    expect(await session.run("s.connect_ex(('localhost', port))")).toBe('111\n');
    expect(await session.run("s.bind(('localhost', 0)); s.getsockname()[0]")).toBe("'127.0.0.1'\n");
  });
});

describe('timeouts', () => {
  it('raise TimeoutError: timed out from recv, accept and sendall, and report the timeout in the blocked event', async () => {
    const { addr } = await listening();
    await session.runAll(['s.settimeout(0.05)']);
    expect(await session.run('s.accept()')).toBe('TimeoutError: timed out\n');
    expect(blockedNow(session.events.slice(0, -1))).toMatchObject({ call: 'accept()', timeoutMs: 50 });
    await outsideClient(addr);
    await session.runAll(['conn, addr = s.accept()', 'conn.gettimeout()']);
    expect(await session.run('conn.settimeout(0.05); conn.recv(10)')).toBe('TimeoutError: timed out\n');
    expect(await session.run("conn.sendall(b'x' * 50_000_000)")).toBe('TimeoutError: timed out\n');
    expect(await session.run('conn.gettimeout()')).toBe('0.05\n');
  });

  it('end a connect whose server does not answer (its accept queue is full), in connect and connect_ex', async () => {
    await session.runAll(['import socket', 's = socket.socket()', "s.bind(('127.0.0.1', 0))", 's.listen(0)']);
    await session.runAll(['c1 = socket.socket()', 'c1.settimeout(2)', 'c1.connect(s.getsockname())']);
    await session.runAll(['c2 = socket.socket()', 'c2.settimeout(0.05)']);
    expect(await session.run('c2.connect(s.getsockname())')).toBe('TimeoutError: timed out\n');
    const waited = session.events.filter((e) => e.type === 'blocked').at(-1);
    expect(waited).toMatchObject({ call: 'connect(s.getsockname())', timeoutMs: 50 });
    expect(waited?.type === 'blocked' && waited.waitingFor).toMatch(/^the handshake with 127\.0\.0\.1:\d+$/);
    await session.runAll(['c3 = socket.socket()', 'c3.settimeout(0.05)']);
    expect(await session.run('c3.connect_ex(s.getsockname())')).toBe('11\n');
  });

  it('are set per socket and by setdefaulttimeout for new sockets, with CPython values', async () => {
    await session.runAll(['import socket', 's = socket.socket()']);
    expect(await session.run('s.gettimeout(), s.timeout, s.getblocking()')).toBe('(None, None, True)\n');
    expect(await session.run('s.settimeout(2); s.gettimeout()')).toBe('2.0\n');
    expect(await session.run('s.settimeout(0.1); s.gettimeout()')).toBe('0.1\n');
    expect(await session.run('s.settimeout(-1)')).toBe('ValueError: Timeout value out of range\n');
    expect(await session.run("s.settimeout('x')")).toBe("TypeError: 'str' object cannot be interpreted as an integer\n");
    expect(await session.run("s.settimeout(float('nan'))")).toBe('ValueError: Invalid value NaN (not a number)\n');
    expect(await session.run('s.setblocking(False); s.gettimeout(), s.getblocking()')).toBe('(0.0, False)\n');
    expect(await session.run('s.setblocking(True); print(s.gettimeout())')).toBe('None\n');
    expect(await session.run('print(socket.getdefaulttimeout())')).toBe('None\n');
    expect(await session.run('socket.setdefaulttimeout(5); socket.socket().gettimeout()')).toBe('5.0\n');
    expect(await session.run('socket.setdefaulttimeout(None); print(socket.socket().gettimeout())')).toBe('None\n');
  });
});

describe('non-blocking mode', () => {
  it('raises BlockingIOError where a call would wait, without reporting a wait', async () => {
    const { addr } = await listening();
    await session.run('s.setblocking(False)');
    const waitsBefore = session.events.length;
    expect(await session.run('s.accept()')).toBe('BlockingIOError: [Errno 11] Resource temporarily unavailable\n');
    await outsideClient(addr);
    await waitFor(Number((await session.run('s.fileno()')).trim()), SYS.POLLIN);
    await session.run('conn, addr = s.accept()');
    expect(await session.run('print(conn.gettimeout())')).toBe('None\n');
    await session.run('conn.setblocking(False)');
    expect(await session.run('conn.recv(10)')).toBe('BlockingIOError: [Errno 11] Resource temporarily unavailable\n');
    expect(session.events.slice(waitsBefore).filter((e) => e.type === 'blocked')).toEqual([]);
  });

  it('starts a connect and says it is in progress; SOCK_NONBLOCK in the type does the same', async () => {
    await listening();
    await session.runAll(['c = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)']);
    expect(await session.run('c.gettimeout(), c.type')).toBe('(0.0, <SocketKind.SOCK_STREAM: 1>)\n');
    expect(await session.run('c.connect(s.getsockname())')).toBe('BlockingIOError: [Errno 115] Operation now in progress\n');
    await session.runAll(['c2 = socket.socket()', 'c2.setblocking(False)']);
    expect(await session.run('c2.connect_ex(s.getsockname())')).toBe('115\n');
  });
});

describe('sending more than the buffers hold', () => {
  it('sendall() of several MB waits for a slow reader and delivers every byte in order', async () => {
    const { addr } = await listening();
    const reader = await outsideClient(addr);
    await session.runAll(['conn, addr = s.accept()', 'data = bytes(range(256)) * (6 * 4096)']);
    const pending = session.run('conn.sendall(data)');
    await until(() => blockedNow(session.events) !== null);
    expect(blockedNow(session.events)).toMatchObject({ call: 'sendall(data)' });
    const received: Buffer[] = [];
    let total = 0;
    const expected = 6 * 4096 * 256;
    // Read slowly: a chunk per turn of the event loop, so the sender has to wait many times.
    for (let turns = 0; total < expected && turns < 100_000; turns++) {
      await waitFor(reader, SYS.POLLIN);
      const chunk = recv(reader, 16384);
      received.push(chunk);
      total += chunk.length;
      await new Promise((r) => setImmediate(r));
    }
    expect(await pending).toBe('');
    const all = Buffer.concat(received);
    expect(all.length).toBe(expected);
    expect(all.every((byte, i) => byte === i % 256)).toBe(true);
  });

  it('send() on a blocking socket sends everything; with a timeout it returns how much fitted', async () => {
    const { addr } = await listening();
    const reader = await outsideClient(addr);
    await session.runAll(['conn, addr = s.accept()', "big = b'x' * 20_000_000"]);
    const pending = session.run('conn.send(big)');
    let total = 0;
    for (let turns = 0; total < 20_000_000 && turns < 100_000; turns++) {
      await waitFor(reader, SYS.POLLIN);
      total += recv(reader, 1 << 20).length;
    }
    expect(await pending).toBe('20000000\n');
    await session.run('conn.settimeout(5)');
    const partial = Number((await session.run('conn.send(big)')).trim());
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(20_000_000);
  });
});
