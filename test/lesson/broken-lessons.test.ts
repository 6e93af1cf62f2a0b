import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lesson/diagnostics';
import { validateLessonFile } from '../../src/lesson/load';

const broken = fileURLToPath(new URL('./fixtures/broken/', import.meta.url));

/** Each expected problem as [line, a part of its message]; every diagnostic must be expected. */
function expectExactly(diagnostics: Diagnostic[], expected: [number, string][]): void {
  const got = diagnostics.map((d) => `${d.line}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`);
  const unmatched = [...got];
  const missing: string[] = [];
  for (const [line, part] of expected) {
    const index = unmatched.findIndex((g) => g.startsWith(`${line}: `) && g.includes(part));
    if (index < 0) missing.push(`${line}: …${part}…`);
    else unmatched.splice(index, 1);
  }
  expect({ missing, unexpected: unmatched }).toEqual({ missing: [], unexpected: [] });
}

async function problems(name: string): Promise<Diagnostic[]> {
  const result = await validateLessonFile(path.join(broken, name));
  expect(result.lesson).toBeNull();
  for (const d of result.diagnostics) expect(d.file).toBe(path.join(broken, name));
  return result.diagnostics;
}

describe('a broken front matter', () => {
  it('reports every problem at its line, with the closest known names', async () => {
    expectExactly(await problems('front-matter.md'), [
      [2, "id 'Bad_Id' must be kebab-case"],
      [2, 'the front matter has no title'],
      [3, "unknown front-matter key 'titel' (did you mean 'title'?)"],
      [4, 'summary must be one line'],
      [7, 'order must be a whole number from 0 to 1000000'],
      [8, 'level must be one of: beginner, intermediate, advanced'],
      [9, "tag 'Not-Kebab' must be kebab-case"],
      [9, "tag 'ok' is listed twice"],
      [11, 'ipv6 must be true or false'],
      [12, 'ports must be a whole number from 1 to 4'],
      [13, "unknown setting 'colour'"],
      [16, "unknown peer kind 'tcp-clinet' (did you mean 'tcp-client'?)"],
      [17, "http-server 'web' needs a body"],
      [19, 'fixed port 8080: use PORT'],
      [20, "unknown parameter 'bodi' for http-server 'web' (did you mean 'body'?)"],
      [23, "'10.0.0.1': peers only use the loopback"],
      [24, "unknown placeholder {dta} in the reply (did you mean 'data'?)"],
      [25, "unknown encoding 'klingon'"],
      [26, 'close_after_greeting needs a greeting'],
      [27, "peer name 'state' is taken by socklab"],
      [31, "PORT2 needs 'ports: 2' under settings"],
      [33, "reply: 'ascii' cannot encode the character U+00E9"],
      [34, "peer 'nameless' has no kind"],
      // web's port is an error, so it falls back to PORT, where srv listens too.
      [21, "peers 'web' and 'srv' would both listen on PORT: give one of them another port"],
    ]);
  });
});

describe('broken steps', () => {
  it('reports every problem of every step, in calls, checks, hints and peer blocks', async () => {
    expectExactly(await problems('steps.md'), [
      [18, 'a check block belongs to a step'],
      [22, 'a hint belongs to a step'],
      [24, "step 'No call and no check' has no suggested call"],
      [24, "step 'No call and no check' has no check"],
      [31, "SyntaxError: '(' was never closed (column 18)"],
      [32, 'fixed port 9999: use PORT'],
      [33, "HOST6 needs 'ipv6: true' under settings"],
      [33, "PORT2 needs 'ports: 2' under settings"],
      [34, 'socklab does not run this line: '],
      [49, "a check is one expression on one line: join conditions with 'and'"],
      [52, 'a step has one check; this step has another at line 47'],
      [56, "unknown directive 'hnit:' (did you mean 'hint:'?)"],
      [58, 'put the exception to match in backticks'],
      [67, 'a check is one expression (== compares), not an assignment'],
      [77, "unknown helper 'stat' in the check (did you mean 'state'?)"],
      [77, 'state() takes the socket itself, not its name in quotes'],
      [77, 'a check must only look, and .recv() would act'],
      [77, "unknown peer 'clinet' in peer_received() (did you mean 'client'?)"],
      [77, 'a check must only look, and print() would act'],
      [77, 'fixed port 8080: use PORT'],
      [77, 'result() takes no arguments'],
      [90, "unknown peer block option 'when=later': write when=start, when=blocked or when=done"],
      [91, "unknown peer 'clinet' (did you mean 'client'?)"],
      [92, "unknown peer action 'conect' (did you mean 'connect'?)"],
      [93, 'fixed port 9999: use PORT'],
      [94, "a peer sends bytes: write b'...' or '...'.encode('utf-8'), not a str"],
      [95, "tcp-server 'srv' cannot connect; it can send, sendall, shutdown, close, reset, flood, stop"],
      [96, 'count must be a whole number from 1 to 128'],
      [97, 'ms must be a whole number from 1 to 10000'],
      [98, "shutdown takes 'read', 'write' or 'both'"],
      [99, 'wait is not done by a peer: write wait(100) on its own'],
      [100, "connect() has no argument 'colour'"],
      [101, "'connect' needs a peer: write client.connect(...)"],
      [102, "SyntaxError: '(' was never closed"],
      [105, "unknown block type 'chek' (did you mean 'check'?)"],
      [109, "two steps have the title 'Python that does not parse' (the other at line 28)"],
      [125, 'the code block opened here is never closed'],
    ]);
  });
});

describe('other broken files', () => {
  it('reports a lesson without steps', async () => {
    expectExactly(await problems('no-steps.md'), [[7, "the lesson has no steps: each step is a '## ' heading"]]);
  });

  it('reports bad YAML at the YAML parser line', async () => {
    // The parser notices the unclosed '[' on the next line; what it could read is still checked.
    expectExactly(await problems('bad-yaml.md'), [
      [4, 'bad YAML in the front matter: Flow sequence in block collection must be sufficiently indented and end with a ]'],
      [3, 'title must be text'],
    ]);
  });

  it('reports a file without front matter at its first line', async () => {
    expectExactly(await problems('no-front-matter.md'), [[1, "a lesson starts with front matter: a '---' line"]]);
  });
});
