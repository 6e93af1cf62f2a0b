// Runs a script of statements through CPython 3.11 (test/support/cpython-console.py) and returns
// what its console printed, in the `>>> line` + output format the socklab side prints too.
import { join } from 'node:path';
import { runChild } from './child';

const SCRIPT = join(import.meta.dirname, 'cpython-console.py');

export async function runCPython(lines: readonly string[], timeoutMs = 60_000): Promise<string> {
  const run = await runChild('python3', ['-X', 'utf8', SCRIPT], lines.map((l) => `${l}\n`).join(''), {
    timeoutMs,
    env: { PYTHONIOENCODING: 'utf-8', PYTHONHASHSEED: '0', PYTHONWARNINGS: 'ignore' },
  });
  if (run.code !== 0) throw new Error(`python3 exited with ${run.code}: ${run.stderr}`);
  return run.stdout;
}

/** The statements of a script file's text: blank lines and # comments dropped, as the console script does. */
export function scriptLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}
