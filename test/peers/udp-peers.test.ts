// The udp-server and udp-client peers, the learner's side done by sys/ calls (curriculum P3, P6 UDP).
import { describe, expect, it } from 'vitest';
import { SYS, bind, getsockname, recvfrom, sendto, type SockAddr } from '../../src/sys/index';
import {
  act,
  addr,
  block,
  bytesOf,
  eventMatching,
  eventually,
  latin1,
  learnerUdp,
  peerTestKit,
  template,
  texts,
  udpClient,
  udpServer,
  waitFor,
} from './helpers';

const { t, hosts } = peerTestKit();

const str = latin1;

async function datagram(fd: number): Promise<{ data: string; from: SockAddr | null }> {
  await waitFor(fd, SYS.POLLIN);
  const got = recvfrom(fd, 65536);
  return { data: str(got.data), from: got.addr };
}

describe('udp-server peer', () => {
  it("answers each datagram to its sender: sendto(b'Hello, %s!' % data, addr) (P3)", async () => {
    const { host, port } = await hosts.create([udpServer({ name: 'hello', reply: template('Hello, {data}!') })]);
    await host.start();
    expect(host.state('hello')).toBe('UNCONN');
    expect(host.held().map((h) => h.name)).toEqual(['hello server']);
    const a = learnerUdp(t);
    const b = learnerUdp(t);
    sendto(a, bytesOf('Michael'), addr(port));
    sendto(b, bytesOf('Tracy'), addr(port));
    expect(await datagram(a)).toEqual({ data: 'Hello, Michael!', from: addr(port) });
    expect(await datagram(b)).toEqual({ data: 'Hello, Tracy!', from: addr(port) });
    expect(str(host.received('hello'))).toBe('MichaelTracy');
    const aPort = (getsockname(a) as { port: number }).port;
    expect(texts(host)).toContain(`hello server received b'Michael' from 127.0.0.1:${aPort}`);
    expect(texts(host)).toContain(`hello server sent b'Hello, Michael!' to 127.0.0.1:${aPort}`);
    expect(host.connections('hello')).toBe(0);
  });

  it('keeps each datagram whole, and truncates one longer than recv_size', async () => {
    const { host, port } = await hosts.create([udpServer({ name: 'upper', reply: template('{upper}'), recvSize: 4 })]);
    await host.start();
    const fd = learnerUdp(t);
    sendto(fd, bytesOf('abcdefgh'), addr(port));
    sendto(fd, bytesOf('xy'), addr(port));
    expect((await datagram(fd)).data).toBe('ABCD');
    expect((await datagram(fd)).data).toBe('XY');
    expect(str(host.received('upper'))).toBe('abcdxy');
  });

  it('only reads without a reply; sendto() sends from its own address; stop() closes its socket', async () => {
    const { host, port, ports } = await hosts.create([udpServer({ name: 'sink' })], { ports: 2 });
    await host.start();
    const fd = t.socket(2, SYS.SOCK_DGRAM);
    bind(fd, addr(ports.PORT2!));
    sendto(fd, bytesOf('ping'), addr(port));
    await eventMatching(host, /^sink server received b'ping' from /);
    await host.run(block(act.sendto('sink', 'pong', 'PORT2')));
    expect(await datagram(fd)).toEqual({ data: 'pong', from: addr(port) });
    expect(texts(host).filter((e) => e.startsWith('sink server sent'))).toEqual([`sink server sent b'pong' to 127.0.0.1:${ports.PORT2}`]);
    await host.run(block(act.stop('sink')));
    expect(host.state('sink')).toBe('CLOSED');
    expect(host.held()).toEqual([]);
    expect(host.takeClosed()).toMatchObject([{ name: 'sink server', type: SYS.SOCK_DGRAM, local: { port }, remote: null }]);
    await host.run(block(act.sendto('sink', 'late', 'PORT2')));
    expect(texts(host).at(-1)).toBe('sink server cannot sendto(): it is not running');
  });

  it('serves IPv6 on ::1', async () => {
    const { host, port } = await hosts.create([udpServer({ name: 'six', host: '::1', reply: template('v6 {data}') })], { ipv6: true });
    await host.start();
    const fd = learnerUdp(t, 10);
    sendto(fd, bytesOf('hi'), addr(port, 10));
    const got = await datagram(fd);
    expect(got.data).toBe('v6 hi');
    expect(got.from).toMatchObject({ family: 10, host: '::1', port });
  });
});

describe('udp-client peer', () => {
  /** The learner's UDP server on the lesson's PORT. */
  async function setup(limits = {}) {
    const { host, port } = await hosts.create([udpClient()], { limits });
    const server = t.socket(2, SYS.SOCK_DGRAM);
    bind(server, addr(port));
    return { host, port, server };
  }

  it('has no socket until its first sendto(); the datagram comes from a kernel-chosen port', async () => {
    const { host, server } = await setup();
    expect(host.held()).toEqual([]);
    expect(host.state('client')).toBe('CLOSED');
    await host.run(block(act.sendto('client', 'Michael')));
    const got = await datagram(server);
    expect(got.data).toBe('Michael');
    const peerSocket = host.held()[0]!;
    expect(peerSocket.name).toBe('client');
    // Unbound and unconnected, it sends from the wildcard address with a port the kernel picked.
    expect(getsockname(peerSocket.fd)).toEqual({ family: 2, host: '0.0.0.0', port: (got.from as { port: number }).port });
    expect(host.state('client')).toBe('UNCONN');
  });

  it('recv() reads the learner\'s answer into its record', async () => {
    const { host, server, port } = await setup();
    await host.run(block(act.sendto('client', 'Tracy')));
    const got = await datagram(server);
    sendto(server, bytesOf('Hello, Tracy!'), got.from!);
    await host.run(block(act.recv('client', 1024)));
    expect(str(host.received('client'))).toBe('Hello, Tracy!');
    expect(texts(host).at(-1)).toBe(`client received b'Hello, Tracy!' from 127.0.0.1:${port}`);
  });

  it('recv() before any socket, and recv() with nothing coming, are reported, not thrown', async () => {
    const { host } = await setup({ recvMs: 100 });
    await host.run(block(act.recv('client')));
    expect(host.log().at(-1)).toMatchObject({ kind: 'error', text: 'client has no socket yet: it has one once it has sent with sendto()' });
    await host.run(block(act.sendto('client', 'x'), act.recv('client')));
    expect(host.log().at(-1)).toMatchObject({ kind: 'timeout', text: 'client timed out waiting for data' });
  });

  it('a datagram to a port where nobody listens is lost: an unconnected socket hears no ICMP error', async () => {
    const { host, server } = await setup({ recvMs: 100 });
    t.close(server);
    await host.run(block(act.sendto('client', 'anyone?'), act.recv('client')));
    expect(host.log().at(-1)).toMatchObject({ kind: 'timeout', text: 'client timed out waiting for data' });
  });

  it('close() closes its socket; a port the lesson lacks is an error', async () => {
    const { host } = await setup();
    await host.run(block(act.sendto('client', 'x'), act.close('client'), act.sendto('client', 'y', 'PORT2')));
    expect(host.held()).toEqual([]);
    expect(host.takeClosed()).toMatchObject([{ name: 'client', type: SYS.SOCK_DGRAM }]);
    expect(texts(host).slice(-2)).toEqual(['client closed its socket', 'client cannot sendto(): this lesson has no PORT2']);
    expect(await eventually(() => host.state('client'), (s) => s === 'CLOSED')).toBe('CLOSED');
  });
});
