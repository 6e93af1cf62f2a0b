// Lesson peers driven for real: spec and action builders, a host per test closed afterwards, and the
// learner's side done with sys/ calls on real loopback sockets.
import { readdirSync } from 'node:fs';
import { afterEach } from 'vitest';
import type {
  HttpServerSpec,
  LoopbackHost,
  Payload,
  PeerAction,
  PeerActionBlock,
  PeerSpec,
  PortName,
  TcpServerSpec,
  UdpServerSpec,
} from '../../src/lesson/model';
import { parseReplyTemplate } from '../../src/lesson/reply-template';
import { choosePorts } from '../../src/session/peers/choose-ports';
import { PeerHost } from '../../src/session/peers/peer-host';
import type { PeerLimits } from '../../src/session/peers/peer-context';
import type { PeerEvent } from '../../src/session/peers/peer-log';
import {
  ERRNO,
  SYS,
  SysError,
  bind,
  connect,
  defaultReactor,
  recv,
  send,
  type SockAddr,
} from '../../src/sys/index';
import { FdTracker, WAIT_MS, waitFor, type InetFamily } from '../sys/helpers';

export { FdTracker, WAIT_MS, waitFor };

/** Short bounds so that the tests see every timeout; generous enough for a loaded machine otherwise. */
export const TEST_LIMITS: Partial<PeerLimits> = { connectMs: 400, recvMs: 3000, sendStallMs: 3000 };

const encoder = new TextEncoder();

export function bytesOf(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

export function payload(data: string | Uint8Array): Payload {
  const bytes = typeof data === 'string' ? bytesOf(data) : data;
  return { bytes, text: null, encoding: null, source: `b'...'` };
}

export function template(source: string) {
  const parsed = parseReplyTemplate(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.template;
}

export function httpServer(over: Partial<HttpServerSpec> = {}): HttpServerSpec {
  return {
    kind: 'http-server',
    name: 'web',
    line: 1,
    host: '127.0.0.1',
    port: 'PORT',
    status: 200,
    reason: 'OK',
    contentType: 'text/html; charset=utf-8',
    headers: [],
    body: { bytes: encoder.encode('<h1>Hello from socklab</h1>\n'), text: null, encoding: null, source: '' },
    backlog: 5,
    maxClients: 5,
    ...over,
  };
}

export function tcpServer(over: Partial<TcpServerSpec> = {}): TcpServerSpec {
  return {
    kind: 'tcp-server',
    name: 'hello',
    line: 1,
    host: '127.0.0.1',
    port: 'PORT',
    greeting: null,
    closeAfterGreeting: false,
    reply: null,
    exit: null,
    encoding: 'utf-8',
    recvSize: 1024,
    backlog: 5,
    maxClients: 5,
    ...over,
  };
}

export function udpServer(over: Partial<UdpServerSpec> = {}): UdpServerSpec {
  return { kind: 'udp-server', name: 'echo', line: 1, host: '127.0.0.1', port: 'PORT', reply: null, encoding: 'utf-8', recvSize: 1024, ...over };
}

export const tcpClient = (name = 'client'): PeerSpec => ({ kind: 'tcp-client', name, line: 1 });
export const udpClient = (name = 'client'): PeerSpec => ({ kind: 'udp-client', name, line: 1 });

let line = 100;
const base = (source: string) => ({ source, line: ++line });

export const act = {
  connect: (peer: string, count = 1, port: PortName = 'PORT', host: LoopbackHost = '127.0.0.1'): PeerAction => ({
    type: 'connect',
    peer,
    host,
    port,
    count,
    ...base(`${peer}.connect(${port}, count=${count})`),
  }),
  send: (peer: string, data: string | Uint8Array): PeerAction => ({ type: 'send', peer, data: payload(data), ...base(`${peer}.send(...)`) }),
  sendall: (peer: string, data: string | Uint8Array): PeerAction => ({
    type: 'sendall',
    peer,
    data: payload(data),
    ...base(`${peer}.sendall(...)`),
  }),
  recv: (peer: string, max = 65536): PeerAction => ({ type: 'recv', peer, max, ...base(`${peer}.recv(${max})`) }),
  shutdown: (peer: string, how: 'read' | 'write' | 'both'): PeerAction => ({ type: 'shutdown', peer, how, ...base(`${peer}.shutdown('${how}')`) }),
  close: (peer: string): PeerAction => ({ type: 'close', peer, ...base(`${peer}.close()`) }),
  reset: (peer: string): PeerAction => ({ type: 'reset', peer, ...base(`${peer}.reset()`) }),
  stop: (peer: string): PeerAction => ({ type: 'stop', peer, ...base(`${peer}.stop()`) }),
  flood: (peer: string, count: number): PeerAction => ({ type: 'flood', peer, count, ...base(`${peer}.flood(${count})`) }),
  sendto: (peer: string, data: string | Uint8Array, port: PortName = 'PORT', host: LoopbackHost = '127.0.0.1'): PeerAction => ({
    type: 'sendto',
    peer,
    data: payload(data),
    host,
    port,
    ...base(`${peer}.sendto(...)`),
  }),
  wait: (ms: number): PeerAction => ({ type: 'wait', ms, ...base(`wait(${ms})`) }),
};

export function block(...actions: PeerAction[]): PeerActionBlock {
  return { trigger: 'start', actions, line: 1 };
}

/** Hosts made by a test, all stopped by afterEach. */
export class Hosts {
  private readonly hosts: PeerHost[] = [];

  async create(specs: PeerSpec[], opts: { ports?: number; ipv6?: boolean; limits?: Partial<PeerLimits> } = {}) {
    const numbers = await choosePorts(opts.ports ?? 1, { ipv6: opts.ipv6 ?? false });
    const names: PortName[] = ['PORT', 'PORT2', 'PORT3', 'PORT4'];
    const ports: Partial<Record<PortName, number>> = {};
    numbers.forEach((n, i) => (ports[names[i]!] = n));
    const host = new PeerHost(specs, { reactor: defaultReactor(), ports, limits: { ...TEST_LIMITS, ...opts.limits } });
    this.hosts.push(host);
    return { host, port: numbers[0]!, ports };
  }

  async stopAll(): Promise<void> {
    for (const host of this.hosts.splice(0)) await host.stop();
  }
}

export function fdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

export function addr(port: number, family: InetFamily = 2): SockAddr {
  return family === 2 ? { family: 2, host: '127.0.0.1', port } : { family: 10, host: '::1', port, flowinfo: 0, scopeId: 0 };
}

/** The learner's client: a TCP socket connected (handshake done) to the port. */
export async function learnerConnect(t: FdTracker, port: number, family: InetFamily = 2): Promise<number> {
  const fd = t.socket(family, SYS.SOCK_STREAM);
  try {
    connect(fd, addr(port, family));
  } catch (e) {
    if (!(e instanceof SysError) || e.errno !== ERRNO.EINPROGRESS) throw e;
    await waitFor(fd, SYS.POLLOUT);
  }
  return fd;
}

/** A UDP socket of the learner, bound to an ephemeral port. */
export function learnerUdp(t: FdTracker, family: InetFamily = 2): number {
  const fd = t.socket(family, SYS.SOCK_DGRAM);
  bind(fd, addr(0, family));
  return fd;
}

/** The next bytes the learner's socket receives (b'' at end of stream). */
export async function learnerRecv(fd: number, max = 65536): Promise<Buffer> {
  await waitFor(fd, SYS.POLLIN);
  return recv(fd, max);
}

/** Reads until `done` holds for everything read, or end of stream; bounded. */
export async function learnerReadUntil(fd: number, done: (all: Buffer) => boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < 10_000; i++) {
    const all = Buffer.concat(chunks);
    if (done(all)) return all;
    const data = await learnerRecv(fd);
    if (data.length === 0) return Buffer.concat(chunks);
    chunks.push(Buffer.from(data));
  }
  throw new Error('read too many times');
}

export const untilEnd = (fd: number) => learnerReadUntil(fd, () => false);

/** Sends all of `data` from the learner's socket, waiting for room; bounded. */
export async function learnerSendAll(fd: number, data: Uint8Array): Promise<void> {
  let sent = 0;
  for (let i = 0; sent < data.length && i < 1_000_000; i++) {
    try {
      sent += send(fd, data.subarray(sent));
    } catch (e) {
      if (!(e instanceof SysError) || e.errno !== ERRNO.EAGAIN) throw e;
      await waitFor(fd, SYS.POLLOUT);
    }
  }
}

/** Polls `read` until `ok` holds (the peers act beside the test); bounded. */
export async function eventually<T>(read: () => T, ok: (v: T) => boolean, tries = 250): Promise<T> {
  let value = read();
  for (let i = 0; i < tries && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 20));
    value = read();
  }
  return value;
}

/** The first event matching, waiting for it; fails the test with the whole log if none comes. */
export async function eventMatching(host: PeerHost, match: RegExp): Promise<PeerEvent> {
  const found = await eventually(
    () => host.log().find((e) => match.test(e.text)),
    (e) => e !== undefined,
  );
  if (found === undefined) throw new Error(`no event matches ${match}; log:\n${host.log().map((e) => e.text).join('\n')}`);
  return found;
}

export function texts(host: PeerHost): string[] {
  return host.log().map((e) => e.text);
}

/** A test file's fd tracker and peer hosts, cleaned up after each test. */
export function peerTestKit(): { t: FdTracker; hosts: Hosts } {
  const t = new FdTracker();
  const hosts = new Hosts();
  afterEach(async () => {
    await hosts.stopAll();
    t.closeAll();
  });
  return { t, hosts };
}

/** Bytes as text one char per byte, to compare with string literals. */
export const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
