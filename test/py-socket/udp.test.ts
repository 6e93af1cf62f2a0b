// UDP over loopback, IPv4 and IPv6: datagrams keep their boundaries, recvfrom says who sent them, a
// short buffer truncates, and a blocked recvfrom tells the learner how to send one with nc.
import { describe, it, expect, beforeEach } from 'vitest';
import { blockedNow, freshSessionPerTest, newSession, type Session, until } from './helpers';

let session: Session;
freshSessionPerTest((s) => (session = s));

describe.each([
  { name: 'IPv4', af: 'AF_INET', host: '127.0.0.1', tuple: (p: string) => `('127.0.0.1', ${p})`, shown: (p: string) => `127.0.0.1:${p}` },
  { name: 'IPv6', af: 'AF_INET6', host: '::1', tuple: (p: string) => `('::1', ${p}, 0, 0)`, shown: (p: string) => `[::1]:${p}` },
])('UDP over $name', ({ af, host, tuple, shown }) => {
  beforeEach(async () => {
    await session.runAll([
      'import socket',
      `server = socket.socket(socket.${af}, socket.SOCK_DGRAM)`,
      `server.bind(('${host}', 0))`,
      `client = socket.socket(socket.${af}, socket.SOCK_DGRAM)`,
    ]);
  });

  it('sends datagrams without connect and answers the sender with sendto', async () => {
    const port = (await session.run('server.getsockname()[1]')).trim();
    expect(await session.run("client.sendto(b'Michael', server.getsockname())")).toBe('7\n');
    expect(await session.run("client.sendto(b'Tracy', server.getsockname())")).toBe('5\n');
    expect(await session.run('data, addr = server.recvfrom(1024)')).toBe('');
    expect(await session.run('data, addr[0], addr[1] == client.getsockname()[1]')).toBe(`(b'Michael', '${host}', True)\n`);
    expect(await session.run("server.sendto(b'Hello, %s!' % data, addr)")).toBe('15\n');
    expect(await session.run('client.recv(1024)')).toBe("b'Hello, Michael!'\n");
    expect(await session.run('server.recvfrom(1024)[0].upper()')).toBe("b'TRACY'\n");
    expect(await session.run('server.getsockname()')).toBe(`${tuple(port)}\n`);
    const clientPort = (await session.run('client.getsockname()[1]')).trim();
    const bytes = session.events.filter((e) => e.type === 'bytes');
    expect(bytes[0]).toMatchObject({ label: 'server.recvfrom(1024)', from: shown(clientPort) });
  });

  it('truncates a datagram longer than the buffer and loses the rest', async () => {
    await session.run("client.sendto(b'0123456789', server.getsockname())");
    await session.run("client.sendto(b'next', server.getsockname())");
    expect(await session.run('server.recvfrom(4)[0]')).toBe("b'0123'\n");
    expect(await session.run('server.recv(1024)')).toBe("b'next'\n");
  });

  it('keeps an empty datagram as one datagram', async () => {
    await session.run("client.sendto(b'', server.getsockname())");
    expect(await session.run('server.recvfrom(10)[0]')).toBe("b''\n");
  });

  it('waits in recvfrom for a datagram, suggesting nc -u', async () => {
    const port = (await session.run('server.getsockname()[1]')).trim();
    const pending = session.run('server.recvfrom(1024)[0]');
    await until(() => blockedNow(session.events) !== null);
    expect(blockedNow(session.events)).toMatchObject({
      call: 'recvfrom(1024)',
      waitingFor: `a datagram on ${shown(port)}`,
      hint: `try nc -u ${host} ${port} in another terminal`,
    });
    // The learner's other socket cannot run while a statement waits; a second session stands in for a peer.
    const peer = newSession();
    try {
      await peer.runAll(['import socket', `p = socket.socket(socket.${af}, socket.SOCK_DGRAM)`]);
      await peer.run(`p.sendto(b'late', ('${host}', ${port}))`);
      expect(await pending).toBe("b'late'\n");
    } finally {
      peer.registry.closeAll();
    }
  });

  it('connects a UDP socket to a default peer for send and recv', async () => {
    await session.run('client.connect(server.getsockname())');
    expect(await session.run('client.getpeername() == server.getsockname()')).toBe('True\n');
    expect(await session.run("client.send(b'via connect')")).toBe('11\n');
    expect(await session.run('data, addr = server.recvfrom(100); data')).toBe("b'via connect'\n");
    expect(await session.run("server.sendto(b'back', addr)")).toBe('4\n');
    expect(await session.run('client.recv(100)')).toBe("b'back'\n");
  });
});

describe('UDP mistakes', () => {
  it('gives CPython errors for sendto misuse and send without a destination', async () => {
    await session.runAll(['import socket', 'u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)']);
    expect(await session.run("u.sendto(b'x')")).toBe('TypeError: sendto() takes 2 or 3 arguments (1 given)\n');
    expect(await session.run("u.sendto(b'x', 0, 1, 2)")).toBe('TypeError: sendto() takes 2 or 3 arguments (4 given)\n');
    expect(await session.run("u.sendto(b'x', address=1)")).toBe('TypeError: socket.sendto() takes no keyword arguments\n');
    expect(await session.run("u.sendto('x', ('127.0.0.1', 9))")).toBe("TypeError: a bytes-like object is required, not 'str'\n");
    expect(await session.run("u.sendto(b'x', 'x')")).toBe('TypeError: sendto(): AF_INET address must be tuple, not str\n');
    expect(await session.run("u.sendto(b'x', 'x', ('127.0.0.1', 9))")).toBe("TypeError: 'str' object cannot be interpreted as an integer\n");
    expect(await session.run("u.send(b'x')")).toBe('OSError: [Errno 89] Destination address required\n');
    expect(await session.run("u.sendto(b'x', ('<broadcast>', 9))")).toBe('PermissionError: [Errno 13] Permission denied\n');
    expect(await session.run("u.sendto(b'x', 0, ('127.0.0.1', 9))")).toBe('1\n');
  });
});
