// A TCP server typed key by key into `socklab sandbox`, at 80x24, checked on the screen as a person
// sees it: the listener, a client from this test waiting in the accept queue, accept, the bytes the
// client sent (repr and hex), and close. And keys typed while a statement runs.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, KEYS, runInPty } from './harness';
import { cleanUp, connectTo, enter, newContext, portOnScreen, promptLine, type E2eContext } from './helpers';

let context: E2eContext = newContext();

// the status line while a statement runs
const RUNNING = 'Ctrl+C interrupts · PgUp/PgDn sockets';

beforeAll(() => ensureBuilt(), 90_000);
afterEach(async () => {
  await cleanUp(context);
  context = newContext();
});

describe('socklab sandbox in a terminal', () => {
  it('runs a TCP server typed key by key, and shows its client, its queue and its bytes', async () => {
    const run = runInPty(['sandbox'], { env: { XDG_STATE_HOME: context.stateDir } });
    context.runs.push(run);
    await run.waitFor('sandbox: every statement runs on a real socket');
    await enter(run, 'import socket');
    await enter(run, 's = socket.socket()');
    await enter(run, "s.bind(('127.0.0.1', 0))");
    let screen = await enter(run, 's.listen()');
    expect(screen).toMatch(/\* s\s+\d+\s+TCP\s+127\.0\.0\.1:\d+\s+-\s+LISTEN\s+0\/128 waiting/);
    screen = await enter(run, 's.getsockname()');
    const port = portOnScreen(screen);

    const client = await connectTo(context, port);
    screen = await run.waitFor(/s\s+\d+\s+TCP\s+127\.0\.0\.1:\d+\s+-\s+LISTEN\s+1\/128 waiting/);
    expect(screen).toMatch(new RegExp(`waitin… -\\s+TCP\\s+127\\.0\\.0\\.1:${port}\\s+127\\.0\\.0\\.1:${client.localPort}\\s+ESTABLISHED`));

    screen = await enter(run, 'conn, addr = s.accept()');
    expect(screen).toMatch(new RegExp(`\\+ conn\\s+\\d+\\s+TCP\\s+127\\.0\\.0\\.1:${port}\\s+127\\.0\\.0\\.1:${client.localPort}\\s+ESTABLISHED`));
    expect(screen).toMatch(/s\s+\d+\s+TCP\s+127\.0\.0\.1:\d+\s+-\s+LISTEN\s+0\/128 waiting/);

    client.write(Buffer.from([0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x00, 0xff, 0x0a]));
    await run.waitFor(/conn\s+.*ESTABLISHED\s+8 bytes unread/);
    screen = await enter(run, 'data = conn.recv(1024)');
    expect(screen).toContain('bytes · conn.recv(1024) returned 8 bytes');
    expect(screen).toContain("b'hello\\x00\\xff\\n'");
    expect(screen).toContain('00000000  68 65 6c 6c 6f 00 ff 0a');
    expect(screen).toContain('|hello...|');

    screen = await enter(run, 'conn.close()');
    expect(screen).toMatch(/x conn\s+-\s+TCP\s+127\.0\.0\.1:\d+\s+127\.0\.0\.1:\d+\s+CLOSED/);
    screen = await enter(run, 's.close()');
    expect(screen).toMatch(/x s\s+-\s+TCP\s+127\.0\.0\.1:\d+\s+-\s+CLOSED/);
    run.press(KEYS.ctrlD);
    expect(await run.exited).toEqual({ exitCode: 0, signal: 0 });
  });

  it('keeps what is typed while a statement runs for after it, and Ctrl+C drops it', async () => {
    const run = runInPty(['sandbox'], { env: { XDG_STATE_HOME: context.stateDir } });
    context.runs.push(run);
    await run.waitFor('sandbox: every statement runs on a real socket');
    await enter(run, 'import time');
    await run.type('time.sleep(1)\r');
    await run.waitFor(RUNNING);
    await run.type('x = 7\rx * 2');
    let screen = await run.waitFor((s) => s.includes('>>> x = 7') && promptLine(s) === '>>> x * 2', 5000);
    expect(screen).toContain('>>> time.sleep(1)');
    run.press(KEYS.enter);
    await run.waitFor('>>> x * 2\n14');
    await run.type('time.sleep(30)\r');
    await run.waitFor(RUNNING);
    await run.type('y = 1');
    run.press(KEYS.ctrlC);
    screen = await run.waitFor('KeyboardInterrupt');
    expect(promptLine(screen)).toBe('>>>');
  });
});

