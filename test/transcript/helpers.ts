// Shared by the transcript tests: a temporary directory per test, statement results and lesson steps
// made by hand, and the CLI run in this process with its streams captured.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll } from 'vitest';
import type { Step } from '../../src/lesson/model';
import type { Io } from '../../src/cli/main';
import type { StatementResult } from '../../src/session/types';

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'socklab-transcript-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A temporary directory shared by a file's tests, with XDG_STATE_HOME pointed inside it while they run:
 * taking a lesson saves progress, and it must not land in the user's own state.
 */
export function tempDirWithOwnState(): { readonly path: string } {
  let dir: ReturnType<typeof tempDir> | null = null;
  let savedState: string | undefined;
  beforeAll(() => {
    dir = tempDir();
    savedState = process.env['XDG_STATE_HOME'];
    process.env['XDG_STATE_HOME'] = join(dir.path, 'state');
  });
  afterAll(() => {
    if (savedState === undefined) delete process.env['XDG_STATE_HOME'];
    else process.env['XDG_STATE_HOME'] = savedState;
    dir?.remove();
  });
  return {
    get path(): string {
      if (!dir) throw new Error('the directory exists only while the tests run');
      return dir.path;
    },
  };
}

export function result(over: Partial<StatementResult> = {}): StatementResult {
  return {
    index: 1,
    source: 's.recv(1024)',
    output: "b'hi'\n",
    error: null,
    rows: [
      { key: 'L1', name: 's', owner: 'learner', fd: 5, proto: 'TCP', local: '127.0.0.1:40000', remote: '127.0.0.1:9999', state: 'ESTABLISHED', unread: 0, closed: false },
    ],
    changes: [{ key: 'L1', kind: 'changed', fields: ['unread'] }],
    bytes: [{ label: 's.recv(1024)', data: new Uint8Array([104, 105, 0, 255]), from: '127.0.0.1:9999' }],
    startedAt: Date.now(),
    durationMs: 3,
    ...over,
  };
}

export function step(number: number, over: Partial<Step> = {}): Step {
  return {
    id: `step-${number}`,
    number,
    title: `Step title ${number}`,
    line: 10,
    prose: 'Some prose.',
    calls: [{ source: 's = socket.socket()', line: 12 }],
    check: { source: "state(s) == 'CLOSE'", line: 14 },
    hints: [],
    errorHints: [],
    varies: null,
    peerActions: [],
    ...over,
  };
}

export interface CliOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs socklab's main() in this process: stdin from `input`, stdout and stderr captured (not a terminal). */
export async function runMain(argv: string[], input = ''): Promise<CliOutput> {
  const { main } = await import('../../src/cli/main');
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    ({
      isTTY: false,
      write(chunk: string | Uint8Array) {
        append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      },
    }) as unknown as NodeJS.WriteStream;
  const io: Io = {
    stdin: Readable.from([input]) as unknown as NodeJS.ReadStream,
    stdout: sink((t) => (stdout += t)),
    stderr: sink((t) => (stderr += t)),
    env: process.env,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
