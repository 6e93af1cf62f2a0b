// A program in a real pseudo-terminal, with the moment each frame it draws arrives: Ink draws a frame
// between the "synchronized output" brackets (ESC [?2026h ... ESC [?2026l), so a frame is complete
// when its closing bracket has arrived. Timings are taken when the bytes reach this process, as a
// terminal would receive them.
import { readFileSync } from 'node:fs';
import { spawn, type IPty } from '@lydell/node-pty';

const FRAME_END = '\x1b[?2026l';

export interface PtyProgram {
  pid: number;
  write(data: string): void;
  /** Resolves with the time (performance.now) of the first complete frame from now on that passes the check. */
  nextFrame(check: (frame: string) => boolean, timeoutMs?: number): Promise<number>;
  exited: Promise<number>;
  kill(): void;
}

/** Every variable but those that make Ink think it runs in CI (it then draws nothing). */
function terminalEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'CI' && name !== 'CONTINUOUS_INTEGRATION' && !name.startsWith('CI_')) env[name] = value;
  }
  return { ...env, TERM: 'xterm-256color', ...extra };
}

export function startInPty(file: string, args: string[], options: { columns?: number; rows?: number; env?: Record<string, string> } = {}): PtyProgram {
  const pty: IPty = spawn(file, args, {
    name: 'xterm-256color',
    cols: options.columns ?? 80,
    rows: options.rows ?? 24,
    env: terminalEnv(options.env ?? {}),
  });
  let pending = '';
  let waiter: { check: (frame: string) => boolean; resolve: (t: number) => void } | null = null;
  pty.onData((data) => {
    const now = performance.now();
    pending += data;
    let end = pending.indexOf(FRAME_END);
    while (end >= 0) {
      const frame = pending.slice(0, end);
      pending = pending.slice(end + FRAME_END.length);
      if (waiter?.check(frame)) {
        const { resolve } = waiter;
        waiter = null;
        resolve(now);
      }
      end = pending.indexOf(FRAME_END);
    }
  });
  const exited = new Promise<number>((resolve) => pty.onExit(() => resolve(performance.now())));
  return {
    pid: pty.pid,
    write: (data) => pty.write(data),
    nextFrame(check, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter = null;
          reject(new Error(`no such frame within ${timeoutMs} ms`));
        }, timeoutMs);
        waiter = {
          check,
          resolve: (t) => {
            clearTimeout(timer);
            resolve(t);
          },
        };
      });
    },
    exited,
    kill: () => {
      try {
        pty.kill('SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

/** Resident memory of a process, in MiB (VmRSS). */
export function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}
