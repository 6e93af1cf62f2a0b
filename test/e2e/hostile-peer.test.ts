// A hostile peer sends terminal control sequences: window titles (OSC 0 and 2), a clipboard write
// (OSC 52), clear-screen and cursor movement, BEL and a bidi override. After recv() the screen is
// intact, none of them reached the terminal, and the bytes are shown escaped.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, KEYS, runInPty } from './harness';
import { cleanUp, connectTo, enter, listeningSandbox, newContext, promptLine, type E2eContext } from './helpers';

let context: E2eContext = newContext();

beforeAll(() => ensureBuilt(), 90_000);
afterEach(async () => {
  await cleanUp(context);
  context = newContext();
});

const HOSTILE = [
  '\u202eevil',
  '\x1b]0;pwned-title\x07',
  '\x1b]2;pwned-name\x1b\\',
  '\x1b]52;c;cHduZWQ=\x07',
  '\x1b[2J\x1b[H',
  '\x1b[5;5HPWNED',
  '\x07',
  '\r\n',
].join('');

describe('a hostile peer', () => {
  it('cannot reach the terminal through the bytes it sends', async () => {
    const run = runInPty(['sandbox'], { columns: 100, rows: 30, env: { XDG_STATE_HOME: context.stateDir } });
    context.runs.push(run);
    const port = await listeningSandbox(run);
    const client = await connectTo(context, port);
    await enter(run, 'conn, addr = s.accept()');
    const rawBefore = run.raw().length;
    client.write(Buffer.from(HOSTILE, 'utf8'));
    await run.waitFor(new RegExp(`conn\\s+.*ESTABLISHED\\s+${Buffer.byteLength(HOSTILE)} bytes unread`));
    const screen = await enter(run, 'conn.recv(1024)');

    // the screen is whole: the table, the console, the prompt and the status line, in their places
    const lines = screen.split('\n');
    expect(lines[0]).toMatch(/^── sockets \(3\) ─+$/);
    expect(lines.some((l) => l.startsWith(`── bytes · conn.recv(1024) returned ${Buffer.byteLength(HOSTILE)} bytes`))).toBe(true);
    expect(promptLine(screen)).toBe('>>>');
    expect(lines[lines.length - 1]).toMatch(/^Enter runs · Tab completes/);
    // PWNED shows only as text after its escaped cursor movement, never where the movement would put it
    for (const line of lines.filter((l) => l.includes('PWNED'))) expect(line).toContain('5;5HPWNED');
    expect(lines[4]?.slice(4, 9)).not.toBe('PWNED');

    // shown escaped: the repr, the hex dump, the decoded text
    // the console wraps the repr at the screen's width: joined, its lines give it back whole
    const repr = "b'\\xe2\\x80\\xaeevil\\x1b]0;pwned-title\\x07\\x1b]2;pwned-name\\x1b\\\\\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J\\x1b[H\\x1b[5;5HPWNED\\x07\\r\\n'";
    expect(lines.join('')).toContain(`>>> conn.recv(1024)${repr}>>>`);
    expect(screen).toMatch(/00000000 {2}e2 80 ae 65 76 69 6c 1b {2}5d 30 3b 70 77 6e 65 64 {2}\|\.\.\.evil\.\]0;pwned\|/);
    expect(screen).toContain("utf-8 [Ctrl+T]: '\\u202eevil\\x1b]0;pwned-title\\x07");

    // nothing got through to the terminal
    const written = run.raw().slice(rawBefore);
    expect(run.titles).toEqual([]);
    expect(run.clipboard).toEqual([]);
    expect(run.bells()).toBe(0);
    for (const sequence of ['\x1b]0;', '\x1b]2;', '\x1b]52;', '\x1b[5;5H', '\x07', '\u202e']) expect(written).not.toContain(sequence);

    run.press(KEYS.ctrlD);
    expect((await run.exited).exitCode).toBe(0);
  });
});
