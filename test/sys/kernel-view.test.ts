import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  ERRNO,
  SYS,
  bind,
  connect,
  getsockname,
  parseProcNet,
  probeFd,
  readProcNet,
  sameAddr,
  send,
  sendto,
  socketInode,
  type ProcSocket,
  type SockAddr,
} from '../../src/sys/index';
import { FAMILIES, FdTracker, connectTo, listener, loopback, sysErrorOf, tcpConnection, waitFor } from './helpers';

const t = new FdTracker();
afterEach(() => t.closeAll());

const dir = mkdtempSync(join(tmpdir(), 'socklab-view-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The /proc/net row for a connection, looked up again until `accept` says yes (bounded). */
async function procRow(
  local: SockAddr,
  remote: SockAddr,
  accept: (row: ProcSocket | undefined) => boolean,
): Promise<ProcSocket | undefined> {
  let row: ProcSocket | undefined;
  for (let i = 0; i < 100; i++) {
    row = readProcNet(['tcp', 'tcp6']).find((r) => sameAddr(r.local, local) && sameAddr(r.remote, remote));
    if (accept(row)) return row;
    await pause(10);
  }
  return row;
}

describe.each(FAMILIES)('the kernel view over %s', (_name, family) => {
  const tcpProto = family === 2 ? 'tcp' : 'tcp6';

  it('shows a fresh TCP socket as CLOSE, with no address yet', () => {
    const fd = t.socket(family, SYS.SOCK_STREAM);
    const view = probeFd(fd);
    expect(view).toMatchObject({ fd, family, type: SYS.SOCK_STREAM, tcpState: 'CLOSE', remote: null, unread: 0 });
    expect(view.local).toMatchObject({ family, port: 0 });
    expect(probeFd(fd, SYS.SOCK_STREAM)).toEqual(view);
  });

  it('reads the same view when the caller says the type, for sockets with a port', async () => {
    const server = listener(t, family, 5);
    const { client, conn } = await tcpConnection(t, family);
    const udp = t.socket(family, SYS.SOCK_DGRAM);
    bind(udp, loopback(family, 0));
    for (const [fd, type] of [[server, SYS.SOCK_STREAM], [client, SYS.SOCK_STREAM], [conn, SYS.SOCK_STREAM], [udp, SYS.SOCK_DGRAM]] as const) {
      expect(probeFd(fd, type)).toEqual(probeFd(fd));
    }
  });

  it('shows LISTEN with 2 connections waiting and backlog 5, in TCP_INFO and in /proc', async () => {
    const server = listener(t, family, 5);
    const addr = getsockname(server)!;
    await connectTo(t, family, addr);
    await connectTo(t, family, addr);
    await waitFor(server, SYS.POLLIN);
    let view = probeFd(server);
    for (let i = 0; i < 100 && view.acceptQueue !== 2; i++) {
      await pause(10);
      view = probeFd(server);
    }
    expect(view).toMatchObject({ tcpState: 'LISTEN', acceptQueue: 2, backlog: 5, local: addr, remote: null });
    expect(view.unsent).toBeUndefined();
    const row = readProcNet([tcpProto]).find((r) => r.inode === socketInode(server));
    // /proc shows the accept queue; the backlog is only in TCP_INFO (and netlink), not in tx_queue.
    expect(row).toMatchObject({ proto: tcpProto, state: 'LISTEN', rxQueue: 2, txQueue: 0, local: addr });
    expect(row!.uid).toBe(process.getuid!());
  });

  it('shows ESTABLISHED with 5 unread bytes, in TCP_INFO/FIONREAD and in /proc', async () => {
    const { client, conn } = await tcpConnection(t, family);
    send(client, Buffer.from('12345'));
    await waitFor(conn, SYS.POLLIN);
    const view = probeFd(conn);
    expect(view).toMatchObject({ tcpState: 'ESTABLISHED', unread: 5, unsent: 0 });
    expect(view.local).toEqual(getsockname(conn));
    expect(view.remote).toEqual(getsockname(client));
    expect(probeFd(client)).toMatchObject({ tcpState: 'ESTABLISHED', unread: 0, unsent: 0 });
    const row = readProcNet([tcpProto]).find((r) => r.inode === socketInode(conn));
    expect(row).toMatchObject({ state: 'ESTABLISHED', rxQueue: 5, txQueue: 0 });
    expect(sameAddr(row!.remote, getsockname(client))).toBe(true);
  });

  it('shows CLOSE_WAIT after the peer closed', async () => {
    const { client, conn } = await tcpConnection(t, family);
    t.close(client);
    await waitFor(conn, SYS.POLLIN);
    expect(probeFd(conn).tcpState).toBe('CLOSE_WAIT');
  });

  it('finds the active closer in /proc/net in FIN_WAIT2, then TIME_WAIT with no inode', async () => {
    const { client, conn } = await tcpConnection(t, family);
    const clientAddr = getsockname(client)!;
    const serverAddr = getsockname(conn)!;
    t.close(client);
    const finWait = await procRow(clientAddr, serverAddr, (r) => r?.state === 'FIN_WAIT2');
    expect(finWait).toMatchObject({ proto: tcpProto, state: 'FIN_WAIT2' });
    t.close(conn);
    const timeWait = await procRow(clientAddr, serverAddr, (r) => r?.state === 'TIME_WAIT');
    expect(timeWait).toMatchObject({ proto: tcpProto, state: 'TIME_WAIT', inode: 0, rxQueue: 0, txQueue: 0 });
  });

  it('shows UDP unread bytes, UNCONN before connect and ESTABLISHED after', async () => {
    const a = t.socket(family, SYS.SOCK_DGRAM);
    const b = t.socket(family, SYS.SOCK_DGRAM);
    bind(a, loopback(family));
    bind(b, loopback(family));
    sendto(a, Buffer.from('hello'), getsockname(b)!);
    await waitFor(b, SYS.POLLIN);
    const view = probeFd(b);
    expect(view).toMatchObject({ type: SYS.SOCK_DGRAM, unread: 5, remote: null });
    expect(view.tcpState).toBeUndefined();
    const udpProto = family === 2 ? 'udp' : 'udp6';
    const before = readProcNet([udpProto]).find((r) => r.inode === socketInode(b));
    expect(before).toMatchObject({ proto: udpProto, state: 'UNCONN' });
    expect(before!.rxQueue).toBeGreaterThan(0);
    connect(b, getsockname(a)!);
    const after = readProcNet([udpProto]).find((r) => r.inode === socketInode(b));
    expect(after).toMatchObject({ state: 'ESTABLISHED' });
    expect(sameAddr(after!.remote, getsockname(a))).toBe(true);
  });
});

describe('probeFd and socketInode on other fds', () => {
  it('probes an AF_UNIX socket without TCP fields', () => {
    const fd = t.socket(SYS.AF_UNIX, SYS.SOCK_STREAM);
    bind(fd, { family: 1, path: join(dir, 'view.sock') });
    const view = probeFd(fd);
    expect(view).toEqual({ fd, family: 1, type: SYS.SOCK_STREAM, local: { family: 1, path: join(dir, 'view.sock') }, remote: null, unread: 0, listening: false, connected: false });
  });

  it('fails with EBADF for a closed fd and ENOTSOCK for a file; a file has no socket inode', () => {
    const fd = t.socket(2, SYS.SOCK_STREAM);
    const inode = socketInode(fd);
    expect(inode).toBeGreaterThan(0);
    t.close(fd);
    expect(sysErrorOf(() => probeFd(fd)).errno).toBe(ERRNO.EBADF);
    expect(sysErrorOf(() => probeFd(fd, SYS.SOCK_STREAM)).errno).toBe(ERRNO.EBADF);
    expect(sysErrorOf(() => socketInode(fd)).errno).toBe(ERRNO.EBADF);
    expect(sysErrorOf(() => probeFd(-3)).errno).toBe(ERRNO.EBADF);
    const file = openSync(join(dir, 'plain.txt'), 'w');
    try {
      expect(sysErrorOf(() => probeFd(file)).errno).toBe(ERRNO.ENOTSOCK);
      expect(sysErrorOf(() => probeFd(file, SYS.SOCK_STREAM)).errno).toBe(ERRNO.ENOTSOCK);
      expect(socketInode(file)).toBeNull();
    } finally {
      closeSync(file);
    }
  });
});

describe('parseProcNet', () => {
  it("reads /proc/net/tcp's format: little-endian words for addresses, big-endian ports, hex queues", () => {
    const text = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 0100007F:270F 00000000:0000 0A 00000000:00000002 00:00000000 00000000  1000        0 4242 1 0000000000000000 100 0 0 10 0',
      '   1: 0100007F:270F 0100007F:D3A0 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000000000000',
      '   2: garbage',
      '',
    ].join('\n');
    expect(parseProcNet('tcp', text)).toEqual([
      {
        proto: 'tcp',
        local: { family: 2, host: '127.0.0.1', port: 9999 },
        remote: { family: 2, host: '0.0.0.0', port: 0 },
        state: 'LISTEN',
        txQueue: 0,
        rxQueue: 2,
        uid: 1000,
        inode: 4242,
      },
      {
        proto: 'tcp',
        local: { family: 2, host: '127.0.0.1', port: 9999 },
        remote: { family: 2, host: '127.0.0.1', port: 54176 },
        state: 'TIME_WAIT',
        txQueue: 0,
        rxQueue: 0,
        uid: 0,
        inode: 0,
      },
    ]);
  });

  it('reads IPv6 addresses and UDP states', () => {
    const text = [
      '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops',
      '  1: 00000000000000000000000001000000:1F90 0000000000000000FFFF00000100007F:0050 07 00000000:00000340 00:00000000 00000000     0        0 77 2 0000000000000000 0',
      '  2: 00000000000000000000000001000000:1F91 00000000000000000000000000000000:0000 01 00000000:00000000 00:00000000 00000000     0        0 78 2 0000000000000000 0',
    ].join('\n');
    const rows = parseProcNet('udp6', text);
    expect(rows.map((r) => [r.local, r.remote, r.state, r.rxQueue, r.inode])).toEqual([
      [
        { family: 10, host: '::1', port: 8080, flowinfo: 0, scopeId: 0 },
        { family: 10, host: '::ffff:127.0.0.1', port: 80, flowinfo: 0, scopeId: 0 },
        'UNCONN',
        0x340,
        77,
      ],
      [{ family: 10, host: '::1', port: 8081, flowinfo: 0, scopeId: 0 }, { family: 10, host: '::', port: 0, flowinfo: 0, scopeId: 0 }, 'ESTABLISHED', 0, 78],
    ]);
  });

  it('skips a file that is missing', () => {
    expect(() => readProcNet()).not.toThrow();
    expect(parseProcNet('tcp', '')).toEqual([]);
  });
});
