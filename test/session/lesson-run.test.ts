// The lesson engine on real sockets: a step passed by a peer acting while the learner does nothing,
// hints and solutions, rewinding with :back on fresh ports, and autoplay not advancing early.
import { afterEach, describe, expect, it } from 'vitest';
import { parseLessonText, type Lesson } from '../../src/lesson';
import { Session } from '../../src/session/session';
import { LessonRun, type LessonRunEvent } from '../../src/session/lesson/lesson-run';
import { autoplay } from '../../src/session/lesson/autoplay';

const LESSON = `---
id: waiting-client
title: A client arrives by itself
summary: The second step is done when a client connects, without a statement.
peers:
  client:
    kind: tcp-client
---

\`\`\`python
import socket
\`\`\`

## Listen

Make a listening socket.

\`\`\`python
s = socket.socket()
s.bind((HOST, PORT))
s.listen(5)
\`\`\`

\`\`\`check
state(s) == 'LISTEN'
\`\`\`

> hint: bind, then listen.
> hint: Type the three calls.

\`\`\`peer when=done
wait(150)
client.connect(PORT)
\`\`\`

## Watch the queue

Do nothing: a client connects by itself, and the queue shows it.

\`\`\`python
s
\`\`\`

\`\`\`check
accept_queue(s) == 1
\`\`\`

## Accept it

\`\`\`python
conn, addr = s.accept()
\`\`\`

\`\`\`check
defined('conn') and state(conn) == 'ESTABLISHED'
\`\`\`
`;

function lesson(): Lesson {
  const parsed = parseLessonText(LESSON, 'waiting-client.md');
  if (!parsed.lesson) throw new Error(parsed.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  return parsed.lesson;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function start(): { run: LessonRun; events: LessonRunEvent[] } {
  const session = new Session();
  const run = new LessonRun(lesson(), { session });
  const events: LessonRunEvent[] = [];
  run.onEvent((e) => events.push(e));
  cleanups.push(async () => {
    await run.stop();
    session.close();
  });
  return { run, events };
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('LessonRun', () => {
  it('passes a step when a peer acts, with no statement from the learner', async () => {
    const { run, events } = start();
    await run.start();
    for (const call of ['s = socket.socket()', 's.bind((HOST, PORT))']) expect((await run.submit(call)).passed).toBe(false);
    const listened = await run.submit('s.listen(5)');
    expect(listened.passed).toBe(true);
    expect(run.stepIndex).toBe(1);
    await until(() => run.stepIndex === 2);
    expect(run.stepIndex).toBe(2);
    expect(events).toContainEqual({ type: 'passed', index: 1 });
    expect((await run.submit('conn, addr = s.accept()')).finished).toBe(true);
  });

  it('gives hints in order, then none, and the next suggested call', async () => {
    const { run } = start();
    await run.start();
    expect(run.solution()).toBe('s = socket.socket()');
    await run.submit('s = socket.socket()');
    expect(run.solution()).toBe('s.bind((HOST, PORT))');
    expect(run.nextHint()).toBe('bind, then listen.');
    expect(run.nextHint()).toBe('Type the three calls.');
    expect(run.nextHint()).toBeNull();
  });

  it('rewinds with :back onto fresh sockets and a fresh port', async () => {
    const { run } = start();
    await run.start();
    for (const call of ['s = socket.socket()', 's.bind((HOST, PORT))', 's.listen(5)']) await run.submit(call);
    await until(() => run.stepIndex === 2);
    const firstPort = run.ports.PORT;
    const rerun = await run.back();
    expect(run.stepIndex).toBe(1);
    expect(rerun.map((r) => r.source)).toEqual(['import socket', 's = socket.socket()', 's.bind((HOST, PORT))', 's.listen(5)']);
    expect(rerun.every((r) => r.error === null)).toBe(true);
    expect(run.ports.PORT).not.toBe(firstPort);
  });

  it('autoplay plays every step after its last call only', async () => {
    const { run } = start();
    await run.start();
    const report = await autoplay(run);
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.steps).toBe(3);
  });
});
