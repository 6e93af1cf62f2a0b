// A socklab session for the socket tests: an interpreter with the socket and select modules, its
// registry of sockets, and ways to run the learner's lines and count this process's open fds.
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, expect } from 'vitest';
import { createServer } from 'node:net';
import { Interpreter, type LineResult, type RunOptions } from '../../src/py/interpreter';
import type { RuntimeEvent } from '../../src/py/events';
import { createModuleRegistry } from '../../src/py/modules/default-registry';
import { createSocketModules } from '../../src/py/modules/socket-modules';
import { SocketRegistry } from '../../src/py/modules/socket-registry';
import { defaultReactor } from '../../src/sys/index';

export interface Session {
  interpreter: Interpreter;
  registry: SocketRegistry;
  events: RuntimeEvent[];
  /** Runs one line and returns what the console printed. */
  run(line: string, opts?: RunOptions): Promise<string>;
  /** Runs one line and returns the whole result. */
  result(line: string, opts?: RunOptions): Promise<LineResult>;
  /** Runs the lines in order and returns everything printed. */
  runAll(lines: readonly string[]): Promise<string>;
}

export function newSession(): Session {
  const registry = new SocketRegistry();
  const interpreter = new Interpreter({ modules: createSocketModules(createModuleRegistry(), { reactor: defaultReactor(), registry }) });
  const events: RuntimeEvent[] = [];
  const result = (line: string, opts: RunOptions = {}) =>
    interpreter.runLine(line, {
      ...opts,
      emit: (event) => {
        events.push(event);
        opts.emit?.(event);
      },
    });
  return {
    interpreter,
    registry,
    events,
    result,
    run: async (line, opts) => (await result(line, opts)).output,
    runAll: async (lines) => {
      let out = '';
      for (const line of lines) out += (await result(line)).output;
      return out;
    },
  };
}

/**
 * Gives each test of the file a fresh session (running `lines` first) through `assign`, and checks
 * after each test that every socket is closed and the process holds no more fds than before it.
 * A file's own afterEach, registered after this, runs before the check.
 */
export function freshSessionPerTest(assign: (session: Session) => void, lines: readonly string[] = []): void {
  let session: Session;
  let fdsBefore = 0;
  beforeEach(async () => {
    session = newSession();
    assign(session);
    fdsBefore = openFdCount();
    await session.runAll(lines);
  });
  afterEach(() => {
    session.registry.closeAll();
    expect(session.registry.live()).toEqual([]);
    expect(openFdCount()).toBe(fdsBefore);
  });
}

/** How many fds this process has open now. */
export function openFdCount(): number {
  return readdirSync('/proc/self/fd').length;
}

/** A TCP port on 127.0.0.1 that nobody listens on right now (the kernel's choice). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once `predicate` holds, checking after each turn of the event loop; bounded by `limitMs`. */
export async function until(predicate: () => boolean, limitMs = 5000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > limitMs) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The blocked event the session emitted most recently, if it is still blocked. */
export function blockedNow(events: readonly RuntimeEvent[]): Extract<RuntimeEvent, { type: 'blocked' }> | null {
  const last = events[events.length - 1];
  return last?.type === 'blocked' ? last : null;
}
