// The built CLI in plain mode against CPython 3.11's console: the curriculum's programs P1-P7 and the
// error scripts, fed to `socklab sandbox --plain --no-state` and to python3 line by line, compared
// statement by statement after normalising fds, kernel-chosen ports and object addresses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCPython, scriptLines } from '../support/cpython';
import { runCli } from '../support/socklab-cli';
import { TranscriptNormaliser, fillPlaceholders, restorePlaceholders, transcriptBlocks } from '../support/normalise-transcript';
import { freePort } from '../py-socket/helpers';

const SCRIPTS = join(import.meta.dirname, '..', 'py-socket', 'scripts');
const files = readdirSync(SCRIPTS).filter((f) => /^p\d|^errors/.test(f)).sort();

async function twoPorts(): Promise<Record<string, number>> {
  const first = await freePort();
  let second = await freePort();
  while (second === first) second = await freePort();
  return { PORT: first, PORT2: second };
}

function blocks(transcript: string, lines: readonly string[], values: Record<string, number>): string[] {
  const normaliser = new TranscriptNormaliser();
  return transcriptBlocks(transcript, lines).map((b) => normaliser.normalise(restorePlaceholders(b, values)));
}

describe('socklab sandbox --plain --no-state prints what CPython prints', () => {
  it.each(files)('%s', async (file) => {
    const template = scriptLines(readFileSync(join(SCRIPTS, file), 'utf8'));
    const [pyPorts, slPorts] = [await twoPorts(), await twoPorts()];
    const pyLines = template.map((l) => fillPlaceholders(l, pyPorts));
    const slLines = template.map((l) => fillPlaceholders(l, slPorts));
    const [python, socklab] = await Promise.all([
      runCPython(pyLines),
      runCli(['sandbox', '--plain', '--no-state'], slLines.map((l) => `${l}\n`).join('')),
    ]);
    expect(socklab.stderr).toBe('');
    expect(socklab.code).toBe(0);
    const expected = blocks(python, pyLines, pyPorts);
    const actual = blocks(socklab.stdout, slLines, slPorts);
    expect(actual).toHaveLength(template.length);
    for (let i = 0; i < template.length; i++) expect(`${i + 1}: ${actual[i]}`).toBe(`${i + 1}: ${expected[i]}`);
  }, 90_000);
});
