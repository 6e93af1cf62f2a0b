// The curriculum's programs P1-P7 and the error cases, each a script of statements run through
// CPython 3.11's console (python3) and through socklab, one statement at a time on real loopback
// sockets, compared statement by statement after normalising fds, ports and object addresses.
// Each side gets its own free ports, so both run at once and tests can run in parallel.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCPython, scriptLines } from '../support/cpython';
import { runSocklab } from '../support/socklab-console';
import { TranscriptNormaliser, fillPlaceholders, restorePlaceholders, transcriptBlocks } from '../support/normalise-transcript';
import { freePort, newSession, openFdCount, type Session } from './helpers';

const SCRIPTS = join(import.meta.dirname, 'scripts');
const files = readdirSync(SCRIPTS).filter((f) => f.endsWith('.txt')).sort();

async function ports(): Promise<Record<string, number>> {
  const chosen = new Set<number>();
  const out: Record<string, number> = {};
  for (const name of ['PORT', 'PORT2']) {
    let port = await freePort();
    while (chosen.has(port)) port = await freePort();
    chosen.add(port);
    out[name] = port;
  }
  return out;
}

function normalisedBlocks(transcript: string, lines: readonly string[], values: Record<string, number>): string[] {
  const normaliser = new TranscriptNormaliser();
  return transcriptBlocks(transcript, lines).map((block) => normaliser.normalise(restorePlaceholders(block, values)));
}

describe.each(files)('CPython and socklab print the same for %s', (file) => {
  const template = scriptLines(readFileSync(join(SCRIPTS, file), 'utf8'));
  let expected: string[] = [];
  let actual: string[] = [];
  let session: Session;
  let fdsBefore = 0;

  beforeAll(async () => {
    session = newSession();
    fdsBefore = openFdCount();
    const [pythonPorts, socklabPorts] = [await ports(), await ports()];
    const pythonLines = template.map((l) => fillPlaceholders(l, pythonPorts));
    const socklabLines = template.map((l) => fillPlaceholders(l, socklabPorts));
    const [python, socklab] = await Promise.all([runCPython(pythonLines), runSocklab(socklabLines, session.interpreter)]);
    expected = normalisedBlocks(python, pythonLines, pythonPorts);
    actual = normalisedBlocks(socklab, socklabLines, socklabPorts);
  }, 60_000);

  afterAll(() => {
    session.registry.closeAll();
    expect(openFdCount()).toBe(fdsBefore);
  });

  it('has one block per statement on both sides', () => {
    expect(expected).toHaveLength(template.length);
    expect(actual).toHaveLength(template.length);
  });

  it.each(template.map((line, i) => [i + 1, line] as const))('statement %i: %s', (n) => {
    expect(actual[n - 1]).toBe(expected[n - 1]);
  });
});
