// The tcp-server peer as the lesson model documents it, the learner's clients done by sys/ calls
// (curriculum P2 hello server, P4 thank-you server, P6 uppercase echo, P7 GBK).
import { describe, expect, it } from 'vitest';
import { ERRNO, SYS, SysError, probeFd, recv, shutdown } from '../../src/sys/index';
import {
  act,
  block,
  bytesOf,
  eventMatching,
  eventually,
  latin1,
  learnerConnect,
  learnerReadUntil,
  learnerRecv,
  learnerSendAll,
  payload,
  peerTestKit,
  tcpServer,
  template,
  untilEnd,
} from './helpers';

const { t, hosts } = peerTestKit();

const str = latin1;

const hello = () =>
  tcpServer({ greeting: payload('Welcome!'), reply: template('Hello, {data}!'), exit: payload('exit') });

async function started(spec = hello(), limits = {}) {
  const made = await hosts.create([spec], { limits });
  await made.host.start();
  return made;
}

/** Sends a message and reads the reply (exactly `reply.length` bytes). */
async function exchange(fd: number, message: string, reply: string): Promise<string> {
  await learnerSendAll(fd, bytesOf(message));
  return str(await learnerReadUntil(fd, (all) => all.length >= reply.length));
}

describe('tcp-server peer', () => {
  it('greets, answers each message with the reply, and ends on the exit message (P2)', async () => {
    const { host, port } = await started();
    const fd = await learnerConnect(t, port);
    expect(str(await learnerReadUntil(fd, (all) => all.length >= 8))).toBe('Welcome!');
    expect(await exchange(fd, 'Michael', 'Hello, Michael!')).toBe('Hello, Michael!');
    expect(await exchange(fd, 'Tracy', 'Hello, Tracy!')).toBe('Hello, Tracy!');
    await learnerSendAll(fd, bytesOf('exit\r\n'));
    expect((await untilEnd(fd)).length).toBe(0);
    expect(str(host.received('hello'))).toBe('MichaelTracyexit\r\n');
    await eventMatching(host, /^hello server sent b'Welcome!' to 127\.0\.0\.1:\d+$/);
    await eventMatching(host, /^hello server sent b'Hello, Michael!' to 127\.0\.0\.1:\d+$/);
    await eventMatching(host, /^hello server received b'exit\\r\\n' from 127\.0\.0\.1:\d+: the exit message ends the conversation$/);
    await eventMatching(host, /^hello server closed its connection to 127\.0\.0\.1:\d+$/);
  });

  it("ends the conversation when recv returns b'' (the client half-closed)", async () => {
    const { host, port } = await started();
    const fd = await learnerConnect(t, port);
    await learnerReadUntil(fd, (all) => all.length >= 8);
    shutdown(fd, SYS.SHUT_WR);
    expect((await untilEnd(fd)).length).toBe(0);
    await eventMatching(host, /^hello server received b'' from 127\.0\.0\.1:\d+: the client closed its end$/);
    expect(await eventually(() => host.state('hello'), (s) => s === 'LISTEN')).toBe('LISTEN');
  });

  it('closes right after the greeting with close_after_greeting (P4)', async () => {
    const spec = tcpServer({ name: 'thanks', greeting: payload('Thank you for connecting\r\n'), closeAfterGreeting: true });
    const { port } = await started(spec);
    const fd = await learnerConnect(t, port);
    expect(str(await untilEnd(fd))).toBe('Thank you for connecting\r\n');
    expect(probeFd(fd).tcpState).toBe('CLOSE_WAIT');
  });

  it('fills {upper} and replies to every chunk: the uppercase echo (P6)', async () => {
    const { host, port } = await started(tcpServer({ name: 'upper', reply: template('{upper}') }));
    const fd = await learnerConnect(t, port);
    expect(await exchange(fd, 'hello', 'HELLO')).toBe('HELLO');
    expect(await exchange(fd, 'abc def', 'ABC DEF')).toBe('ABC DEF');
    expect(host.state('upper')).toBe('ESTABLISHED');
    expect(host.connections('upper')).toBe(1);
  });

  it('decodes and encodes with its encoding: GBK (P7)', async () => {
    const { host, port } = await started(tcpServer({ name: 'gbk', encoding: 'gbk', reply: template('收到: {data} ({length})') }));
    const fd = await learnerConnect(t, port);
    await learnerSendAll(fd, Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3]));
    // '收到: 你好 (4)'.encode('gbk') in CPython 3.11.
    const expected = Buffer.from([0xca, 0xd5, 0xb5, 0xbd, 0x3a, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0x20, 0x28, 0x34, 0x29]);
    expect(await learnerReadUntil(fd, (all) => all.length >= expected.length)).toEqual(expected);
    expect([...host.received('gbk')]).toEqual([0xc4, 0xe3, 0xba, 0xc3]);
  });

  it('answers bytes its encoding cannot decode instead of failing', async () => {
    const { host, port } = await started(tcpServer({ name: 'strict', encoding: 'ascii', reply: template('<{data}>') }));
    const fd = await learnerConnect(t, port);
    await learnerSendAll(fd, Uint8Array.from([0x41, 0xff, 0x1b]));
    expect(str(await learnerReadUntil(fd, (all) => all.length >= 5))).toBe('<A?\x1b>');
    await eventMatching(host, /^strict server received b'A\\xff\\x1b' from/);
  });

  it('reads with recv(recv_size): a long message is answered in chunks', async () => {
    const { port } = await started(tcpServer({ name: 'small', recvSize: 4, reply: template('[{data}]') }));
    const fd = await learnerConnect(t, port);
    await learnerSendAll(fd, bytesOf('abcdefgh'));
    expect(str(await learnerReadUntil(fd, (all) => all.length >= 12))).toBe('[abcd][efgh]');
  });

  it('talks with several clients at once, each answered on its own connection', async () => {
    const { host, port } = await started();
    const fds = await Promise.all([1, 2, 3].map(() => learnerConnect(t, port)));
    for (const fd of fds) expect(str(await learnerReadUntil(fd, (all) => all.length >= 8))).toBe('Welcome!');
    expect(host.connections('hello')).toBe(3);
    const names = ['Sarah', 'Tracy', 'Michael'];
    await Promise.all(fds.map((fd, i) => learnerSendAll(fd, bytesOf(names[i]!))));
    for (const [i, fd] of fds.entries()) {
      const want = `Hello, ${names[i]}!`;
      expect(str(await learnerReadUntil(fd, (all) => all.length >= want.length))).toBe(want);
    }
    expect(host.held().filter((h) => h.name.startsWith('hello server ← 127.0.0.1:'))).toHaveLength(3);
  });

  it('respects max_clients and the backlog: later clients wait in the accept queue', async () => {
    const { host, port } = await started(tcpServer({ name: 'busy', greeting: payload('hi'), maxClients: 2, backlog: 1 }));
    const fds = [];
    for (let i = 0; i < 4; i++) fds.push(await learnerConnect(t, port));
    const listenerFd = host.held().find((h) => h.name === 'busy server')!.fd;
    // backlog 1 lets the kernel complete backlog + 1 = 2 connections that wait for accept().
    expect(await eventually(() => probeFd(listenerFd), (v) => v.acceptQueue === 2)).toMatchObject({ acceptQueue: 2, backlog: 1 });
    expect(host.connections('busy')).toBe(2);
    expect(str(await learnerReadUntil(fds[0]!, (all) => all.length >= 2))).toBe('hi');
    expect(str(await learnerReadUntil(fds[1]!, (all) => all.length >= 2))).toBe('hi');
    t.close(fds[0]!);
    expect(str(await learnerReadUntil(fds[2]!, (all) => all.length >= 2))).toBe('hi');
    expect(probeFd(listenerFd).acceptQueue).toBe(1);
  });

  it('send, sendall and flood act on every connection it has', async () => {
    const { host, port } = await started(tcpServer({ name: 'echo' }));
    const a = await learnerConnect(t, port);
    const b = await learnerConnect(t, port);
    await eventually(() => host.connections('echo'), (n) => n === 2);
    await host.run(block(act.send('echo', 'one'), act.sendall('echo', 'two')));
    for (const fd of [a, b]) expect(str(await learnerReadUntil(fd, (all) => all.length >= 6))).toBe('onetwo');
    await host.run(block(act.flood('echo', 10)));
    for (const fd of [a, b]) expect(str(await learnerReadUntil(fd, (all) => all.length >= 10))).toBe('xxxxxxxxxx');
    expect(host.log().filter((e) => /^echo server sent b'one' to 127\.0\.0\.1:\d+$/.test(e.text))).toHaveLength(2);
  });

  it("shutdown('write') half-closes: the learner reads b'' and can still send", async () => {
    const { host, port } = await started(tcpServer({ name: 'echo' }));
    const fd = await learnerConnect(t, port);
    await eventually(() => host.connections('echo'), (n) => n === 1);
    await host.run(block(act.shutdown('echo', 'write')));
    expect((await learnerRecv(fd)).length).toBe(0);
    await learnerSendAll(fd, bytesOf('still here'));
    expect(str(await eventually(() => host.received('echo'), (r) => r.length === 10))).toBe('still here');
    expect(host.state('echo')).toBe('FIN_WAIT2');
  });

  it('close() ends every conversation; reset() makes the learner get ECONNRESET', async () => {
    const { host, port } = await started(tcpServer({ name: 'echo' }));
    const a = await learnerConnect(t, port);
    await eventually(() => host.connections('echo'), (n) => n === 1);
    await host.run(block(act.close('echo')));
    expect((await learnerRecv(a)).length).toBe(0);
    const b = await learnerConnect(t, port);
    await eventually(() => host.connections('echo'), (n) => n === 1);
    await host.run(block(act.reset('echo')));
    const error = await learnerRecv(b).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SysError);
    expect((error as SysError).errno).toBe(ERRNO.ECONNRESET);
    await eventMatching(host, /^echo server reset its connection to 127\.0\.0\.1:\d+ \(SO_LINGER 0: the kernel sends RST\)$/);
  });

  it('stop() closes the listener: new clients are refused, the open conversation goes on', async () => {
    const { host, port } = await started();
    const fd = await learnerConnect(t, port);
    await learnerReadUntil(fd, (all) => all.length >= 8);
    await host.run(block(act.stop('hello')));
    expect(host.held().map((h) => h.name)).toEqual([expect.stringMatching(/^hello server ← /)]);
    await expect(learnerConnect(t, port).then((c) => recv(c, 1))).rejects.toMatchObject({ errno: ERRNO.ECONNREFUSED });
    expect(await exchange(fd, 'Sarah', 'Hello, Sarah!')).toBe('Hello, Sarah!');
    expect(host.state('hello')).toBe('ESTABLISHED');
  });

  it('serves IPv6 clients on ::1, named by their address', async () => {
    const { host, port } = await hosts.create([tcpServer({ host: '::1', greeting: payload('Welcome!'), reply: template('Hello, {data}!') })], {
      ipv6: true,
    });
    await host.start();
    const fd = await learnerConnect(t, port, 10);
    expect(str(await learnerReadUntil(fd, (all) => all.length >= 8))).toBe('Welcome!');
    expect(await exchange(fd, 'Sarah', 'Hello, Sarah!')).toBe('Hello, Sarah!');
    const local = probeFd(fd).local as { port: number };
    expect(host.held().map((h) => h.name)).toEqual(['hello server', `hello server ← [::1]:${local.port}`]);
    expect(probeFd(host.held()[0]!.fd).local).toMatchObject({ family: 10, host: '::1', port });
  });

  it('has no connection to act on before a client comes, and says so', async () => {
    const { host } = await started(tcpServer({ name: 'echo' }));
    await host.run(block(act.send('echo', 'x')));
    expect(host.log().at(-1)).toMatchObject({ kind: 'error', text: 'echo server has no open connection to send() on' });
  });
});
