import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  SYS,
  bind,
  closeSockDiag,
  findTcpConnection,
  getsockname,
  listSockets,
  readProcNet,
  sendto,
  socketInode,
  type ProcSocket,
  type SockAddr,
} from '../../src/sys/index';
import { FAMILIES, FdTracker, connectTo, listener, loopback, tcpConnection, waitFor } from './helpers';

const t = new FdTracker();
afterEach(() => t.closeAll());
afterAll(() => closeSockDiag());

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Looks the connection up again until it reaches `state` (bounded). */
async function untilState(local: SockAddr, remote: SockAddr, state: string): Promise<ProcSocket | null> {
  let found = findTcpConnection(local, remote);
  for (let i = 0; i < 100 && found?.state !== state; i++) {
    await pause(10);
    found = findTcpConnection(local, remote);
  }
  return found;
}

describe.each(FAMILIES)('sock_diag over %s', (_name, family) => {
  const tcp = family === 2 ? 'tcp' : 'tcp6';
  const udp = family === 2 ? 'udp' : 'udp6';

  it('lists the same sockets as /proc/net, with the backlog of a listener', async () => {
    const server = listener(t, family, 5);
    await connectTo(t, family, getsockname(server)!);
    await waitFor(server, SYS.POLLIN);
    const u = t.socket(family, SYS.SOCK_DGRAM);
    bind(u, loopback(family));
    sendto(u, Buffer.from('abc'), getsockname(u)!);
    await waitFor(u, SYS.POLLIN);
    const inodes = new Set([socketInode(server), socketInode(u)]);
    const mine = (rows: ProcSocket[]) =>
      rows.filter((r) => inodes.has(r.inode)).sort((a, b) => a.inode - b.inode);
    const viaNetlink = mine(listSockets([tcp, udp]));
    const viaProc = mine(readProcNet([tcp, udp]));
    expect(viaNetlink).toHaveLength(2);
    // /proc has no backlog column (its tx_queue is 0 for a listener); netlink gives it.
    expect(viaNetlink.map((r) => ({ ...r, txQueue: r.state === 'LISTEN' ? 0 : r.txQueue }))).toEqual(viaProc);
    expect(viaNetlink.find((r) => r.state === 'LISTEN')).toMatchObject({ rxQueue: 1, txQueue: 5 });
    expect(viaNetlink.find((r) => r.proto === udp)).toMatchObject({ state: 'UNCONN' });
  });

  it('follows a closed connection through FIN_WAIT2 and TIME_WAIT by its addresses', async () => {
    const { client, conn } = await tcpConnection(t, family);
    const local = getsockname(client)!;
    const remote = getsockname(conn)!;
    expect(findTcpConnection(local, remote)).toMatchObject({
      proto: tcp,
      state: 'ESTABLISHED',
      local,
      inode: socketInode(client),
    });
    t.close(client);
    expect(await untilState(local, remote, 'FIN_WAIT2')).toMatchObject({ state: 'FIN_WAIT2', inode: 0 });
    t.close(conn);
    expect(await untilState(local, remote, 'TIME_WAIT')).toMatchObject({ state: 'TIME_WAIT', inode: 0 });
  });

  it('gives null for a connection the kernel does not have', () => {
    const server = listener(t, family);
    const local = getsockname(server)!;
    expect(findTcpConnection(local, loopback(family, 1))).toBeNull();
    const wildcard: SockAddr =
      family === 2 ? { family: 2, host: '0.0.0.0', port: 0 } : { family: 10, host: '::', port: 0, flowinfo: 0, scopeId: 0 };
    expect(findTcpConnection(local, wildcard)).toMatchObject({ state: 'LISTEN', inode: socketInode(server) });
  });
});

describe('findTcpConnection input', () => {
  it('rejects addresses that cannot name a TCP connection', () => {
    expect(() => findTcpConnection({ family: 1, path: '/x' }, { family: 1, path: '/y' })).toThrow(TypeError);
    expect(() => findTcpConnection(loopback(2, 1), loopback(10, 1))).toThrow(TypeError);
    expect(() => findTcpConnection({ family: 2, host: 'localhost', port: 1 }, loopback(2, 1))).toThrow(
      'not a numeric IPv4 address',
    );
  });
});
