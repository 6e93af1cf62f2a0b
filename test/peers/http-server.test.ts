// The http-server peer, with the learner's client done by sys/ calls (curriculum P1).
import { describe, expect, it } from 'vitest';
import { SYS, probeFd, shutdown } from '../../src/sys/index';
import {
  bytesOf,
  eventMatching,
  eventually,
  httpServer,
  learnerConnect,
  learnerRecv,
  learnerSendAll,
  peerTestKit,
  texts,
  untilEnd,
} from './helpers';

const { t, hosts } = peerTestKit();

const REQUEST = bytesOf('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
const PAGE = '<h1>Hello from socklab</h1>\n';
const RESPONSE =
  'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 28\r\nConnection: close\r\n' +
  `X-Lesson: socklab\r\n\r\n${PAGE}`;

async function started(over = {}) {
  const made = await hosts.create([httpServer({ headers: [['X-Lesson', 'socklab']], ...over })]);
  await made.host.start();
  return made;
}

describe('http-server peer', () => {
  it('listens when started, and says so', async () => {
    const { host, port } = await started();
    expect(host.state('web')).toBe('LISTEN');
    expect(host.held()).toEqual([{ key: expect.any(String), name: 'web server', owner: 'peer', fd: expect.any(Number), type: SYS.SOCK_STREAM }]);
    const view = probeFd(host.held()[0]!.fd);
    expect(view).toMatchObject({ tcpState: 'LISTEN', backlog: 5, local: { host: '127.0.0.1', port } });
    expect(texts(host)).toContain(`web server listening on 127.0.0.1:${port} (backlog 5)`);
  });

  it('answers a request with status line, headers, Content-Length, Connection: close and the body, then closes', async () => {
    const { host, port } = await started();
    const fd = await learnerConnect(t, port);
    await learnerSendAll(fd, REQUEST);
    const answer = await untilEnd(fd);
    expect(answer.toString('latin1')).toBe(RESPONSE);
    expect(Buffer.from(host.received('web'))).toEqual(Buffer.from(REQUEST));
    await eventMatching(host, /^web server got a request: GET \/ HTTP\/1\.1$/);
    await eventMatching(host, /^web server sent HTTP\/1\.1 200 OK with 28 bytes of body to 127\.0\.0\.1:\d+$/);
    await eventMatching(host, /^web server closed its connection to 127\.0\.0\.1:\d+$/);
    expect(probeFd(fd).tcpState).toBe('CLOSE_WAIT');
    expect(await eventually(() => host.connections('web'), (n) => n === 0)).toBe(0);
  });

  it('shows a served connection by the client it serves, and it leaves the table closed', async () => {
    const { host, port } = await started();
    const fd = await learnerConnect(t, port);
    const served = await eventually(() => host.held().find((h) => h.name.startsWith('web server ←')), (h) => h !== undefined);
    const local = probeFd(fd).local as { port: number };
    expect(served?.name).toBe(`web server ← 127.0.0.1:${local.port}`);
    expect(host.state('web')).toBe('ESTABLISHED');
    await learnerSendAll(fd, REQUEST);
    await untilEnd(fd);
    await eventually(() => host.held().length, (n) => n === 1);
    const closed = host.takeClosed();
    expect(closed).toEqual([
      {
        key: served!.key,
        name: served!.name,
        owner: 'peer',
        family: SYS.AF_INET,
        type: SYS.SOCK_STREAM,
        local: { family: 2, host: '127.0.0.1', port },
        remote: { family: 2, host: '127.0.0.1', port: local.port },
      },
    ]);
    expect(host.takeClosed()).toEqual([]);
  });

  it('reads a request that comes one byte at a time, with bare \\n line ends', async () => {
    const { port } = await started();
    const fd = await learnerConnect(t, port);
    for (const ch of 'GET /a HTTP/1.0\n\n') {
      await learnerSendAll(fd, bytesOf(ch));
      await new Promise((r) => setTimeout(r, 2));
    }
    expect((await untilEnd(fd)).toString('latin1')).toBe(RESPONSE);
  });

  it('answers a head the client ended with shutdown(SHUT_WR) before the blank line', async () => {
    const { host, port } = await started();
    const fd = await learnerConnect(t, port);
    await learnerSendAll(fd, bytesOf('GET / HTTP/1.1\r\nHost: x\r\n'));
    shutdown(fd, SYS.SHUT_WR);
    expect((await untilEnd(fd)).toString('latin1')).toBe(RESPONSE);
    expect(texts(host)).toContain('web server got a request: GET / HTTP/1.1');
  });

  it('closes a connection that ends without a request', async () => {
    const { host, port } = await started();
    const fd = await learnerConnect(t, port);
    shutdown(fd, SYS.SHUT_WR);
    expect((await untilEnd(fd)).length).toBe(0);
    await eventMatching(host, /^web server received b'' from 127\.0\.0\.1:\d+: the client closed without a request$/);
  });

  it('serves several clients at once, each its own answer, in any order', async () => {
    const { host, port } = await started();
    const fds = [await learnerConnect(t, port), await learnerConnect(t, port), await learnerConnect(t, port)];
    expect(await eventually(() => host.connections('web'), (n) => n === 3)).toBe(3);
    for (const fd of [...fds].reverse()) await learnerSendAll(fd, REQUEST);
    const answers = await Promise.all(fds.map((fd) => untilEnd(fd)));
    for (const answer of answers) expect(answer.toString('latin1')).toBe(RESPONSE);
    expect(host.log().filter((e) => e.text.startsWith('web server got a request'))).toHaveLength(3);
  });

  it('serves at most max_clients at once: the next client waits in the accept queue', async () => {
    const { host, port } = await started({ maxClients: 1, backlog: 3 });
    const first = await learnerConnect(t, port);
    const second = await learnerConnect(t, port);
    const listenerFd = host.held()[0]!.fd;
    expect(await eventually(() => probeFd(listenerFd).acceptQueue, (n) => n === 1)).toBe(1);
    expect(host.connections('web')).toBe(1);
    await learnerSendAll(second, REQUEST);
    await learnerSendAll(first, REQUEST);
    expect((await untilEnd(first)).toString('latin1')).toBe(RESPONSE);
    // The first conversation is over: the second client is accepted and answered.
    expect((await untilEnd(second)).toString('latin1')).toBe(RESPONSE);
    expect(probeFd(listenerFd).acceptQueue).toBe(0);
  });

  it('answers a non-200 status with its reason', async () => {
    const { port } = await started({ status: 404, reason: 'Not Found', headers: [] });
    const fd = await learnerConnect(t, port);
    await learnerSendAll(fd, REQUEST);
    const answer = (await untilEnd(fd)).toString('latin1');
    expect(answer.startsWith('HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 28\r\n')).toBe(true);
  });

  it('answers 431 to a head over its limit and goes on serving', async () => {
    const { host, port } = await started();
    const fd = await learnerConnect(t, port);
    await learnerSendAll(fd, new Uint8Array(70 * 1024).fill(0x41));
    const answer = (await untilEnd(fd)).toString('latin1');
    expect(answer.startsWith('HTTP/1.1 431 Request Header Fields Too Large\r\n')).toBe(true);
    await eventMatching(host, /^web server got a request head over 65536 bytes from 127\.0\.0\.1:\d+ without its blank line$/);
    const next = await learnerConnect(t, port);
    await learnerSendAll(next, REQUEST);
    expect((await untilEnd(next)).toString('latin1')).toBe(RESPONSE);
  });

  it('close(), reset() and stop() act on it as the lesson asks', async () => {
    const { host, port } = await started();
    const fd = await learnerConnect(t, port);
    await eventually(() => host.connections('web'), (n) => n === 1);
    await host.run({ trigger: 'start', line: 1, actions: [{ type: 'close', peer: 'web', source: 'web.close()', line: 7 }] });
    expect((await learnerRecv(fd)).length).toBe(0);
    expect(host.log().at(-1)).toMatchObject({ kind: 'close', line: 7, peer: 'web' });
    await host.run({ trigger: 'start', line: 1, actions: [{ type: 'stop', peer: 'web', source: 'web.stop()', line: 8 }] });
    expect(host.state('web')).toBe('CLOSED');
    expect(host.held()).toEqual([]);
    expect(texts(host)).toContain(`web server stopped listening on 127.0.0.1:${port}: new clients are refused, open connections go on`);
  });
});
