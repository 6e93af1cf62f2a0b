import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Reactor,
  SYS,
  connect,
  defaultReactor,
  getsockname,
  send,
  socketpair,
} from '../../src/sys/index';
import { FdTracker, WAIT_MS, listener } from './helpers';

const t = new FdTracker();
const reactors: Reactor[] = [];
afterEach(() => {
  for (const r of reactors.splice(0)) r.close();
  t.closeAll();
});

function newReactor(): Reactor {
  const r = new Reactor();
  reactors.push(r);
  return r;
}

function pair(): [number, number] {
  return socketpair(SYS.AF_UNIX, SYS.SOCK_STREAM).map((fd) => t.track(fd)) as [number, number];
}

function later(fn: () => void, ms = 20): void {
  setTimeout(fn, ms);
}

describe('Reactor.wait', () => {
  it('is released by a connect that happens later, without blocking the event loop', async () => {
    const r = newReactor();
    const server = listener(t, 2);
    const waiting = r.wait(server, SYS.POLLIN, { timeoutMs: WAIT_MS });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(r.pollInFlight).toBe(true);
    const client = t.socket(2, SYS.SOCK_STREAM);
    try {
      connect(client, getsockname(server)!);
    } catch {
      // EINPROGRESS: the handshake completes in the kernel.
    }
    const revents = await waiting;
    clearInterval(ticker);
    expect(revents).toBe(SYS.POLLIN);
    expect(ticks).toBeGreaterThan(0);
  });

  it("answers at once when the fd is ready already, without starting a poll", async () => {
    const r = newReactor();
    const [a] = pair();
    expect(await r.wait(a, SYS.POLLOUT)).toBe(SYS.POLLOUT);
    expect(r.pollInFlight).toBe(false);
  });

  it("resolves 'timeout' when nothing happens in time", async () => {
    const r = newReactor();
    const [a] = pair();
    expect(await r.wait(a, SYS.POLLIN, { timeoutMs: 30 })).toBe('timeout');
    expect(await r.wait(a, SYS.POLLIN, { timeoutMs: 0 })).toBe('timeout');
    await r.settle();
    expect(r.pollInFlight).toBe(false);
  });

  it("times out a short wait that joins a poll already waiting without a limit", async () => {
    const r = newReactor();
    const [a, b] = pair();
    const forever = r.wait(a, SYS.POLLIN);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await r.wait(b, SYS.POLLIN, { timeoutMs: 30 })).toBe('timeout');
    send(b, Buffer.from('x'));
    expect(await forever).toBe(SYS.POLLIN);
  });

  it("rejects with the signal's reason when aborted, and then stops polling", async () => {
    const r = newReactor();
    const [a] = pair();
    const controller = new AbortController();
    const waiting = r.wait(a, SYS.POLLIN, { signal: controller.signal });
    later(() => controller.abort(new Error('interrupted')));
    await expect(waiting).rejects.toThrow('interrupted');
    await r.settle();
    expect(r.pollInFlight).toBe(false);
    expect(r.waiting).toBe(0);
    const already = new AbortController();
    already.abort('too late');
    await expect(r.wait(a, SYS.POLLIN, { signal: already.signal })).rejects.toBe('too late');
  });

  it('lets many waiters on several fds coexist, each released by its own fd', async () => {
    const r = newReactor();
    const pairs = [pair(), pair(), pair()];
    const waits = pairs.flatMap(([, b]) => [r.wait(b, SYS.POLLIN), r.wait(b, SYS.POLLIN | SYS.POLLPRI)]);
    const outOnly = r.wait(pairs[0]![1], SYS.POLLOUT);
    expect(await outOnly).toBe(SYS.POLLOUT);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(r.waiting).toBe(6);
    const settled: number[] = [];
    waits.forEach((w, i) => void w.then(() => settled.push(i)));
    send(pairs[2]![0], Buffer.from('c'));
    expect(await waits[4]).toBe(SYS.POLLIN);
    expect(await waits[5]).toBe(SYS.POLLIN);
    expect(settled.sort()).toEqual([4, 5]);
    send(pairs[0]![0], Buffer.from('a'));
    send(pairs[1]![0], Buffer.from('b'));
    expect(await Promise.all(waits)).toEqual(Array(6).fill(SYS.POLLIN));
    await r.settle();
    expect(r.pollInFlight).toBe(false);
  });

  it('keeps a reader waiting while a writer on the same fd is released', async () => {
    const r = newReactor();
    const [a, b] = pair();
    const reader = r.wait(b, SYS.POLLIN, { timeoutMs: WAIT_MS });
    const writer = r.wait(b, SYS.POLLOUT);
    expect(await writer).toBe(SYS.POLLOUT);
    expect(r.waiting).toBe(1);
    send(a, Buffer.from('x'));
    expect(await reader).toBe(SYS.POLLIN);
  });

  it('gives POLLNVAL to a waiter whose fd is closed, even if the number is reused at once', async () => {
    const r = newReactor();
    const [a, b] = pair();
    const waiting = r.wait(b, SYS.POLLIN);
    await new Promise((resolve) => setTimeout(resolve, 10));
    t.close(b);
    const reused = t.socket(SYS.AF_UNIX, SYS.SOCK_STREAM);
    expect(await waiting).toBe(SYS.POLLNVAL);
    expect(await r.wait(b, SYS.POLLIN, { timeoutMs: 0 })).toBe(reused === b ? SYS.POLLHUP : SYS.POLLNVAL);
    t.close(a);
    expect(await r.wait(a, SYS.POLLIN)).toBe(SYS.POLLNVAL);
  });

  it('reports a hang-up to a reader when the peer closes', async () => {
    const r = newReactor();
    const [a, b] = pair();
    const waiting = r.wait(b, SYS.POLLIN);
    later(() => t.close(a));
    const revents = await waiting;
    expect(typeof revents).toBe('number');
    expect((revents as number) & (SYS.POLLIN | SYS.POLLHUP)).not.toBe(0);
  });

  it('rejects bad arguments and a closed reactor clearly', async () => {
    const r = newReactor();
    await expect(r.wait(-1, SYS.POLLIN)).rejects.toThrow('invalid fd: -1');
    await expect(r.wait(0, 1 << 20)).rejects.toThrow('invalid poll events');
    await expect(r.wait(0, SYS.POLLIN, { timeoutMs: -5 })).rejects.toThrow('timeout must be a non-negative number');
    await expect(r.waitMany('x' as never)).rejects.toThrow(TypeError);
    const [, b] = pair();
    const pending = r.wait(b, SYS.POLLIN);
    r.close();
    await expect(pending).rejects.toThrow('the reactor is closed');
    await expect(r.wait(b, SYS.POLLIN)).rejects.toThrow('the reactor is closed');
  });
});

describe('Reactor.waitMany', () => {
  it('resolves with the fds that are ready, like select()', async () => {
    const r = newReactor();
    const pairs = [pair(), pair(), pair()];
    const waiting = r.waitMany(pairs.map(([, b]) => ({ fd: b, events: SYS.POLLIN })), { timeoutMs: WAIT_MS });
    later(() => send(pairs[1]![0], Buffer.from('!')));
    const ready = await waiting;
    expect(ready).toEqual(new Map([[pairs[1]![1], SYS.POLLIN]]));
  });

  it('merges interests on the same fd and reports all that are ready at once', async () => {
    const r = newReactor();
    const [a, b] = pair();
    send(a, Buffer.from('x'));
    const ready = await r.waitMany([
      { fd: b, events: SYS.POLLIN },
      { fd: b, events: SYS.POLLOUT },
      { fd: a, events: SYS.POLLIN },
    ]);
    expect(ready).toEqual(new Map([[b, SYS.POLLIN | SYS.POLLOUT]]));
  });

  it("resolves 'timeout' when none is ready in time, and an empty set only times out", async () => {
    const r = newReactor();
    const [a, b] = pair();
    const interests = [
      { fd: a, events: SYS.POLLIN },
      { fd: b, events: SYS.POLLIN },
    ];
    expect(await r.waitMany(interests, { timeoutMs: 20 })).toBe('timeout');
    expect(await r.waitMany([], { timeoutMs: 20 })).toBe('timeout');
  });
});

describe('the default reactor', () => {
  it('is one per process, and a new one replaces it once closed', () => {
    const first = defaultReactor();
    expect(defaultReactor()).toBe(first);
    first.close();
    const second = defaultReactor();
    expect(second).not.toBe(first);
    expect(second.isClosed).toBe(false);
  });

  it('leaves nothing in flight after its waits end: the process exits on its own', async () => {
    const script = fileURLToPath(new URL('./fixtures/reactor-exit.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // A generous bound: a process that does not exit by itself hangs forever; one that does is quick.
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('exit', (c, s) => resolve([c, s])),
    );
    clearTimeout(guard);
    expect({ code, signal, err }).toEqual({ code: 0, signal: null, err: '' });
    expect(JSON.parse(out)).toEqual({
      readable: SYS.POLLIN,
      timedOut: 'timeout',
      abortReason: 'stop',
      closedRevents: SYS.POLLNVAL,
      inFlight: false,
    });
  });
});

describe('Reactor.settle', () => {
  it('returns while a waiter with no time limit goes on waiting (it wakes the poll itself)', async () => {
    const r = newReactor();
    const [a, b] = pair();
    const waiting = r.wait(a, SYS.POLLIN, { timeoutMs: null });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(r.pollInFlight).toBe(true);
    await r.settle();
    expect(r.waiting).toBe(1);
    send(b, Buffer.from('x'));
    expect(await waiting).toBe(SYS.POLLIN);
  });
});
