// Learners who do what no protocol expects: the servers survive, other clients are still served, and
// every wait ends.
import { describe, expect, it } from 'vitest';
import { SYS, lingerBytes, probeFd, setsockoptBytes, shutdown } from '../../src/sys/index';
import {
  bytesOf,
  eventMatching,
  eventually,
  httpServer,
  learnerConnect,
  learnerReadUntil,
  learnerSendAll,
  payload,
  peerTestKit,
  tcpServer,
  template,
  untilEnd,
} from './helpers';

const { t, hosts } = peerTestKit();

const REQUEST = bytesOf('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
const TEN_MB = 10 * 1024 * 1024;

async function started(spec: Parameters<typeof hosts.create>[0][number], limits = {}) {
  const made = await hosts.create([spec], { limits });
  await made.host.start();
  return made;
}

/** Closes the learner's socket with an RST. */
function resetByLearner(fd: number): void {
  setsockoptBytes(fd, SYS.SOL_SOCKET, SYS.SO_LINGER, lingerBytes(true, 0));
  t.close(fd);
}

describe('hostile learners', () => {
  it('a client that connects and never sends holds its slot, nothing more', async () => {
    const { host, port } = await started(tcpServer({ greeting: payload('hi'), maxClients: 1 }));
    const idle = await learnerConnect(t, port);
    const next = await learnerConnect(t, port);
    expect(await eventually(() => host.connections('hello'), (n) => n === 1)).toBe(1);
    t.close(idle);
    expect((await learnerReadUntil(next, (all) => all.length >= 2)).toString()).toBe('hi');
  });

  it('a web client that never sends does not keep others from being served', async () => {
    const { port } = await started(httpServer());
    await learnerConnect(t, port);
    const other = await learnerConnect(t, port);
    await learnerSendAll(other, REQUEST);
    expect((await untilEnd(other)).toString()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('10 MB at once: a reading server takes all of it', async () => {
    const { host, port } = await started(tcpServer({ name: 'sink' }));
    const fd = await learnerConnect(t, port);
    const data = new Uint8Array(TEN_MB).map((_, i) => i & 0xff);
    await learnerSendAll(fd, data);
    shutdown(fd, SYS.SHUT_WR);
    expect((await untilEnd(fd)).length).toBe(0);
    const got = host.received('sink');
    expect(got.length).toBe(TEN_MB);
    expect(Buffer.from(got).equals(Buffer.from(data))).toBe(true);
  });

  it('10 MB at once: an echo server answers every byte while the learner reads', async () => {
    const { port } = await started(tcpServer({ name: 'echo', reply: template('{data}'), encoding: 'latin-1', recvSize: 65536 }));
    const fd = await learnerConnect(t, port);
    const data = new Uint8Array(TEN_MB).map((_, i) => (i * 7) & 0xff);
    const [, echoed] = await Promise.all([learnerSendAll(fd, data), learnerReadUntil(fd, (all) => all.length >= TEN_MB)]);
    expect(Buffer.from(echoed).equals(Buffer.from(data))).toBe(true);
  });

  it('10 MB at once to the web server: it answers 431, and serves the next client', async () => {
    const { host, port } = await started(httpServer());
    const fd = await learnerConnect(t, port);
    // The server stops reading at 64 KiB: the rest may be refused with an RST. Either way it survives.
    await learnerSendAll(fd, new Uint8Array(TEN_MB).fill(0x41)).catch(() => undefined);
    await eventMatching(host, /^web server got a request head over 65536 bytes/);
    const next = await learnerConnect(t, port);
    await learnerSendAll(next, REQUEST);
    expect((await untilEnd(next)).toString()).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('a reset in the middle of a reply: the server logs it, drops the connection, serves the next client', async () => {
    const { host, port } = await started(
      tcpServer({ name: 'echo', reply: template('{data}{data}{data}{data}{data}{data}{data}{data}'), recvSize: 65536, encoding: 'latin-1' }),
    );
    const fd = await learnerConnect(t, port);
    // Replies eight times as large as the requests, never read: the server's send blocks.
    const sending = learnerSendAll(fd, new Uint8Array(4 << 20).fill(0x61)).catch(() => undefined);
    const conn = await eventually(() => host.held().find((h) => h.name.startsWith('echo server ←')), (h) => h !== undefined);
    await eventually(() => probeFd(conn!.fd).unsent ?? 0, (n) => n > 0);
    await eventually(() => probeFd(fd).unread, (n) => n > 100_000);
    resetByLearner(fd);
    await sending;
    await eventMatching(host, /^echo server (could not send to 127\.0\.0\.1:\d+: \[Errno (32|104)\]|lost the connection from 127\.0\.0\.1:\d+: \[Errno 104\])/);
    expect(await eventually(() => host.connections('echo'), (n) => n === 0)).toBe(0);
    const next = await learnerConnect(t, port);
    await learnerSendAll(next, bytesOf('z'));
    expect((await learnerReadUntil(next, (all) => all.length >= 8)).toString()).toBe('zzzzzzzz');
  });

  it('a client that never reads the replies: the server gives up at its bound and closes', async () => {
    const { host, port } = await started(
      tcpServer({ name: 'echo', reply: template('{data}{data}{data}{data}'), recvSize: 65536, encoding: 'latin-1' }),
      { sendStallMs: 200 },
    );
    const fd = await learnerConnect(t, port);
    await learnerSendAll(fd, new Uint8Array(2 << 20).fill(0x62)).catch(() => undefined);
    await eventMatching(host, /^echo server timed out sending to 127\.0\.0\.1:\d+ \(the client is not reading\): closing the connection$/);
    expect(await eventually(() => host.connections('echo'), (n) => n === 0)).toBe(0);
  });

  it("keeps at most the record limit of what a peer received, and says so once", async () => {
    const { host, port } = await started(tcpServer({ name: 'sink' }), { recordBytes: 1000 });
    const fd = await learnerConnect(t, port);
    await learnerSendAll(fd, new Uint8Array(5000).fill(0x63));
    shutdown(fd, SYS.SHUT_WR);
    await untilEnd(fd);
    expect(host.received('sink').length).toBe(1000);
    expect(host.log().filter((e) => e.text === 'sink server has received more than 1000 bytes: the rest is read but not kept')).toHaveLength(1);
  });
});
