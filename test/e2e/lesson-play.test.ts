// A lesson from the fixtures played through the screen, as a learner who asks for each call would:
// :solution puts it on the prompt, Enter runs it, until the lesson is done; then :lessons goes back
// to the menu, which marks it done, and q quits. And the menu with a lesson file that does not load.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, FIXTURE_LESSONS, KEYS, runInPty, type PtyRun } from './harness';
import { cleanUp, newContext, promptLine, type E2eContext } from './helpers';

let context: E2eContext = newContext();

beforeAll(() => ensureBuilt(), 90_000);
afterEach(async () => {
  await cleanUp(context);
  context = newContext();
});

/** The prompt is up and empty (maybe showing the suggestion as ghost text after the cursor). */
const idle = (screen: string) => {
  const prompt = promptLine(screen);
  return prompt === '>>>' || prompt.startsWith('>>>  ');
};

async function command(run: PtyRun, text: string): Promise<void> {
  await run.waitFor(idle);
  await run.type(text);
  await run.waitFor((s) => promptLine(s) === `>>> ${text}`);
  run.press(KEYS.enter);
}

describe('a lesson on the screen', () => {
  it('is played to its end with :solution and Enter, then :lessons shows it done', async () => {
    const args = ['greeting-server', '--lessons', FIXTURE_LESSONS, '--no-builtin'];
    // tall enough that the console still shows each call under the notes the peers add after it
    const run = runInPty(args, { columns: 100, rows: 40, env: { XDG_STATE_HOME: context.stateDir } });
    context.runs.push(run);
    await run.waitFor('step 1 of 7: Listen');
    const calls: string[] = [];
    for (let i = 0; i < 30 && !run.screen().includes('lesson complete: A server that greets its clients'); i++) {
      await command(run, ':solution');
      const screen = await run.waitFor((s) => /^>>> [^: ]/.test(promptLine(s)));
      const call = promptLine(screen).slice(4);
      calls.push(call);
      run.press(KEYS.enter);
      await run.waitFor((s) => idle(s) && s.includes(`>>> ${call}`), 15_000);
    }
    const end = await run.waitFor('lesson complete: A server that greets its clients');
    expect(end).toContain('step 7 of 7 · lesson complete');
    expect(end).toContain('✓ step 7 done: Close both sockets');
    expect(calls).toEqual([
      'import socket',
      's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
      's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
      's.bind((HOST, PORT))',
      's.listen(5)',
      's',
      'conn, addr = s.accept()',
      "conn.sendall('Thank you for connecting\\r\\n'.encode('ascii'))",
      'msg = conn.recv(1024)',
      'conn.recv(1024)',
      'conn.close()',
      's.close()',
    ]);

    await command(run, ':lessons');
    const menu = await run.waitFor('socklab · lessons');
    expect(menu).toMatch(/ {3}2 {2}A server that greets its clients\s+done\n/);
    // the next lesson not done is preselected
    expect(menu).toMatch(/> {2}3 {2}UDP, IPv6, AF_UNIX and a crowd of clients\s+not started/);
    expect(menu).toMatch(/ {3}1 {2}Fetch a web page\s+not started/);
    run.press('q');
    expect(await run.exited).toEqual({ exitCode: 0, signal: 0 });
  });
});

describe('the lesson menu with a broken lesson file', () => {
  it('leaves it out and says so, then prints its errors once the terminal is back, and no warnings', async () => {
    const dir = join(context.stateDir, 'lessons');
    mkdirSync(dir);
    copyFileSync(join(FIXTURE_LESSONS, '..', 'broken', 'no-steps.md'), join(dir, 'no-steps.md'));
    // the built-in lessons come too: one of them has a warning for authors (a fixed port 80)
    const run = runInPty(['--lessons', dir], { env: { XDG_STATE_HOME: context.stateDir } });
    context.runs.push(run);
    await run.waitFor("a lesson file has errors and is left out: 'socklab validate' shows why");
    run.press('q');
    expect(await run.exited).toEqual({ exitCode: 0, signal: 0 });
    const after = run.screen();
    expect(after).toContain('no-steps.md:7: the lesson has no steps');
    expect(after).not.toContain('warning');
  });

  it('opens a lesson named by id at once, reads the others after, and prints their errors once the terminal is back', async () => {
    const dir = join(context.stateDir, 'lessons');
    mkdirSync(dir);
    for (const file of ['fetch-page.md', 'greeting-server.md']) copyFileSync(join(FIXTURE_LESSONS, file), join(dir, file));
    copyFileSync(join(FIXTURE_LESSONS, '..', 'broken', 'no-steps.md'), join(dir, 'no-steps.md'));
    const run = runInPty(['greeting-server', '--lessons', dir, '--no-builtin'], { env: { XDG_STATE_HOME: context.stateDir } });
    context.runs.push(run);
    await run.waitFor('step 1 of 7: Listen');
    // the other lessons were read after the first frame: :lessons 1 opens the first of them
    await command(run, ':lessons 1');
    const opened = await run.waitFor('Fetch a web page');
    expect(opened).not.toContain('still being read');
    await command(run, ':quit');
    expect(await run.exited).toEqual({ exitCode: 0, signal: 0 });
    expect(run.screen()).toContain('no-steps.md:7: the lesson has no steps');
  });
});

