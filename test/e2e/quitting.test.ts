// Every way out of the screen closes every socket socklab opened and gives the terminal back: Ctrl+D,
// Ctrl+C twice, SIGTERM while a statement is blocked, and a hangup. Also: the screen refuses to start
// without a terminal, and a --record path it cannot write is said before the screen opens.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, FIXTURE_LESSONS, KEYS, runInPty, socketFds, type Exit, type PtyRun } from './harness';
import { cleanUp, enter, listeningSandbox, newContext, portIsFree, promptLine, type E2eContext } from './helpers';

let context: E2eContext = newContext();

beforeAll(() => ensureBuilt(), 90_000);
afterEach(async () => {
  await cleanUp(context);
  context = newContext();
});

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

async function sandboxWithListener(): Promise<{ run: PtyRun; port: number }> {
  const run = runInPty(['sandbox'], { env: { XDG_STATE_HOME: context.stateDir } });
  context.runs.push(run);
  const port = await listeningSandbox(run);
  expect(socketFds(run.pid)).toBeGreaterThanOrEqual(1);
  expect(await portIsFree(port)).toBe(false);
  return { run, port };
}

/** The terminal got its own screen back and its cursor shown, after the last frame. */
function expectTerminalRestored(run: PtyRun): void {
  const raw = run.raw();
  const left = raw.lastIndexOf(LEAVE_ALTERNATE_SCREEN);
  expect(left).toBeGreaterThan(raw.lastIndexOf(ENTER_ALTERNATE_SCREEN));
  expect(raw.slice(left - SHOW_CURSOR.length, left)).toBe(SHOW_CURSOR);
  // only the cursor shown again, by the process exiting, may follow
  expect(raw.slice(left + LEAVE_ALTERNATE_SCREEN.length).replaceAll(SHOW_CURSOR, '')).toBe('');
}

async function expectAllClosed(run: PtyRun, port: number, exit: Exit): Promise<void> {
  expect(await run.exited).toEqual(exit);
  expect(existsSync(`/proc/${run.pid}`)).toBe(false);
  expect(await portIsFree(port)).toBe(true);
}

describe('leaving the screen', () => {
  it('with Ctrl+D closes every socket and restores the terminal', async () => {
    const { run, port } = await sandboxWithListener();
    run.press(KEYS.ctrlD);
    await expectAllClosed(run, port, { exitCode: 0, signal: 0 });
    expectTerminalRestored(run);
  });

  it('with Ctrl+C twice: the first only warns', async () => {
    const { run, port } = await sandboxWithListener();
    run.press(KEYS.ctrlC);
    await run.waitFor('press Ctrl+C again to quit');
    expect(run.alive()).toBe(true);
    run.press(KEYS.ctrlC);
    await expectAllClosed(run, port, { exitCode: 0, signal: 0 });
    expectTerminalRestored(run);
  });

  it('on SIGTERM while a statement is blocked', async () => {
    const { run, port } = await sandboxWithListener();
    await run.waitFor((s) => promptLine(s) === '>>>');
    await run.type('s.accept()');
    run.press(KEYS.enter);
    await run.waitFor(`accept(): waiting for a client on 127.0.0.1:${port}`);
    run.kill('SIGTERM');
    await expectAllClosed(run, port, { exitCode: 143, signal: 0 });
    expectTerminalRestored(run);
  });

  it('on a hangup, ending by that signal', async () => {
    const { run, port } = await sandboxWithListener();
    await enter(run, 'c = socket.socket()');
    run.kill('SIGHUP');
    await expectAllClosed(run, port, { exitCode: 0, signal: 1 });
  });
});

describe('opening the screen', () => {
  it('refuses without a terminal and suggests --plain', () => {
    const result = spawnSync(process.execPath, [CLI, 'sandbox'], { input: 'import socket\n', encoding: 'utf8', timeout: 10_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the screen needs a terminal');
    expect(result.stderr).toContain('--plain');
    expect(result.stdout).toBe('');
  });

  it('says an unwritable --record path before the screen opens', async () => {
    const run = runInPty(['replay', 'greeting-server', '--record', '/nonexistent-dir/run.jsonl', '--lessons', FIXTURE_LESSONS, '--no-builtin'], {
      env: { XDG_STATE_HOME: context.stateDir },
    });
    context.runs.push(run);
    expect((await run.exited).exitCode).toBe(1);
    expect(run.raw()).toContain('cannot record to /nonexistent-dir/run.jsonl: the directory /nonexistent-dir does not exist');
    expect(run.raw()).not.toContain(ENTER_ALTERNATE_SCREEN);
  });
});
