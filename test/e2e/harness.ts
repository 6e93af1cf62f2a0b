// Runs the real, bundled CLI in a real pseudo-terminal and reads it back through a real terminal
// emulator (xterm.js, headless): what the tests see is what a person would see. Everything the
// program writes is also kept raw, so a test can check that no hostile sequence reached the terminal.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readlinkSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, type IPty } from '@lydell/node-pty';
import xtermHeadless from '@xterm/headless';

const { Terminal } = xtermHeadless;

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'socklab.js');
export const FIXTURE_LESSONS = join(ROOT, 'test', 'lesson', 'fixtures', 'good');

export const KEYS = {
  enter: '\r',
  tab: '\t',
  up: '\x1b[A',
  down: '\x1b[B',
  ctrlC: '\x03',
  ctrlD: '\x04',
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds dist/socklab.js when a source is newer. Test files run in parallel: a lock directory makes
 * the others wait for the one that builds, so none of them runs a half-written bundle.
 */
export async function ensureBuilt(limitMs = 60_000): Promise<void> {
  const lock = join(ROOT, 'dist', '.e2e-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const start = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the limit was left by a run that died: take it over.
      const age = (() => {
        try {
          return Date.now() - statSync(lock).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if (age > limitMs) break;
      if (Date.now() - start > limitMs) throw new Error('waited too long for another test file to build the CLI');
      await sleep(50);
    }
  }
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--if-needed'], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    rmdirSync(lock);
  }
}

export interface Exit {
  exitCode: number;
  signal: number | undefined;
}

export interface PtyRun {
  readonly pid: number;
  /** Everything the program wrote, as written. */
  readonly raw: () => string;
  /** Window titles the program set (OSC 0 / 2): a hostile peer's must never get through. */
  readonly titles: string[];
  /** Clipboard writes it asked for (OSC 52). */
  readonly clipboard: string[];
  readonly bells: () => number;
  /** The visible screen, line by line, trailing spaces removed. */
  screen(): string;
  /** Types text one character at a time, as a person would (small delays). */
  type(text: string, delayMs?: number): Promise<void>;
  press(key: string): void;
  /** Waits until the screen contains `what` (or satisfies it); on timeout, fails showing the screen. */
  waitFor(what: string | RegExp | ((screen: string) => boolean), timeoutMs?: number): Promise<string>;
  readonly exited: Promise<Exit>;
  readonly alive: () => boolean;
  kill(signal?: string): void;
}

export interface PtyOptions {
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  /** Another program to run instead of the CLI (the start-up benchmark runs bare node). */
  command?: { file: string; args: string[] };
}

export function runInPty(args: string[], options: PtyOptions = {}): PtyRun {
  const columns = options.columns ?? 80;
  const rows = options.rows ?? 24;
  const term = new Terminal({ cols: columns, rows, allowProposedApi: true, scrollback: 0 });
  const titles: string[] = [];
  const clipboard: string[] = [];
  let bells = 0;
  term.onTitleChange((title) => titles.push(title));
  term.onBell(() => bells++);
  term.parser.registerOscHandler(52, (data) => {
    clipboard.push(data);
    return true;
  });
  const command = options.command ?? { file: process.execPath, args: [CLI, ...args] };
  // Ink draws nothing until it exits when it believes it runs in CI: the program is in a real
  // terminal here, whatever the test runner's environment says.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'CI' && name !== 'CONTINUOUS_INTEGRATION' && !name.startsWith('CI_')),
  );
  const pty: IPty = spawn(command.file, command.args, {
    name: 'xterm-256color',
    cols: columns,
    rows,
    cwd: ROOT,
    env: { ...inherited, TERM: 'xterm-256color', ...options.env } as Record<string, string>,
  });
  let raw = '';
  let alive = true;
  pty.onData((data) => {
    raw += data;
    term.write(data);
  });
  const exited = new Promise<Exit>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      alive = false;
      resolve({ exitCode, signal });
    });
  });

  const screen = () => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < rows; i++) lines.push((buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '').trimEnd());
    return lines.join('\n');
  };
  // xterm parses what it is given asynchronously: an empty write's callback says it has caught up.
  const settled = () => new Promise<void>((resolve) => term.write('', resolve));

  return {
    pid: pty.pid,
    raw: () => raw,
    titles,
    clipboard,
    bells: () => bells,
    screen,
    async type(text, delayMs = 3) {
      for (const char of text) {
        pty.write(char);
        await sleep(delayMs);
      }
    },
    press: (key) => pty.write(key),
    async waitFor(what, timeoutMs = 8000) {
      const check = typeof what === 'function' ? what : (s: string) => (typeof what === 'string' ? s.includes(what) : what.test(s));
      const start = Date.now();
      for (;;) {
        await settled();
        const now = screen();
        if (check(now)) return now;
        if (Date.now() - start > timeoutMs) {
          throw new Error(`the screen did not show ${String(what)} within ${timeoutMs} ms. The screen:\n${now}`);
        }
        await sleep(20);
      }
    },
    exited,
    alive: () => alive,
    kill(signal = 'SIGKILL') {
      if (alive) pty.kill(signal);
    },
  };
}

/** The sockets a live process holds open, read from /proc/<pid>/fd. */
export function socketFds(pid: number): number {
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) count++;
    } catch {
      // closed while we looked
    }
  }
  return count;
}
