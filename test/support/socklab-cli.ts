// Runs the built socklab CLI (dist/socklab.js, as `npm start` runs it) as a child process, feeding
// statements on stdin: how the plain text mode is tested end to end.
import { join } from 'node:path';
import { runChild, type ChildRun } from './child';

export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'socklab.js');

export type CliRun = ChildRun;

export function runCli(args: readonly string[], input: string, options: { timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return runChild(process.execPath, [CLI, ...args], input, options);
}
