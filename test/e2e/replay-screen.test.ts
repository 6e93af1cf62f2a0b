// The replay screen in a real pseudo-terminal, as a presenter uses it: a lesson playing itself to its
// end with a pause, a Right and a Left on the way; a sandbox session recorded with --record through
// the screen, played back on the screen, then re-run with --live.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, FIXTURE_LESSONS, KEYS, runInPty, socketFds } from './harness';
import { cleanUp, enter, newContext, type E2eContext } from './helpers';

let context: E2eContext = newContext();

beforeAll(() => ensureBuilt(), 90_000);
afterEach(async () => {
  await cleanUp(context);
  context = newContext();
});

const RIGHT = '\x1b[C';
const LEFT = '\x1b[D';
const LESSONS = ['--lessons', FIXTURE_LESSONS, '--no-builtin'];

function pty(args: string[]) {
  const run = runInPty(args, { columns: 100, rows: 34, env: { XDG_STATE_HOME: context.stateDir } });
  context.runs.push(run);
  return run;
}

describe('socklab replay <lesson> on the screen', () => {
  it('plays the whole lesson at high speed, pausing, finishing a step at once and going back on the way', async () => {
    const run = pty(['replay', 'greeting-server', '--speed', '20', ...LESSONS]);
    await run.waitFor('step 1 of 7: Listen');
    run.press(' ');
    const paused = await run.waitFor('❚❚ PAUSED 20x · space resumes');
    // the lesson pane's title line says where it paused
    const step = Number(/step (\d) of 7/.exec(paused)?.[1]);
    expect(step).toBeGreaterThanOrEqual(1);

    run.press(RIGHT);
    await run.waitFor((s) => s.includes(`✓ step ${step} done`) && s.includes(`step ${step + 1} of 7:`));
    expect(run.screen()).toContain('❚❚ PAUSED 20x');

    run.press(LEFT);
    await run.waitFor(`back to step ${step}`);
    run.press(' ');
    await run.waitFor('▶ 20x · space pauses');
    const end = await run.waitFor('replay done: all 7 steps passed', 30_000);
    expect(end).toContain('step 7 of 7 · lesson complete');
    expect(end).toContain('■ done · q quits · ← back');
    expect(end).toMatch(/>>> s\.close\(\)/);
    run.press('q');
    expect(await run.exited).toEqual({ exitCode: 0, signal: 0 });
  });

  it('waits for a key after each step with --pause-each-step', async () => {
    const run = pty(['replay', 'greeting-server', '--speed', '20', '--pause-each-step', ...LESSONS]);
    await run.waitFor('step 1 done · space, Enter or → goes on');
    run.press(KEYS.enter);
    await run.waitFor('step 2 done · space, Enter or → goes on');
    expect(socketFds(run.pid)).toBeGreaterThan(0);
    run.press(KEYS.ctrlC);
    expect(await run.exited).toEqual({ exitCode: 0, signal: 0 });
  });
});

describe('socklab replay FILE on the screen', () => {
  it('records a sandbox session typed on the screen, plays it back as recorded, and re-runs it live with no difference', async () => {
    const file = join(context.stateDir, 'session.jsonl');
    const sandbox = pty(['sandbox', '--record', file]);
    await sandbox.waitFor(`recording to ${file}`);
    const typed = ['import socket', 's = socket.socket()', "s.bind(('127.0.0.1', 0))", 's.listen(3)', "s.send(b'x')", 'len(b"hello")'];
    for (const line of typed) await enter(sandbox, line);
    await sandbox.waitFor('BrokenPipeError: [Errno 32] Broken pipe');
    sandbox.press(KEYS.ctrlD);
    expect(await sandbox.exited).toEqual({ exitCode: 0, signal: 0 });
    const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; source?: string });
    expect(records.filter((r) => r.type === 'statement').map((r) => r.source)).toEqual(typed);
    expect(records[records.length - 1]).toMatchObject({ type: 'end', reason: 'quit', statements: 6 });

    const replay = pty(['replay', file, '--speed', '20']);
    await replay.waitFor(`replaying ${file}: a sandbox session`);
    const shown = await replay.waitFor('the recording ends (quit): 6 statements', 20_000);
    for (const line of typed) expect(shown).toContain(`>>> ${line}`);
    expect(shown).toContain('BrokenPipeError: [Errno 32] Broken pipe');
    expect(shown).toMatch(/\n5\n/);
    expect(shown).toMatch(/s\s+\d+\s+TCP\s+127\.0\.0\.1:\d+\s+-\s+LISTEN/);
    // nothing ran: the replay opened no socket
    expect(socketFds(replay.pid)).toBe(0);
    replay.press(LEFT);
    await replay.waitFor((s) => !s.includes('the recording ends') && !s.includes('len(b"hello")'));
    await replay.waitFor('the recording ends (quit): 6 statements', 20_000);
    replay.press('q');
    expect(await replay.exited).toEqual({ exitCode: 0, signal: 0 });

    const live = pty(['replay', file, '--live']);
    const checked = await live.waitFor('all 6 statements print what the recording printed', 20_000);
    expect(checked).toContain('■ done · q quits');
    live.press('q');
    expect(await live.exited).toEqual({ exitCode: 0, signal: 0 });

    const tampered = join(context.stateDir, 'tampered.jsonl');
    writeFileSync(tampered, readFileSync(file, 'utf8').replace('"output":"5\\n"', '"output":"6\\n"'));
    const differs = pty(['replay', tampered, '--live']);
    const report = await differs.waitFor('1 difference from the recording (6 statements run live)', 20_000);
    expect(report).toContain('DIFFERS:');
    differs.press('q');
    expect(await differs.exited).toEqual({ exitCode: 1, signal: 0 });
  });

  it('says what is wrong with a broken file, as FILE:line: message, before the screen opens', async () => {
    const bad = join(context.stateDir, 'bad.jsonl');
    writeFileSync(bad, '{"type":"header"}\n');
    const run = pty(['replay', bad]);
    expect((await run.exited).exitCode).toBe(1);
    expect(run.raw()).toContain(`${bad}:1: not a socklab transcript`);
    expect(run.raw()).not.toContain('\x1b[?1049h');
  });
});
