import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ERRNO,
  SYS,
  SysError,
  accept,
  defaultReactor,
  bind,
  connect,
  getpeername,
  getsockname,
  gethostname,
  getsockoptBytes,
  getsockoptInt,
  isCloseOnExec,
  isNonBlocking,
  lingerBytes,
  listen,
  recv,
  send,
  setsockoptBytes,
  setsockoptInt,
  shutdown,
  socketError,
  unreadBytes,
  unsentBytes,
} from '../../src/sys/index';
import { FAMILIES, FdTracker, listener, loopback, sysErrorOf, tcpConnection, waitFor } from './helpers';

const t = new FdTracker();
afterEach(() => t.closeAll());

describe.each(FAMILIES)('TCP over %s loopback', (_name, family) => {
  it('creates non-blocking, close-on-exec sockets and accepts them the same way', async () => {
    const { client, conn } = await tcpConnection(t, family);
    for (const fd of [client, conn]) {
      expect(isNonBlocking(fd)).toBe(true);
      expect(isCloseOnExec(fd)).toBe(true);
      expect(getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_TYPE)).toBe(SYS.SOCK_STREAM);
    }
  });

  it('connects, accepts, and names both ends of the connection', async () => {
    const server = listener(t, family);
    const bound = getsockname(server)!;
    expect(bound).toMatchObject(loopback(family, (bound as { port: number }).port));
    expect((bound as { port: number }).port).toBeGreaterThan(0);
    const client = t.socket(family, SYS.SOCK_STREAM);
    expect(sysErrorOf(() => connect(client, bound)).errno).toBe(ERRNO.EINPROGRESS);
    await waitFor(client, SYS.POLLOUT);
    expect(socketError(client)).toBe(0);
    await waitFor(server, SYS.POLLIN);
    const accepted = accept(server);
    t.track(accepted.fd);
    expect(accepted.addr).toEqual(getsockname(client));
    expect(getpeername(accepted.fd)).toEqual(getsockname(client));
    expect(getpeername(client)).toEqual(bound);
    expect(getsockname(accepted.fd)).toEqual(bound);
  });

  it('sends and receives bytes, and recv returns at most what was asked', async () => {
    const { client, conn } = await tcpConnection(t, family);
    expect(send(client, Buffer.from('hello world'))).toBe(11);
    await waitFor(conn, SYS.POLLIN);
    expect(recv(conn, 5).toString()).toBe('hello');
    expect(recv(conn, 1024).toString()).toBe(' world');
    expect(send(client, new Uint8Array([0, 255, 10]))).toBe(3);
    await waitFor(conn, SYS.POLLIN);
    expect([...recv(conn, 65536)]).toEqual([0, 255, 10]);
  });

  it('hands every read its own bytes: a later read never changes an earlier result', async () => {
    const { client, conn } = await tcpConnection(t, family);
    // Sizes below Node's pool limit, at it, and up to the 64 KiB spare buffer, with short results.
    const results: [Buffer, string][] = [];
    for (const [size, text] of [[1, 'a'], [100, 'bc'], [4095, 'def'], [4096, 'ghij'], [65536, 'klmno'], [1, 'p']] as const) {
      send(client, Buffer.from(text));
      await waitFor(conn, SYS.POLLIN);
      results.push([recv(conn, size), text]);
    }
    expect(sysErrorOf(() => recv(conn, 10)).errno).toBe(ERRNO.EAGAIN);
    expect(results.map(([data]) => data.toString())).toEqual(results.map(([, text]) => text));
  });

  it('reads what is waiting for a huge recv instead of allocating it', async () => {
    const { client, conn } = await tcpConnection(t, family);
    const data = Buffer.alloc(300_000);
    for (let i = 0; i < data.length; i++) data[i] = i % 251;
    const received: Buffer[] = [];
    let sent = 0;
    let got = 0;
    for (let round = 0; round < 10_000 && got < data.length; round++) {
      if (sent < data.length) {
        try {
          sent += send(client, data.subarray(sent));
        } catch (e) {
          if (!(e instanceof SysError && e.errno === ERRNO.EAGAIN)) throw e;
        }
      }
      await waitFor(conn, SYS.POLLIN);
      const chunk = recv(conn, 10 ** 9);
      expect(chunk.length).toBeGreaterThan(0);
      expect(chunk.length).toBeLessThanOrEqual(data.length);
      received.push(chunk);
      got += chunk.length;
    }
    expect(Buffer.concat(received).equals(data)).toBe(true);
  });

  it('recv gives EOF (an empty buffer) after the peer shuts down its sending side', async () => {
    const { client, conn } = await tcpConnection(t, family);
    send(client, Buffer.from('bye'));
    shutdown(client, SYS.SHUT_WR);
    await waitFor(conn, SYS.POLLIN);
    expect(recv(conn, 100).toString()).toBe('bye');
    expect(recv(conn, 100).length).toBe(0);
    expect(sysErrorOf(() => send(client, Buffer.from('x'))).errno).toBe(ERRNO.EPIPE);
  });

  it('fails a second bind to the same port with EADDRINUSE', () => {
    const first = listener(t, family);
    const second = t.socket(family, SYS.SOCK_STREAM);
    const e = sysErrorOf(() => bind(second, getsockname(first)!));
    expect(e.errno).toBe(ERRNO.EADDRINUSE);
    expect(e.message).toBe('[Errno 98] Address already in use');
    expect(e.syscall).toBe('bind');
  });

  it('reports ECONNREFUSED through SO_ERROR after EINPROGRESS on a port nobody listens on', async () => {
    // Bound but not listening: the port stays ours and refuses connections.
    const closedPort = t.socket(family, SYS.SOCK_STREAM);
    bind(closedPort, loopback(family));
    const client = t.socket(family, SYS.SOCK_STREAM);
    expect(sysErrorOf(() => connect(client, getsockname(closedPort)!)).errno).toBe(ERRNO.EINPROGRESS);
    const revents = await waitFor(client, SYS.POLLOUT);
    expect(revents & SYS.POLLERR).toBe(SYS.POLLERR);
    expect(socketError(client)).toBe(ERRNO.ECONNREFUSED);
    expect(socketError(client)).toBe(0);
  });

  it('fails with EBADF after close', () => {
    const fd = t.socket(family, SYS.SOCK_STREAM);
    t.close(fd);
    expect(sysErrorOf(() => recv(fd, 10)).errno).toBe(ERRNO.EBADF);
    expect(sysErrorOf(() => send(fd, Buffer.from('x'))).errno).toBe(ERRNO.EBADF);
    expect(sysErrorOf(() => getsockname(fd)).message).toBe('[Errno 9] Bad file descriptor');
    expect(sysErrorOf(() => t.close(fd)).errno).toBe(ERRNO.EBADF);
  });

  it('fails recv on an unconnected socket with ENOTCONN', () => {
    const fd = t.socket(family, SYS.SOCK_STREAM);
    const e = sysErrorOf(() => recv(fd, 1024));
    expect(e.errno).toBe(ERRNO.ENOTCONN);
    expect(e.message).toBe('[Errno 107] Transport endpoint is not connected');
    expect(sysErrorOf(() => getpeername(fd)).errno).toBe(ERRNO.ENOTCONN);
  });

  it('fails accept on a socket that is not listening with EINVAL', () => {
    const fd = t.socket(family, SYS.SOCK_STREAM);
    bind(fd, loopback(family));
    const e = sysErrorOf(() => accept(fd));
    expect(e.errno).toBe(ERRNO.EINVAL);
    expect(e.message).toBe('[Errno 22] Invalid argument');
  });

  it('fails with EAGAIN when nothing is waiting, for recv and accept', async () => {
    const { server, conn } = await tcpConnection(t, family);
    const e = sysErrorOf(() => recv(conn, 1024));
    expect(e.errno).toBe(ERRNO.EAGAIN);
    expect(e.message).toBe('[Errno 11] Resource temporarily unavailable');
    expect(sysErrorOf(() => accept(server)).errno).toBe(ERRNO.EAGAIN);
  });

  it('fails a send with EPIPE once the peer has closed', async () => {
    const { client, conn } = await tcpConnection(t, family);
    t.close(conn);
    let error: unknown = null;
    // The first send may still be accepted (the peer answers it with a reset); a later one fails.
    for (let i = 0; i < 100 && error === null; i++) {
      try {
        send(client, Buffer.from('ping'));
        await defaultReactor().wait(client, SYS.POLLERR | SYS.POLLHUP, { timeoutMs: 50 });
      } catch (e) {
        error = e;
      }
    }
    expect(error).toBeInstanceOf(SysError);
    expect((error as SysError).errno).toBe(ERRNO.EPIPE);
    expect((error as SysError).message).toBe('[Errno 32] Broken pipe');
  });

  it('fails recv with ECONNRESET after the peer resets with SO_LINGER {1, 0}', async () => {
    const { client, conn } = await tcpConnection(t, family);
    setsockoptBytes(conn, SYS.SOL_SOCKET, SYS.SO_LINGER, lingerBytes(true, 0));
    expect(getsockoptBytes(conn, SYS.SOL_SOCKET, SYS.SO_LINGER, 8)).toEqual(lingerBytes(true, 0));
    t.close(conn);
    await waitFor(client, SYS.POLLIN);
    const e = sysErrorOf(() => recv(client, 1024));
    expect(e.errno).toBe(ERRNO.ECONNRESET);
    expect(e.message).toBe('[Errno 104] Connection reset by peer');
  });

  it('counts unread and unsent bytes', async () => {
    const { client, conn } = await tcpConnection(t, family);
    expect(unreadBytes(conn)).toBe(0);
    expect(unsentBytes(client)).toBe(0);
    send(client, Buffer.from('12345'));
    await waitFor(conn, SYS.POLLIN);
    expect(unreadBytes(conn)).toBe(5);
    recv(conn, 2);
    expect(unreadBytes(conn)).toBe(3);
  });

  it('sets and reads socket options', async () => {
    const fd = t.socket(family, SYS.SOCK_STREAM);
    expect(getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_REUSEADDR)).toBe(0);
    setsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_REUSEADDR, 1);
    expect(getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_REUSEADDR)).toBe(1);
    setsockoptInt(fd, SYS.IPPROTO_TCP, SYS.TCP_NODELAY, 1);
    expect(getsockoptInt(fd, SYS.IPPROTO_TCP, SYS.TCP_NODELAY)).toBe(1);
    setsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_RCVBUF, 8192);
    // The kernel doubles the value to leave room for its bookkeeping.
    expect(getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_RCVBUF)).toBe(16384);
    expect(getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_DOMAIN)).toBe(family);
    expect(getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_ACCEPTCONN)).toBe(0);
    listen(fd, 1);
    expect(getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_ACCEPTCONN)).toBe(1);
    expect(getsockoptBytes(fd, SYS.IPPROTO_TCP, SYS.TCP_INFO, 256).length).toBeGreaterThan(100);
    expect(getsockoptBytes(fd, SYS.SOL_SOCKET, SYS.SO_REUSEADDR, 4)).toEqual(Buffer.from([1, 0, 0, 0]));
    expect(sysErrorOf(() => getsockoptInt(fd, SYS.SOL_SOCKET, 9999)).errno).toBe(ERRNO.ENOPROTOOPT);
  });
});

describe('TCP on both families', () => {
  it('an IPv6 socket with IPV6_V6ONLY off accepts an IPv4 client as ::ffff:127.0.0.1', async () => {
    const server = t.socket(10, SYS.SOCK_STREAM);
    setsockoptInt(server, SYS.IPPROTO_IPV6, SYS.IPV6_V6ONLY, 0);
    bind(server, { family: 10, host: '::', port: 0, flowinfo: 0, scopeId: 0 });
    listen(server, 1);
    const port = (getsockname(server) as { port: number }).port;
    const client = t.socket(2, SYS.SOCK_STREAM);
    expect(sysErrorOf(() => connect(client, { family: 2, host: '127.0.0.1', port })).errno).toBe(ERRNO.EINPROGRESS);
    await waitFor(server, SYS.POLLIN);
    const { fd, addr } = accept(server);
    t.track(fd);
    expect(addr).toMatchObject({ family: 10, host: '::ffff:127.0.0.1' });
  });
});

describe('bad input', () => {
  it('gets clear errors, never a crash', () => {
    expect(sysErrorOf(() => t.socket(99, SYS.SOCK_STREAM)).errno).toBe(ERRNO.EAFNOSUPPORT);
    expect(sysErrorOf(() => recv(-1, 10)).errno).toBe(ERRNO.EBADF);
    expect(sysErrorOf(() => send(1.5, Buffer.from('x'))).errno).toBe(ERRNO.EBADF);
    const fd = t.socket(2, SYS.SOCK_STREAM);
    expect(() => recv(fd, -1)).toThrow(RangeError);
    expect(() => recv(fd, Number.NaN)).toThrow('recv size must be a non-negative integer, got NaN');
    expect(() => setsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_REUSEADDR, 2 ** 40)).toThrow(RangeError);
    expect(() => listen(fd, 2 ** 40)).toThrow('backlog must be a 32-bit integer');
    expect(() => getsockoptBytes(fd, SYS.SOL_SOCKET, SYS.SO_LINGER, -1)).toThrow(RangeError);
    expect(() => bind(fd, { family: 2, host: 'localhost', port: 80 })).toThrow('not a numeric IPv4 address');
    expect(sysErrorOf(() => shutdown(fd, SYS.SHUT_RDWR)).errno).toBe(ERRNO.ENOTCONN);
  });
});

describe('gethostname', () => {
  it("is the machine's name", () => {
    expect(gethostname()).toBe(hostname());
  });
});
