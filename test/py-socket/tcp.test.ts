// TCP over loopback, IPv4 and IPv6, through the interpreter as the learner types it: a whole
// conversation, the values and reprs CPython prints, and the errors of the classic mistakes.
import { describe, it, expect, beforeEach } from 'vitest';
import { freshSessionPerTest, type Session } from './helpers';

const FAMILIES = [
  { name: 'IPv4', af: 'AF_INET', host: '127.0.0.1', addr: (port: string) => `('127.0.0.1', ${port})` },
  { name: 'IPv6', af: 'AF_INET6', host: '::1', addr: (port: string) => `('::1', ${port}, 0, 0)` },
];

let session: Session;
freshSessionPerTest((s) => (session = s));

describe.each(FAMILIES)('a TCP conversation over $name', ({ af, host, addr }) => {
  beforeEach(async () => {
    await session.runAll([
      'import socket',
      `srv = socket.socket(socket.${af}, socket.SOCK_STREAM)`,
      `srv.bind(('${host}', 0))`,
      'srv.listen(5)',
      `c = socket.socket(socket.${af}, socket.SOCK_STREAM)`,
    ]);
  });

  it('connects, accepts, sends and receives, and shows addresses as CPython does', async () => {
    expect(await session.run('c.connect(srv.getsockname())')).toBe('');
    expect(await session.run('conn, addr = srv.accept()')).toBe('');
    const port = (await session.run('srv.getsockname()[1]')).trim();
    const clientPort = (await session.run('c.getsockname()[1]')).trim();
    expect(await session.run('addr == c.getsockname()')).toBe('True\n');
    expect(await session.run('conn.getpeername() == addr')).toBe('True\n');
    expect(await session.run('srv.getsockname()')).toBe(`${addr(port)}\n`);
    expect(await session.run('c.send(b"hello, server")')).toBe('13\n');
    expect(await session.run('conn.recv(5)')).toBe("b'hello'\n");
    expect(await session.run('conn.recv(1024)')).toBe("b', server'\n");
    expect(await session.run("conn.sendall('Hello, %s!' % 'Michael'.encode())")).toMatch(/^TypeError/);
    expect(await session.run("conn.sendall(('Hello, %s!' % 'Michael').encode('utf-8'))")).toBe('');
    expect(await session.run('c.recv(1024)')).toBe("b'Hello, Michael!'\n");
    expect(await session.run('conn')).toBe(
      `<socket.socket fd=${await fdOf('conn')}, family=${af === 'AF_INET' ? 2 : 10}, type=1, proto=0, laddr=${addr(port)}, raddr=${addr(clientPort)}>\n`,
    );
    expect(await session.run('c.close()')).toBe('');
    expect(await session.run('conn.recv(1024)')).toBe("b''\n");
    expect(await session.run('c')).toBe(`<socket.socket [closed] fd=-1, family=${af === 'AF_INET' ? 2 : 10}, type=1, proto=0>\n`);
    expect(await session.run('c.close()')).toBe('');
    expect(await session.run('c.fileno()')).toBe('-1\n');
  });

  it('gives the connection to accept() with a new socket; the listener keeps listening', async () => {
    await session.runAll(['c.connect(srv.getsockname())', `c2 = socket.socket(socket.${af})`, 'c2.connect(srv.getsockname())']);
    await session.runAll(['conn1, a1 = srv.accept()', 'conn2, a2 = srv.accept()']);
    expect(await session.run('conn1.fileno() != conn2.fileno() != srv.fileno()')).toBe('True\n');
    expect(await session.run('a1 == c.getsockname(), a2 == c2.getsockname()')).toBe('(True, True)\n');
    expect(await session.run('type(conn1), conn1.family, conn1.type, conn1.proto, conn1.gettimeout()')).toBe(
      `(<class 'socket.socket'>, <AddressFamily.${af}: ${af === 'AF_INET' ? 2 : 10}>, <SocketKind.SOCK_STREAM: 1>, 0, None)\n`,
    );
    expect(session.registry.live().map((t) => t.serial)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps message boundaries nowhere: two sends arrive glued together', async () => {
    await session.runAll(['c.connect(srv.getsockname())', 'conn, addr = srv.accept()', "c.send(b'one')", "c.send(b'two')"]);
    expect(await session.run('conn.recv(1024)')).toBe("b'onetwo'\n");
  });

  it('gives every recv() its own bytes, short reads and reads that share memory alike', async () => {
    await session.runAll(['c.connect(srv.getsockname())', 'conn, addr = srv.accept()']);
    // 4095-byte reads fill the shared memory of small reads twice over; the short ones take part of it.
    await session.run("c.sendall(b'a' * 4095 + b'b' * 4095 + b'c' * 4095 + b'xyz')");
    await session.runAll(['r1 = conn.recv(4095)', 'r2 = conn.recv(1)', 'r3 = conn.recv(4095)', 'r4 = conn.recv(4095)', 'r5 = conn.recv(1024)']);
    await session.run("c.sendall(b'0123456789' * 100)");
    await session.run('r6 = conn.recv(4096)');
    expect(await session.run("r1 == b'a' * 4095, r2, r3 == b'b' * 4094 + b'c', r4 == b'c' * 4094 + b'x', r5")).toBe("(True, b'b', True, True, b'yz')\n");
    expect(await session.run("r6 == b'0123456789' * 100, len(r1 + r3 + r4 + r6)")).toBe('(True, 13285)\n');
  });

  it('shuts down one direction: the peer reads the end while this side can still receive', async () => {
    await session.runAll(['c.connect(srv.getsockname())', 'conn, addr = srv.accept()']);
    expect(await session.run('c.shutdown(socket.SHUT_WR)')).toBe('');
    expect(await session.run('conn.recv(10)')).toBe("b''\n");
    expect(await session.run("conn.send(b'still open')")).toBe('10\n');
    expect(await session.run('c.recv(100)')).toBe("b'still open'\n");
    expect(await session.run('c.shutdown(5)')).toBe('OSError: [Errno 22] Invalid argument\n');
  });

  async function fdOf(name: string): Promise<string> {
    return (await session.run(`${name}.fileno()`)).trim();
  }
});

describe('the errors of TCP mistakes', () => {
  beforeEach(async () => {
    await session.runAll(['import socket', 's = socket.socket()']);
  });

  it('raises what CPython raises for calls in the wrong state', async () => {
    expect(await session.run('s.recv(1024)')).toBe('OSError: [Errno 107] Transport endpoint is not connected\n');
    expect(await session.run('s.getpeername()')).toBe('OSError: [Errno 107] Transport endpoint is not connected\n');
    expect(await session.run('s.accept()')).toBe('OSError: [Errno 22] Invalid argument\n');
    expect(await session.run("s.send(b'x')")).toBe('BrokenPipeError: [Errno 32] Broken pipe\n');
  });

  it('refuses a connection nobody listens for, in connect, connect_ex and create_connection', async () => {
    await session.runAll(['t = socket.socket()', "t.bind(('127.0.0.1', 0))", 'port = t.getsockname()[1]', 't.close()']);
    expect(await session.run("s.connect(('127.0.0.1', port))")).toBe('ConnectionRefusedError: [Errno 111] Connection refused\n');
    expect(await session.run("s.connect_ex(('127.0.0.1', port))")).toBe('111\n');
    expect(await session.run("s.connect_ex(('127.0.0.1', port))")).toBe('111\n');
    const before = session.registry.live().length;
    expect(await session.run("socket.create_connection(('127.0.0.1', port))")).toBe('ConnectionRefusedError: [Errno 111] Connection refused\n');
    expect(session.registry.live().length).toBe(before);
    const closed = session.registry.takeClosed();
    expect(closed.at(-1)?.fd).toBe(-1);
  });

  it('reports a port in use and allows it again with SO_REUSEADDR after TIME_WAIT', async () => {
    await session.runAll(['s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)', "s.bind(('127.0.0.1', 0))", 's.listen()', 'addr = s.getsockname()', 't = socket.socket()']);
    expect(await session.run('t.bind(addr)')).toBe('OSError: [Errno 98] Address already in use\n');
    // A connection closed by the server first leaves the server's port in TIME_WAIT; rebinding it needs
    // SO_REUSEADDR on the new socket (and on the one whose connection lingers).
    await session.runAll(['c = socket.socket()', 'c.connect(addr)', 'conn, a = s.accept()', 'conn.close()', 's.close()', 'c.recv(10)', 'c.close()']);
    expect(await session.run('t.bind(addr)')).toBe('OSError: [Errno 98] Address already in use\n');
    expect(await session.run('t.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)')).toBe('');
    expect(await session.run('t.bind(addr)')).toBe('');
  });

  it('answers every call on a closed socket with EBADF, and a second close quietly', async () => {
    await session.run('s.close()');
    for (const call of ["s.bind(('127.0.0.1', 0))", 's.listen()', 's.accept()', 's.recv(1)', "s.send(b'x')", "s.sendall(b'x')", 's.getsockname()', 's.setblocking(False)', 's.settimeout(1)', 's.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE)', 's.shutdown(socket.SHUT_RDWR)']) {
      expect(await session.run(call), call).toBe('OSError: [Errno 9] Bad file descriptor\n');
    }
    expect(await session.run("s.connect_ex(('127.0.0.1', 1))")).toBe('9\n');
    expect(await session.run('s.close()')).toBe('');
    expect(await session.run('s.recv(-1)')).toBe('ValueError: negative buffersize in recv\n');
    expect(await session.run('s.recv(0)')).toBe("b''\n");
    expect(await session.run('s.gettimeout(), s.getblocking()')).toBe('(1.0, True)\n');
  });

  it('raises ConnectionResetError after a RST, and BrokenPipeError when sending on a reset connection', async () => {
    await session.runAll(['srv = socket.create_server(("127.0.0.1", 0))', 'c = socket.create_connection(srv.getsockname())', 'conn, a = srv.accept()']);
    // SO_LINGER {1, 0}: close() sends RST instead of FIN.
    await session.runAll(["c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b'\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00')", 'c.close()']);
    expect(await session.run('conn.recv(10)')).toBe('ConnectionResetError: [Errno 104] Connection reset by peer\n');
    await session.runAll(['c2 = socket.create_connection(srv.getsockname())', 'conn2, a2 = srv.accept()', 'c2.close()']);
    expect(await session.run("conn2.send(b'first')")).toBe('5\n');
    // The first send after the peer closed draws a RST; recv still reads the FIN first, and the next
    // send finds the connection broken.
    expect(await session.run('conn2.recv(10)')).toBe("b''\n");
    expect(await session.run("conn2.send(b'again')")).toBe('BrokenPipeError: [Errno 32] Broken pipe\n');
  });
});
