// The tcp-client peer driven by actions, against the learner's server done by sys/ calls.
import { describe, expect, it } from 'vitest';
import { ERRNO, SYS, accept, bind, getsockname, listen, probeFd, recv, unreadBytes, type SockAddr } from '../../src/sys/index';
import {
  act,
  addr,
  block,
  bytesOf,
  eventMatching,
  eventually,
  latin1,
  learnerReadUntil,
  learnerRecv,
  learnerSendAll,
  peerTestKit,
  tcpClient,
  texts,
  untilEnd,
  waitFor,
} from './helpers';

const { t, hosts } = peerTestKit();

const str = latin1;

/** The learner's server on the lesson's PORT, and the client peer. */
async function setup(backlog = 5, limits = {}) {
  const { host, port } = await hosts.create([tcpClient()], { limits });
  const server = t.socket(2, SYS.SOCK_STREAM);
  bind(server, addr(port));
  listen(server, backlog);
  return { host, port, server };
}

async function acceptOne(server: number): Promise<number> {
  await waitFor(server, SYS.POLLIN);
  return t.track(accept(server).fd);
}

describe('tcp-client peer', () => {
  it('is inert until an action drives it', async () => {
    const { host } = await setup();
    await host.start();
    expect(host.held()).toEqual([]);
    expect(host.state('client')).toBe('CLOSED');
    expect(host.connections('client')).toBe(0);
  });

  it('connect waits for the handshake and says where from', async () => {
    const { host, port, server } = await setup();
    await host.run(block(act.connect('client')));
    expect(host.state('client')).toBe('ESTABLISHED');
    expect(host.connections('client')).toBe(1);
    expect(host.held()).toEqual([{ key: expect.any(String), name: 'client', owner: 'peer', fd: expect.any(Number), type: SYS.SOCK_STREAM }]);
    const conn = await acceptOne(server);
    const from = probeFd(conn).remote as SockAddr & { port: number };
    expect(texts(host)).toContain(`client connected to 127.0.0.1:${port} from 127.0.0.1:${from.port}`);
  });

  it('connect count=3 opens three connections at once: client, client #2, client #3', async () => {
    const { host, server } = await setup();
    await host.run(block(act.connect('client', 3)));
    expect(host.held().map((h) => h.name)).toEqual(['client', 'client #2', 'client #3']);
    expect(host.connections('client')).toBe(3);
    expect(probeFd(server).acceptQueue).toBe(3);
  });

  it('a refused connect is logged and its socket closed', async () => {
    const { host, port, server } = await setup();
    t.close(server);
    await host.run(block(act.connect('client')));
    expect(texts(host)).toContain(`client could not connect to 127.0.0.1:${port}: [Errno 111] Connection refused`);
    expect(host.held()).toEqual([]);
    expect(host.takeClosed()).toMatchObject([{ name: 'client', remote: { host: '127.0.0.1', port } }]);
    expect(host.state('client')).toBe('CLOSED');
  });

  it('connect to a port the lesson lacks is an error in the log, not a throw', async () => {
    const { host } = await setup();
    await host.run(block(act.connect('client', 1, 'PORT3')));
    expect(host.log().at(-1)).toMatchObject({ kind: 'error', text: 'client cannot connect: this lesson has no PORT3' });
  });

  it('with the accept queue full, extra clients stay in SYN_SENT: the action ends at its bound, and the kernel completes them later', async () => {
    const { host, server } = await setup(1);
    await host.run(block(act.connect('client', 4)));
    // backlog 1: two handshakes complete; the other two SYNs are dropped and retried by the kernel.
    expect(host.connections('client')).toBe(2);
    expect(host.state('client')).toBe('SYN_SENT');
    expect(host.log().filter((e) => e.kind === 'timeout').map((e) => e.text)).toEqual([
      expect.stringMatching(/^client #[34] is still connecting to 127\.0\.0\.1:\d+: no answer yet \(a full accept queue leaves it in SYN_SENT\)$/),
      expect.stringMatching(/^client #[34] is still connecting/),
    ]);
    await acceptOne(server);
    await acceptOne(server);
    expect(await eventually(() => host.connections('client'), (n) => n === 4, 400)).toBe(4);
    expect(host.state('client')).toBe('ESTABLISHED');
    await eventMatching(host, /^client #[34] connected to /);
  });

  it('send() is one send: a partial count is recorded when the buffers are full', async () => {
    const { host, server } = await setup();
    await host.run(block(act.connect('client')));
    const conn = await acceptOne(server);
    const big = new Uint8Array(32 << 20).fill(0x61);
    await host.run(block(act.send('client', big)));
    const event = host.log().at(-1)!;
    const m = /^client sent (\d+) of 33554432 bytes \(send\(\) took what fit\): b'a+'\.\.\. \(\d+ bytes\)$/.exec(event.text);
    expect(m).not.toBeNull();
    const sent = Number(m![1]);
    expect(sent).toBeLessThan(big.length);
    expect((await learnerReadUntil(conn, (all) => all.length >= sent)).length).toBe(sent);
  });

  it('sendall() sends everything while the learner reads', async () => {
    const { host, server } = await setup();
    await host.run(block(act.connect('client')));
    const conn = await acceptOne(server);
    const big = new Uint8Array(8 << 20).fill(0x62);
    const [, got] = await Promise.all([host.run(block(act.sendall('client', big))), learnerReadUntil(conn, (all) => all.length >= big.length)]);
    expect(got.length).toBe(big.length);
    expect(host.log().at(-1)!.text).toBe(`client sent b'${'b'.repeat(80)}'... (8388608 bytes)`);
  });

  it('sendall() to a learner who never reads times out and says how much went out', async () => {
    const { host, server } = await setup(5, { sendStallMs: 200 });
    await host.run(block(act.connect('client')));
    await acceptOne(server);
    await host.run(block(act.sendall('client', new Uint8Array(32 << 20))));
    expect(host.log().at(-1)).toMatchObject({ kind: 'timeout' });
    expect(host.log().at(-1)!.text).toMatch(/^client timed out sending: \d+ of 33554432 bytes went out \(the other side is not reading\)$/);
  });

  it('recv() waits for the learner to send, and records what it read', async () => {
    const { host, server } = await setup();
    await host.run(block(act.connect('client')));
    const conn = await acceptOne(server);
    const running = host.run(block(act.recv('client', 1024)));
    await new Promise((r) => setTimeout(r, 50));
    await learnerSendAll(conn, bytesOf('Welcome!'));
    await running;
    expect(str(host.received('client'))).toBe('Welcome!');
    expect(host.log().at(-1)!.text).toBe("client received b'Welcome!'");
  });

  it('recv(max) reads at most max bytes', async () => {
    const { host, server } = await setup();
    await host.run(block(act.connect('client')));
    const conn = await acceptOne(server);
    await learnerSendAll(conn, bytesOf('abcdef'));
    await eventually(() => unreadBytes(host.held()[0]!.fd), (n) => n === 6);
    await host.run(block(act.recv('client', 4), act.recv('client', 4)));
    expect(texts(host).slice(-2)).toEqual(["client received b'abcd'", "client received b'ef'"]);
  });

  it("recv() times out when the learner never sends, and reports b'' when the learner closes", async () => {
    const { host, server } = await setup(5, { recvMs: 100 });
    await host.run(block(act.connect('client')));
    const conn = await acceptOne(server);
    await host.run(block(act.recv('client')));
    expect(host.log().at(-1)).toMatchObject({ kind: 'timeout', text: 'client timed out waiting for data' });
    t.close(conn);
    await host.run(block(act.recv('client')));
    expect(host.log().at(-1)!.text).toBe("client received b'': the other side closed its end");
    expect(host.state('client')).toBe('CLOSE_WAIT');
  });

  it("shutdown('write') makes the learner's recv return b''; 'read' and 'both' work too", async () => {
    const { host, server } = await setup();
    await host.run(block(act.connect('client', 2)));
    const a = await acceptOne(server);
    await acceptOne(server);
    await host.run(block(act.shutdown('client', 'write')));
    expect((await learnerRecv(a)).length).toBe(0);
    expect(await eventually(() => host.state('client'), (s) => s === 'FIN_WAIT2')).toBe('FIN_WAIT2');
    await host.run(block(act.shutdown('client', 'read'), act.shutdown('client', 'both')));
    expect(host.log().filter((e) => e.kind === 'shutdown')).toHaveLength(6);
    expect(texts(host)).toContain('client #2 shut down reading and writing on its connection to 127.0.0.1:' + (probeFd(server).local as { port: number }).port);
  });

  it('close() closes every connection: the learner reads b\'\', the table gets the closed sockets', async () => {
    const { host, server, port } = await setup();
    await host.run(block(act.connect('client')));
    const conn = await acceptOne(server);
    const local = probeFd(host.held()[0]!.fd).local;
    await host.run(block(act.close('client')));
    expect((await learnerRecv(conn)).length).toBe(0);
    expect(host.held()).toEqual([]);
    expect(host.takeClosed()).toEqual([
      { key: expect.any(String), name: 'client', owner: 'peer', family: 2, type: 1, local, remote: { family: 2, host: '127.0.0.1', port } },
    ]);
    expect(host.state('client')).toBe('CLOSED');
    // A new connection takes the name 'client' again.
    await host.run(block(act.connect('client')));
    expect(host.held().map((h) => h.name)).toEqual(['client']);
  });

  it('reset() closes with an RST: the learner gets ECONNRESET', async () => {
    const { host, server } = await setup();
    await host.run(block(act.connect('client')));
    const conn = await acceptOne(server);
    await host.run(block(act.reset('client')));
    await waitFor(conn, SYS.POLLIN);
    expect(() => recv(conn, 10)).toThrow(expect.objectContaining({ errno: ERRNO.ECONNRESET }));
  });

  it('flood() fills the buffers without waiting for the learner, and never blocks', async () => {
    const { host, server } = await setup();
    await host.run(block(act.connect('client')));
    const conn = await acceptOne(server);
    await host.run(block(act.flood('client', 64 << 20)));
    const text = host.log().at(-1)!.text;
    const m = /^client flooded (\d+) of 67108864 bytes of b'x': the buffers are full$/.exec(text);
    expect(m).not.toBeNull();
    expect(await eventually(() => unreadBytes(conn), (n) => n > 0)).toBeGreaterThan(0);
    const all = await learnerReadUntil(conn, (got) => got.length >= Number(m![1]));
    expect(all.length).toBe(Number(m![1]));
    expect(all.every((b) => b === 0x78)).toBe(true);
  });

  it('a send to a learner who reset the connection is an error in the log', async () => {
    const { host, server } = await setup();
    await host.run(block(act.connect('client')));
    const conn = await acceptOne(server);
    t.close(conn);
    await host.run(block(act.recv('client')));
    await host.run(block(act.send('client', 'a'), act.send('client', 'b')));
    expect(texts(host).at(-1)).toMatch(/^client could not send: \[Errno (32|104)\] (Broken pipe|Connection reset by peer)$/);
  });

  it('over IPv6 too', async () => {
    const { host, port } = await hosts.create([tcpClient()], { ipv6: true });
    const server = t.socket(10, SYS.SOCK_STREAM);
    bind(server, addr(port, 10));
    listen(server, 5);
    await host.run(block(act.connect('client', 1, 'PORT', '::1')));
    expect(texts(host)[0]).toMatch(new RegExp(`^client connected to \\[::1\\]:${port} from \\[::1\\]:\\d+$`));
    const conn = await acceptOne(server);
    await host.run(block(act.sendall('client', 'v6')));
    expect(str(await learnerReadUntil(conn, (all) => all.length >= 2))).toBe('v6');
    expect(getsockname(server)).toMatchObject({ family: 10 });
    await host.run(block(act.close('client')));
    expect((await untilEnd(conn)).length).toBe(0);
  });
});
