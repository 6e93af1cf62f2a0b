// Runs every statement script in test/py/scripts through CPython 3.11's console (python3) and through
// socklab's Interpreter, and compares what each printed, statement by statement.
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCPython, scriptLines } from '../support/cpython';
import { runSocklab } from '../support/socklab-console';

const SCRIPTS = join(import.meta.dirname, 'scripts');
const files = readdirSync(SCRIPTS).filter((f) => f.endsWith('.txt')).sort();

/**
 * The transcript split into one block per statement, '>>> line\n' plus its output, found by the
 * statements' own echo lines (output without a final newline runs into the next echo).
 */
function blocks(transcript: string, lines: readonly string[]): string[] {
  const starts: number[] = [];
  let from = 0;
  for (const line of lines) {
    const at = transcript.indexOf(`>>> ${line}\n`, from);
    if (at < 0) break;
    starts.push(at);
    from = at + line.length + 5;
  }
  return starts.map((start, i) => transcript.slice(start, starts[i + 1] ?? transcript.length));
}

describe.each(files)('CPython and socklab print the same for %s', (file) => {
  const lines = scriptLines(readFileSync(join(SCRIPTS, file), 'utf8'));
  let expected: string[] = [];
  let actual: string[] = [];

  beforeAll(async () => {
    const [python, socklab] = await Promise.all([runCPython(lines), runSocklab(lines)]);
    expected = blocks(python, lines);
    actual = blocks(socklab, lines);
  }, 60_000);

  it('has one block per statement on both sides', () => {
    expect(expected).toHaveLength(lines.length);
    expect(actual).toHaveLength(lines.length);
  });

  it.each(lines.map((line, i) => [i + 1, line] as const))('statement %i: %s', (n) => {
    expect(actual[n - 1]).toBe(expected[n - 1]);
  });
});
