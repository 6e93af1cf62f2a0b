// Running an exported program with python3 (bounded, in a temporary directory) and comparing what it
// printed with what socklab's console printed, statement by statement, after normalising fds, ports,
// addresses and times.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TranscriptNormaliser } from '../../src/session/transcript/normalise';

export const PYTHON_TIMEOUT_MS = 60_000;

export interface PythonRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Writes `program` to a fresh temporary directory and runs it there with python3. */
export function runPython(program: string, args: string[] = []): Promise<PythonRun> {
  const dir = mkdtempSync(join(tmpdir(), 'socklab-export-'));
  const file = join(dir, 'lesson.py');
  writeFileSync(file, program);
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [file, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), PYTHON_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The program's output cut into one piece per statement, each as long (in lines) as what socklab
 * printed for that statement: the same program prints the same lines in the same places.
 */
export function splitLike(stdout: string, expected: readonly string[]): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const e of expected) {
    let end = at;
    for (let n = (e.match(/\n/g) ?? []).length; n > 0 && end < stdout.length; n--) {
      const next = stdout.indexOf('\n', end);
      end = next < 0 ? stdout.length : next + 1;
    }
    if (!e.endsWith('\n')) end = Math.min(stdout.length, end + (e.length - e.lastIndexOf('\n') - 1));
    pieces.push(stdout.slice(at, end));
    at = end;
  }
  if (at < stdout.length) pieces.push(stdout.slice(at));
  return pieces;
}

/**
 * Each statement's output, normalised in order (one normaliser per side), labelled with the statement.
 * `numbersVary[i]`: statement i ran in a step whose numbers differ from run to run (`> varies:`).
 */
export function normalisedOutputs(sources: readonly string[], outputs: readonly string[], numbersVary: readonly boolean[] = []): string[] {
  const n = new TranscriptNormaliser({ fds: 'hide', times: true });
  return outputs.map((o, i) => `>>> ${sources[i] ?? '(more output)'}\n${n.normaliseOutput(sources[i] ?? '', o, numbersVary[i] ?? false)}`);
}
