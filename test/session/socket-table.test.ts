// The sockets table read from the real kernel: queues, connections waiting for accept(), closed
// connections followed through TIME_WAIT, and the other end held by another program.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { SYS, accept, bind, connect, getsockname, listen, send, SysError, type SockAddr } from '../../src/sys';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SocketTable, type HeldSocket } from '../../src/session/socket-table';
import type { SocketRow } from '../../src/session/types';
import { FdTracker, listener, waitFor } from '../sys/helpers';

const t = new FdTracker();
const children: ChildProcess[] = [];
afterEach(() => {
  t.closeAll();
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

const held = (key: string, name: string, fd: number, owner: 'learner' | 'peer' = 'learner'): HeldSocket => ({ key, name, fd, owner });
const byKey = (rows: SocketRow[], key: string): SocketRow | undefined => rows.find((r) => r.key === key);

async function connected(port: number): Promise<number> {
  const fd = t.socket(SYS.AF_INET, SYS.SOCK_STREAM);
  try {
    connect(fd, { family: 2, host: '127.0.0.1', port });
  } catch (e) {
    if (!(e instanceof SysError) || e.code !== 'EINPROGRESS') throw e;
    await waitFor(fd, SYS.POLLOUT);
  }
  return fd;
}

/** Polls `read` until `ok` holds (the kernel moves a few microseconds behind our calls). */
async function eventually<T>(read: () => T, ok: (v: T) => boolean): Promise<T> {
  let value = read();
  for (let i = 0; i < 100 && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 20));
    value = read();
  }
  return value;
}

describe('SocketTable', () => {
  it('shows a fresh TCP socket with no address, in CLOSE', () => {
    const fd = t.socket(SYS.AF_INET, SYS.SOCK_STREAM);
    const [row] = new SocketTable().snapshot([held('L1', 's', fd)], []);
    expect(row).toMatchObject({ key: 'L1', name: 's', fd, proto: 'TCP', local: null, remote: null, state: 'CLOSE', unread: 0 });
  });

  it('shows a UDP socket as UNCONN with its address, IPv6 as UDP6', () => {
    const u4 = listener(t, 2, 0, SYS.SOCK_DGRAM);
    const u6 = listener(t, 10, 0, SYS.SOCK_DGRAM);
    const rows = new SocketTable().snapshot([held('L1', 'u', u4), held('L2', 'v', u6)], []);
    expect(rows[0]).toMatchObject({ proto: 'UDP', state: 'UNCONN', local: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    expect(rows[1]).toMatchObject({ proto: 'UDP6', state: 'UNCONN', local: expect.stringMatching(/^\[::1\]:\d+$/) });
  });

  it('counts connections waiting for accept() and shows them as kernel rows', async () => {
    const table = new SocketTable();
    const s = listener(t, 2, 5);
    const port = (getsockname(s) as { port: number }).port;
    const c1 = await connected(port);
    const c2 = await connected(port);
    const rows = await eventually(
      () => table.snapshot([held('L1', 's', s), held('P1', 'client 1', c1, 'peer'), held('P2', 'client 2', c2, 'peer')], []),
      (r) => byKey(r, 'L1')?.acceptQueue === 2,
    );
    expect(byKey(rows, 'L1')).toMatchObject({ state: 'LISTEN', acceptQueue: 2, backlog: 5 });
    const queued = rows.filter((r) => r.owner === 'kernel');
    expect(queued).toHaveLength(2);
    expect(queued[0]).toMatchObject({ name: 'waiting for s.accept()', state: 'ESTABLISHED', local: `127.0.0.1:${port}` });

    const conn = t.track(accept(s).fd);
    const after = table.snapshot([held('L1', 's', s), held('L2', 'conn', conn), held('P1', 'client 1', c1, 'peer'), held('P2', 'client 2', c2, 'peer')], []);
    expect(byKey(after, 'L1')?.acceptQueue).toBe(1);
    expect(after.filter((r) => r.owner === 'kernel')).toHaveLength(1);
    expect(byKey(after, 'L2')).toMatchObject({ state: 'ESTABLISHED', local: `127.0.0.1:${port}` });
  });

  it('does not take a held client stuck in SYN_SENT behind a full queue for another program', async () => {
    const table = new SocketTable();
    const s = listener(t, 2, 0); // backlog 0: Linux queues one connection, then drops SYNs
    const port = (getsockname(s) as { port: number }).port;
    const first = await connected(port);
    const late = t.socket(SYS.AF_INET, SYS.SOCK_STREAM);
    try {
      connect(late, { family: 2, host: '127.0.0.1', port });
    } catch (e) {
      if (!(e instanceof SysError) || e.code !== 'EINPROGRESS') throw e;
    }
    const heldNow = [held('L1', 's', s), held('P1', 'crowd', first, 'peer'), held('P2', 'crowd #2', late, 'peer')];
    const rows = await eventually(
      () => table.snapshot(heldNow, []),
      (r) => byKey(r, 'L1')?.acceptQueue === 1 && byKey(r, 'P2')?.state === 'SYN_SENT',
    );
    expect(byKey(rows, 'P2')).toMatchObject({ state: 'SYN_SENT', remote: null });
    expect(rows.filter((r) => r.owner === 'outside')).toEqual([]);
    expect(rows.filter((r) => r.owner === 'kernel')).toHaveLength(1);
  });

  it('follows a closed connection through FIN_WAIT2 and TIME_WAIT', async () => {
    const table = new SocketTable();
    const s = listener(t, 2);
    const port = (getsockname(s) as { port: number }).port;
    const client = await connected(port);
    await waitFor(s, SYS.POLLIN);
    const conn = t.track(accept(s).fd);
    const local = getsockname(conn) as SockAddr;
    const remote = getsockname(client) as SockAddr;
    const heldNow = [held('L1', 's', s), held('P1', 'client', client, 'peer')];

    t.close(conn); // the server closes first: it is the side that ends in TIME_WAIT
    const closedRows = table.snapshot(heldNow, [
      { key: 'L2', name: 'conn', owner: 'learner', family: 2, type: SYS.SOCK_STREAM, local, remote },
    ]);
    expect(byKey(closedRows, 'L2')).toMatchObject({ state: 'CLOSED', closed: true, fd: null });
    const kernelKey = `K:${local.family === 2 ? `127.0.0.1:${port}` : ''}>127.0.0.1:${(remote as { port: number }).port}`;
    const waiting = await eventually(() => table.snapshot(heldNow, []), (r) => byKey(r, kernelKey)?.state === 'FIN_WAIT2');
    expect(byKey(waiting, kernelKey)).toMatchObject({ owner: 'kernel', name: 'conn', state: 'FIN_WAIT2' });
    expect(byKey(waiting, 'P1')?.state).toBe('CLOSE_WAIT');

    t.close(client);
    const timeWait = await eventually(() => table.snapshot([held('L1', 's', s)], []), (r) => byKey(r, kernelKey)?.state === 'TIME_WAIT');
    expect(byKey(timeWait, kernelKey)).toMatchObject({ owner: 'kernel', state: 'TIME_WAIT', fd: null });
    expect(byKey(timeWait, 'L2')).toBeUndefined();
  });

  it('shows the other end of a connection held by another program', async () => {
    const table = new SocketTable();
    const s = listener(t, 2);
    const port = (getsockname(s) as { port: number }).port;
    const child = spawn('python3', ['-c', `import socket,sys\nc=socket.create_connection(('127.0.0.1',${port}))\nsys.stdout.write('up\\n');sys.stdout.flush()\nsys.stdin.read()\nc.recv(5)`], { stdio: ['pipe', 'pipe', 'inherit'] });
    children.push(child);
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    const pending = table.snapshot([held('L1', 's', s)], []);
    expect(pending.find((r) => r.owner === 'outside')).toMatchObject({ name: 'another program', state: 'ESTABLISHED', remote: `127.0.0.1:${port}` });

    const conn = t.track(accept(s).fd);
    send(conn, Buffer.from('hello'));
    const rows = await eventually(
      () => table.snapshot([held('L1', 's', s), held('L2', 'conn', conn)], []),
      (r) => r.find((x) => x.owner === 'outside')?.unread === 5,
    );
    const other = rows.find((r) => r.owner === 'outside');
    expect(other).toMatchObject({ name: 'other end of conn', state: 'ESTABLISHED', local: byKey(rows, 'L2')!.remote, unread: 5 });

    child.stdin!.end(); // the program reads what we sent and exits: its end closes, ours sees CLOSE_WAIT
    const gone = await eventually(
      () => table.snapshot([held('L1', 's', s), held('L2', 'conn', conn)], []),
      (r) => byKey(r, 'L2')?.state === 'CLOSE_WAIT',
    );
    expect(byKey(gone, 'L2')?.state).toBe('CLOSE_WAIT');
    expect(gone.find((r) => r.name === 'other end of conn')).toMatchObject({ owner: 'kernel', state: 'FIN_WAIT2' });
  });

  it('skips an fd that was closed behind its back', () => {
    const fd = t.socket(SYS.AF_INET, SYS.SOCK_STREAM);
    t.close(fd);
    expect(new SocketTable().snapshot([held('L1', 's', fd)], [])).toEqual([]);
  });

  it('shows AF_UNIX stream sockets listening and connected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socklab-table-'));
    try {
      const path = join(dir, 'u.sock');
      const server = t.socket(SYS.AF_UNIX, SYS.SOCK_STREAM);
      bind(server, { family: 1, path });
      listen(server, 5);
      const client = t.socket(SYS.AF_UNIX, SYS.SOCK_STREAM);
      connect(client, { family: 1, path });
      const conn = t.track(accept(server).fd);
      const rows = new SocketTable().snapshot([held('L1', 's', server), held('L2', 'c', client), held('L3', 'conn', conn)], []);
      expect(rows.map((r) => [r.name, r.proto, r.state])).toEqual([
        ['s', 'UNIX', 'LISTEN'],
        ['c', 'UNIX', 'ESTABLISHED'],
        ['conn', 'UNIX', 'ESTABLISHED'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a refused connection in CLOSE without a stale unsent count', async () => {
    const s = listener(t, 2);
    const port = (getsockname(s) as { port: number }).port;
    t.close(s);
    const fd = await connected(port);
    const [row] = new SocketTable().snapshot([held('L1', 'c', fd)], []);
    expect(row).toMatchObject({ state: 'CLOSE' });
    expect(row!.unsent).toBeUndefined();
  });
});
