import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  ERRNO,
  SYS,
  accept,
  bind,
  connect,
  getpeername,
  getsockname,
  listen,
  recv,
  recvfrom,
  recvfromInto,
  recvInto,
  send,
  sendto,
  socketpair,
  unreadBytes,
  type SockAddr,
} from '../../src/sys/index';
import { FAMILIES, FdTracker, loopback, sysErrorOf, waitFor } from './helpers';

const t = new FdTracker();
afterEach(() => t.closeAll());

const dir = mkdtempSync(join(tmpdir(), 'socklab-sys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(FAMILIES)('UDP over %s loopback', (_name, family) => {
  function udpPair(): { a: number; b: number; aAddr: SockAddr; bAddr: SockAddr } {
    const a = t.socket(family, SYS.SOCK_DGRAM);
    const b = t.socket(family, SYS.SOCK_DGRAM);
    bind(a, loopback(family));
    bind(b, loopback(family));
    return { a, b, aAddr: getsockname(a)!, bAddr: getsockname(b)! };
  }

  it('sends datagrams with sendto and tells who sent them with recvfrom', async () => {
    const { a, b, aAddr, bAddr } = udpPair();
    expect(sendto(a, Buffer.from('Michael'), bAddr)).toBe(7);
    await waitFor(b, SYS.POLLIN);
    const { data, addr } = recvfrom(b, 1024);
    expect(data.toString()).toBe('Michael');
    expect(addr).toEqual(aAddr);
    sendto(b, Buffer.from('Hello, Michael!'), addr!);
    await waitFor(a, SYS.POLLIN);
    expect(recv(a, 1024).toString()).toBe('Hello, Michael!');
  });

  it('keeps datagram boundaries', async () => {
    const { a, b, bAddr } = udpPair();
    sendto(a, Buffer.from('one'), bAddr);
    sendto(a, Buffer.from('two'), bAddr);
    sendto(a, new Uint8Array(0), bAddr);
    await waitFor(b, SYS.POLLIN);
    expect(recv(b, 1024).toString()).toBe('one');
    expect(recv(b, 1024).toString()).toBe('two');
    expect(recv(b, 1024).length).toBe(0);
    expect(sysErrorOf(() => recv(b, 1024)).errno).toBe(ERRNO.EAGAIN);
  });

  it('truncates a datagram longer than the buffer and drops the rest', async () => {
    const { a, b, bAddr } = udpPair();
    sendto(a, Buffer.from('hello world'), bAddr);
    sendto(a, Buffer.from('next'), bAddr);
    await waitFor(b, SYS.POLLIN);
    expect(recv(b, 5).toString()).toBe('hello');
    expect(recv(b, 1024).toString()).toBe('next');
  });

  it('with MSG_TRUNC returns the real length of the datagram, as CPython does', async () => {
    const { a, b, bAddr } = udpPair();
    sendto(a, Buffer.from('hello world'), bAddr);
    await waitFor(b, SYS.POLLIN);
    const peeked = recv(b, 5, SYS.MSG_TRUNC | SYS.MSG_PEEK);
    expect(peeked.length).toBe(11);
    expect(peeked.subarray(0, 5).toString()).toBe('hello');
    expect(recv(b, 3).toString()).toBe('hel');
  });

  it('peeks without consuming', async () => {
    const { a, b, bAddr } = udpPair();
    sendto(a, Buffer.from('abc'), bAddr);
    await waitFor(b, SYS.POLLIN);
    expect(recv(b, 10, SYS.MSG_PEEK).toString()).toBe('abc');
    expect(unreadBytes(b)).toBe(3);
    expect(recv(b, 10).toString()).toBe('abc');
  });

  it('reads a whole large datagram with a huge recv', async () => {
    const { a, b, bAddr } = udpPair();
    const big = Buffer.alloc(60_000, 7);
    expect(sendto(a, big, bAddr)).toBe(60_000);
    await waitFor(b, SYS.POLLIN);
    expect(recv(b, 10 ** 9).equals(big)).toBe(true);
  });

  it('reads into a caller buffer with recvInto and recvfromInto', async () => {
    const { a, b, aAddr, bAddr } = udpPair();
    sendto(a, Buffer.from('xyz'), bAddr);
    sendto(a, Buffer.from('second'), bAddr);
    await waitFor(b, SYS.POLLIN);
    const buf = Buffer.alloc(16);
    expect(recvInto(b, buf)).toBe(3);
    expect(buf.subarray(0, 3).toString()).toBe('xyz');
    const got = recvfromInto(b, buf, 4);
    expect(got).toEqual({ n: 4, addr: aAddr });
    expect(buf.subarray(0, 4).toString()).toBe('seco');
    expect(() => recvInto(b, buf, 17)).toThrow(RangeError);
  });

  it('a connected UDP socket sends with send and gets ECONNREFUSED from a closed port', async () => {
    const { a, b, bAddr } = udpPair();
    connect(a, bAddr);
    expect(getpeername(a)).toEqual(bAddr);
    send(a, Buffer.from('hi'));
    await waitFor(b, SYS.POLLIN);
    expect(recv(b, 10).toString()).toBe('hi');
    t.close(b);
    send(a, Buffer.from('anyone?'));
    await waitFor(a, SYS.POLLERR);
    expect(sysErrorOf(() => recv(a, 10)).errno).toBe(ERRNO.ECONNREFUSED);
  });

  it('recvfrom on an unbound, unconnected socket fails with EAGAIN, not a crash', () => {
    const fd = t.socket(family, SYS.SOCK_DGRAM);
    expect(sysErrorOf(() => recvfrom(fd, 10)).errno).toBe(ERRNO.EAGAIN);
  });
});

describe('AF_UNIX sockets', () => {
  it('stream: a client with no name is accepted with a null address', async () => {
    const path = join(dir, 'stream.sock');
    const server = t.socket(SYS.AF_UNIX, SYS.SOCK_STREAM);
    bind(server, { family: 1, path });
    listen(server, 1);
    expect(getsockname(server)).toEqual({ family: 1, path });
    const client = t.socket(SYS.AF_UNIX, SYS.SOCK_STREAM);
    connect(client, { family: 1, path });
    await waitFor(server, SYS.POLLIN);
    const { fd, addr } = accept(server);
    t.track(fd);
    expect(addr).toBeNull();
    expect(getsockname(client)).toBeNull();
    send(client, Buffer.from('local'));
    await waitFor(fd, SYS.POLLIN);
    expect(recv(fd, 100).toString()).toBe('local');
    const e = sysErrorOf(() => bind(t.socket(SYS.AF_UNIX, SYS.SOCK_STREAM), { family: 1, path }));
    expect(e.errno).toBe(ERRNO.EADDRINUSE);
  });

  it('datagram: an abstract name round-trips, and a big datagram is read whole', async () => {
    const receiver = t.socket(SYS.AF_UNIX, SYS.SOCK_DGRAM);
    const name = `\0socklab-test-${process.pid}`;
    bind(receiver, { family: 1, path: name });
    expect(getsockname(receiver)).toEqual({ family: 1, path: name });
    const sender = t.socket(SYS.AF_UNIX, SYS.SOCK_DGRAM);
    bind(sender, { family: 1, path: join(dir, 'sender.sock') });
    const big = Buffer.alloc(100_000, 3);
    expect(sendto(sender, big, { family: 1, path: name })).toBe(big.length);
    await waitFor(receiver, SYS.POLLIN);
    const { data, addr } = recvfrom(receiver, 10 ** 9);
    expect(data.equals(big)).toBe(true);
    expect(addr).toEqual({ family: 1, path: join(dir, 'sender.sock') });
  });

  it('socketpair gives two connected, non-blocking ends', () => {
    const [x, y] = socketpair(SYS.AF_UNIX, SYS.SOCK_STREAM).map((fd) => t.track(fd)) as [number, number];
    send(x, Buffer.from('ping'));
    expect(recv(y, 10).toString()).toBe('ping');
    expect(sysErrorOf(() => recv(y, 10)).errno).toBe(ERRNO.EAGAIN);
  });
});
