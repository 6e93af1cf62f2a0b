// Runs a script of statements through CPython 3.11 (test/support/cpython-console.py) and returns
// what its console printed, in the `>>> line` + output format the socklab side prints too.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, 'cpython-console.py');

export function runCPython(lines: readonly string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-X', 'utf8', SCRIPT], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONHASHSEED: '0', PYTHONWARNINGS: 'ignore' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`python3 did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`python3 exited with ${code}: ${Buffer.concat(err).toString('utf8')}`));
      else resolve(Buffer.concat(out).toString('utf8'));
    });
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

/** The statements of a script file's text: blank lines and # comments dropped, as the console script does. */
export function scriptLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
}
