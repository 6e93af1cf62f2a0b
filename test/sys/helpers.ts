// Real loopback sockets for the sys/ tests, each one tracked so afterEach closes it.
import { expect } from 'vitest';
import {
  SYS,
  SysError,
  accept,
  bind,
  close,
  connect,
  defaultReactor,
  getsockname,
  listen,
  socket,
  type SockAddr,
} from '../../src/sys/index';

/** Long enough for a loaded machine, short enough that a hang fails the test instead of the run. */
export const WAIT_MS = 5000;

export class FdTracker {
  private readonly fds = new Set<number>();

  track(fd: number): number {
    this.fds.add(fd);
    return fd;
  }

  socket(family: number, type: number, proto = 0): number {
    return this.track(socket(family, type, proto));
  }

  /** Closes it now (and forgets it, so afterEach does not close a reused number). */
  close(fd: number): void {
    this.fds.delete(fd);
    close(fd);
  }

  closeAll(): void {
    for (const fd of this.fds) {
      try {
        close(fd);
      } catch {
        // Already closed by the test itself.
      }
    }
    this.fds.clear();
  }
}

export type InetFamily = 2 | 10;

export function loopback(family: InetFamily, port = 0): SockAddr {
  return family === 2
    ? { family: 2, host: '127.0.0.1', port }
    : { family: 10, host: '::1', port, flowinfo: 0, scopeId: 0 };
}

/** The SysError `fn` throws (the test fails if it throws something else or nothing). */
export function sysErrorOf(fn: () => unknown): SysError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SysError);
    return e as SysError;
  }
  throw new Error('expected a SysError, nothing was thrown');
}

export async function waitFor(fd: number, events: number): Promise<number> {
  const result = await defaultReactor().wait(fd, events, { timeoutMs: WAIT_MS });
  if (result === 'timeout') throw new Error(`fd ${fd} did not become ready`);
  return result;
}

export function listener(t: FdTracker, family: InetFamily, backlog = 5, type = SYS.SOCK_STREAM): number {
  const fd = t.socket(family, type);
  bind(fd, loopback(family));
  if (type === SYS.SOCK_STREAM) listen(fd, backlog);
  return fd;
}

/** Starts a non-blocking connect and waits until the handshake is done (or failed). */
export async function connectTo(t: FdTracker, family: InetFamily, to: SockAddr): Promise<number> {
  const fd = t.socket(family, SYS.SOCK_STREAM);
  try {
    connect(fd, to);
  } catch (e) {
    if (!(e instanceof SysError) || e.errno !== 115) throw e;
    await waitFor(fd, SYS.POLLOUT);
  }
  return fd;
}

export interface Connection {
  server: number;
  client: number;
  conn: number;
}

/** A listener, a connected client, and the accepted server side. */
export async function tcpConnection(t: FdTracker, family: InetFamily): Promise<Connection> {
  const server = listener(t, family);
  const client = await connectTo(t, family, getsockname(server)!);
  await waitFor(server, SYS.POLLIN);
  const conn = t.track(accept(server).fd);
  return { server, client, conn };
}

export const FAMILIES: [string, InetFamily][] = [
  ['IPv4', 2],
  ['IPv6', 10],
];
