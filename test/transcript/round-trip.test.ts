// Record -> replay --plain -> replay --live, through socklab's own command line, on real loopback
// sockets: the sandbox, a lesson taken in plain mode (with its colon commands), and a lesson playing
// itself. A replay prints exactly what the recording session printed; a live replay finds no
// difference; a tampered recording shows exactly the tampered statement, with exit status 1.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain, tempDirWithOwnState } from './helpers';

const FIXTURES = join(import.meta.dirname, '..', 'lesson', 'fixtures', 'good');
const LESSONS = ['--lessons', FIXTURES, '--no-builtin'];

const dir = tempDirWithOwnState();

/** Changes the output of the statement record whose source is `source`; returns its line number. */
function tamper(file: string, source: string, output: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('{"type":"statement"') && (JSON.parse(l) as { source: string }).source === source);
  if (at < 0) throw new Error(`no statement ${source} in ${file}`);
  const record = JSON.parse(lines[at]!) as { output: string };
  record.output = output;
  lines[at] = JSON.stringify(record);
  writeFileSync(file, lines.join('\n'));
  return at + 1;
}

const differsLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('# DIFFERS: '));
/** stderr without the lesson loader's warnings about the lessons found (not this test's business). */
const problems = (stderr: string) => stderr.split('\n').filter((l) => l !== '' && !l.includes(': warning: '));

const SANDBOX = [
  'import socket',
  'srv = socket.socket()',
  "srv.bind(('127.0.0.1', 0))",
  'srv.listen(1)',
  'cli = socket.create_connection(srv.getsockname())',
  'conn, addr = srv.accept()',
  "cli.sendall(b'hello')",
  'conn.recv(1024)',
  'addr == cli.getsockname()',
  "cli.send('oops')",
  'srv',
  'conn.close(); cli.close(); srv.close()',
].join('\n');

describe('a sandbox session', () => {
  const file = () => join(dir.path, 'sandbox.jsonl');
  let recorded = '';

  beforeAll(async () => {
    const run = await runMain(['sandbox', '--plain', '--record', file()], SANDBOX);
    expect(run.code).toBe(0);
    recorded = run.stdout;
  });

  it('replays as plain mode printed it (--no-state without the state lines)', async () => {
    expect(recorded).toContain("b'hello'");
    expect(recorded).toContain("TypeError: a bytes-like object is required, not 'str'");
    const replay = await runMain(['replay', file(), '--plain']);
    expect(replay.stdout).toBe(recorded);
    expect(problems(replay.stderr)).toEqual([]);
    expect(replay.code).toBe(0);
    const quiet = await runMain(['replay', file(), '--plain', '--no-state']);
    expect(quiet.stdout).not.toContain('# ');
    expect(quiet.stdout).toContain(">>> conn.recv(1024)\nb'hello'\n");
  });

  it('replays live with no difference, then shows exactly the tampered statement', async () => {
    const live = await runMain(['replay', file(), '--live']);
    expect(differsLines(live.stdout)).toEqual([]);
    expect(live.stdout).toContain('# All 12 statements print what the recording printed.');
    expect(live.code).toBe(0);

    const line = tamper(file(), 'conn.recv(1024)', "b'HELLO'\n");
    const changed = await runMain(['replay', file(), '--live', '--no-state']);
    expect(differsLines(changed.stdout)).toEqual([`# DIFFERS: ${file()}:${line}: statement 8 prints something else live: conn.recv(1024)`]);
    expect(changed.stdout).toContain("#   recorded: b'HELLO'\n#   live:     b'hello'\n");
    expect(changed.stdout).toContain('# 1 difference from the recording (12 statements run live).');
    expect(changed.code).toBe(1);
  });
});

describe('a lesson taken in plain mode, with colon commands', () => {
  const file = () => join(dir.path, 'lesson.jsonl');
  const input = [
    ':hint',
    's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
    's.connect((HOST, PORT))',
    ':bogus',
    "s.send('GET')",
    "s.send(b'GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n')",
    ':back',
    "s.send(b'GET / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\nConnection: close\\r\\n\\r\\n')",
    'd = s.recv(1024)',
    ':next',
    ':solution',
    ':quit',
  ].join('\n');
  let recorded = '';

  beforeAll(async () => {
    const run = await runMain(['fetch-a-page', '--plain', '--record', file(), ...LESSONS], input);
    expect(run.code).toBe(0);
    recorded = run.stdout;
  });

  it('replays as plain mode printed it: prose, commands, peers, re-run steps', async () => {
    expect(recorded).toContain('# Step 3 of 6: Read the reply');
    expect(recorded).toContain('>>> :back\n>>> import socket\n');
    const replay = await runMain(['replay', file(), '--plain', ...LESSONS]);
    expect(problems(replay.stderr)).toEqual([]);
    expect(replay.stdout).toBe(recorded);
    expect(replay.code).toBe(0);
  });

  it('replays live through the same lesson with no difference, then shows the tampered statement', async () => {
    const live = await runMain(['replay', file(), '--live', ...LESSONS]);
    expect(differsLines(live.stdout)).toEqual([]);
    expect(live.code).toBe(0);

    const line = tamper(file(), "s.send('GET')", "TypeError: a bytes-like object is required, not 'bytes'\n");
    const changed = await runMain(['replay', file(), '--live', ...LESSONS]);
    expect(differsLines(changed.stdout)).toEqual([`# DIFFERS: ${file()}:${line}: statement 5 prints something else live: s.send('GET')`]);
    expect(changed.code).toBe(1);
  });
});

describe('a lesson playing itself', () => {
  const file = () => join(dir.path, 'replay.jsonl');
  let recorded = '';

  beforeAll(async () => {
    const run = await runMain(['replay', 'greeting-server', '--plain', '--record', file(), ...LESSONS]);
    expect(run.code).toBe(0);
    recorded = run.stdout;
  });

  it('replays as it printed, checks and summary included', async () => {
    expect(recorded).toContain('# All 7 steps passed.');
    const replay = await runMain(['replay', file(), '--plain', ...LESSONS]);
    expect(replay.stdout).toBe(recorded);
    expect(problems(replay.stderr)).toEqual([]);
    expect(replay.code).toBe(0);
  });

  it('replays live with no difference; a tampered output is the one difference', async () => {
    const live = await runMain(['replay', file(), '--live', '--no-state', ...LESSONS]);
    expect(differsLines(live.stdout)).toEqual([]);
    expect(live.code).toBe(0);

    const line = tamper(file(), 'conn.recv(1024)', "b'bye'\n");
    const changed = await runMain(['replay', file(), '--live', '--no-state', ...LESSONS]);
    expect(differsLines(changed.stdout)).toEqual([`# DIFFERS: ${file()}:${line}: statement 10 prints something else live: conn.recv(1024)`]);
    expect(changed.code).toBe(1);
  });
});

describe("a lesson step whose numbers vary ('> varies:')", () => {
  const file = () => join(dir.path, 'byte-stream.jsonl');

  beforeAll(async () => {
    const run = await runMain(['replay', 'byte-stream', '--plain', '--no-state', '--record', file()]);
    expect(run.code).toBe(0);
  }, 60_000);

  it("replays live without comparing the count send() took, yet compares the step's other output and other steps' numbers", async () => {
    // The kernel takes another count on another run: not a difference.
    tamper(file(), 'n', '1234567\n');
    const live = await runMain(['replay', file(), '--live', '--no-state']);
    expect(problems(live.stderr)).toEqual([]);
    expect(differsLines(live.stdout)).toEqual([]);
    expect(live.code).toBe(0);

    // A number in quotes is still a str where an int was printed; b'abcd' is another byte.
    const nLine = tamper(file(), 'n', "'1234567'\n");
    const recvLine = tamper(file(), 'conn.recv(3)', "b'abcd'\n");
    const changed = await runMain(['replay', file(), '--live', '--no-state']);
    expect(differsLines(changed.stdout).map((l) => l.replace(/ statement \d+ /, ' statement N '))).toEqual([
      `# DIFFERS: ${file()}:${recvLine}: statement N prints something else live: conn.recv(3)`,
      `# DIFFERS: ${file()}:${nLine}: statement N prints something else live: n`,
    ]);
    expect(changed.code).toBe(1);
  }, 60_000);
});

describe('the command line', () => {
  it('says a transcript file cannot be written before anything runs', async () => {
    const where = join(dir.path, 'missing', 'x.jsonl');
    const run = await runMain(['sandbox', '--plain', '--record', where], 'import socket\n');
    expect(run).toEqual({ code: 1, stdout: '', stderr: `socklab: cannot record to ${where}: the directory ${join(dir.path, 'missing')} does not exist\n` });
  });

  it('says when a directory takes no new files, and when --step is past the lesson', async () => {
    const proc = await runMain(['sandbox', '--plain', '--record', '/proc/socklab.jsonl'], 'import socket\n');
    expect(proc).toEqual({ code: 1, stdout: '', stderr: 'socklab: cannot record to /proc/socklab.jsonl: no file can be made in /proc\n' });
    const past = await runMain(['replay', 'greeting-server', '--plain', '--step', '99', ...LESSONS]);
    expect(past).toEqual({ code: 2, stdout: '', stderr: 'socklab: greeting-server has 7 steps: --step takes 1 to 7, not 99\n' });
  });

  it('reports a broken transcript as FILE:line messages, exit 1', async () => {
    const bad = join(dir.path, 'bad.jsonl');
    writeFileSync(bad, '{"type":"header","format":"socklab-transcript","version":7}\n');
    const run = await runMain(['replay', bad, '--plain', ...LESSONS]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(problems(run.stderr)).toEqual([
      `${bad}:1: this transcript was written by a newer socklab (format version 7; this socklab reads version 1): update socklab to read it`,
    ]);
  });

  it('needs the lesson of a lesson transcript to replay it live', async () => {
    // The lesson is neither among the lessons given nor at the file the header names.
    const moved = join(dir.path, 'moved.jsonl');
    const [head, ...rest] = readFileSync(join(dir.path, 'replay.jsonl'), 'utf8').split('\n');
    const header = JSON.parse(head!) as { lesson: { file: string } };
    header.lesson.file = join(dir.path, 'gone.md');
    writeFileSync(moved, [JSON.stringify(header), ...rest].join('\n'));
    const run = await runMain(['replay', moved, '--live', '--lessons', dir.path, '--no-builtin']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(problems(run.stderr)).toEqual([
      `${moved}:1: the transcript was recorded in the lesson 'greeting-server' (${join(dir.path, 'gone.md')}), which socklab cannot find: name its directory with --lessons DIR`,
    ]);
  });
});
