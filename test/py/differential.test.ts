// Runs every statement script in test/py/scripts through CPython 3.11's console (python3) and through
// socklab's Interpreter, and compares what each printed, statement by statement.
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCPython, scriptLines } from '../support/cpython';
import { runSocklab } from '../support/socklab-console';
import { transcriptBlocks } from '../support/normalise-transcript';

const SCRIPTS = join(import.meta.dirname, 'scripts');
const files = readdirSync(SCRIPTS).filter((f) => f.endsWith('.txt')).sort();

describe.each(files)('CPython and socklab print the same for %s', (file) => {
  const lines = scriptLines(readFileSync(join(SCRIPTS, file), 'utf8'));
  let expected: string[] = [];
  let actual: string[] = [];

  beforeAll(async () => {
    const [python, socklab] = await Promise.all([runCPython(lines), runSocklab(lines)]);
    expected = transcriptBlocks(python, lines);
    actual = transcriptBlocks(socklab, lines);
  }, 60_000);

  it('has one block per statement on both sides', () => {
    expect(expected).toHaveLength(lines.length);
    expect(actual).toHaveLength(lines.length);
  });

  it.each(lines.map((line, i) => [i + 1, line] as const))('statement %i: %s', (n) => {
    expect(actual[n - 1]).toBe(expected[n - 1]);
  });
});
