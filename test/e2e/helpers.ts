// What the end-to-end tests share: a private state directory, loopback clients closed after each
// test, and checks on the port a test used.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, type PtyRun } from './harness';

export interface E2eContext {
  runs: PtyRun[];
  clients: Socket[];
  stateDir: string;
}

export function newContext(): E2eContext {
  return { runs: [], clients: [], stateDir: mkdtempSync(join(tmpdir(), 'socklab-e2e-')) };
}

/** Kills what is still running and closes every client (afterEach). */
export async function cleanUp(context: E2eContext): Promise<void> {
  for (const client of context.clients.splice(0)) client.destroy();
  for (const run of context.runs.splice(0)) {
    run.kill();
    await run.exited;
  }
  rmSync(context.stateDir, { recursive: true, force: true });
}

export function connectTo(context: E2eContext, port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const client = connect(port, '127.0.0.1', () => resolve(client));
    context.clients.push(client);
    client.once('error', reject);
  });
}

/** True when nothing listens on the port any more: a new server can take it. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The port in the laddr of the last socket repr on the screen. */
export function portOnScreen(screen: string): number {
  const ports = [...screen.matchAll(/\('127\.0\.0\.1', (\d+)\)/g)].map((m) => Number(m[1]));
  const port = ports.filter((p) => p > 0).pop();
  if (port === undefined) throw new Error(`no port on the screen:\n${screen}`);
  return port;
}

/** The last line that starts with the prompt: the prompt itself when nothing runs. */
export function promptLine(screen: string): string {
  return screen.split('\n').filter((line) => line.startsWith('>>>')).pop() ?? '';
}

/** Types a statement key by key at an empty prompt, enters it, and waits until it has finished. */
export async function enter(run: PtyRun, line: string, timeoutMs?: number): Promise<string> {
  await run.waitFor((s) => promptLine(s) === '>>>');
  await run.type(line);
  await run.waitFor((s) => promptLine(s) === `>>> ${line}`);
  run.press(KEYS.enter);
  return run.waitFor((s) => promptLine(s) === '>>>' && s.includes(`>>> ${line}`), timeoutMs);
}

/** A sandbox with a listening socket `s` on a port the kernel chose, and that port. */
export async function listeningSandbox(run: PtyRun): Promise<number> {
  await run.waitFor('sandbox: every statement runs on a real socket');
  await enter(run, 'import socket');
  await enter(run, 's = socket.socket()');
  await enter(run, "s.bind(('127.0.0.1', 0))");
  await enter(run, 's.listen()');
  return portOnScreen(await enter(run, 's.getsockname()'));
}
