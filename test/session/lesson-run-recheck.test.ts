// A step is finished once: when its statement's own check passes, the peers its done-block drives act
// while the step is being finished, and a check run because they acted must not finish it again.
import { afterEach, describe, expect, it } from 'vitest';
import { parseLessonText, type Lesson } from '../../src/lesson';
import { Session } from '../../src/session/session';
import { LessonRun, type LessonRunEvent } from '../../src/session/lesson/lesson-run';

// The done-block connects, then keeps the step busy finishing (the wait) well past the moment a check
// after the peer's event would run.
const LESSON = `---
id: slow-done-block
title: A done-block that takes its time
summary: The client connects as soon as the server listens; the step then takes a while to finish.
peers:
  client:
    kind: tcp-client
---

\`\`\`python
import socket
\`\`\`

## Listen

\`\`\`python
s = socket.socket()
s.bind((HOST, PORT))
s.listen(5)
\`\`\`

\`\`\`check
state(s) == 'LISTEN'
\`\`\`

\`\`\`peer when=done
client.connect(PORT)
wait(250)
\`\`\`

## Watch the queue

\`\`\`python
s
\`\`\`

\`\`\`check
accept_queue(s) >= 1
\`\`\`

## Accept it

\`\`\`python
conn, addr = s.accept()
\`\`\`

\`\`\`check
defined('conn')
\`\`\`
`;

function lesson(): Lesson {
  const parsed = parseLessonText(LESSON, 'slow-done-block.md');
  if (!parsed.lesson) throw new Error(parsed.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  return parsed.lesson;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
}

describe('LessonRun checking again after peer events', () => {
  it('finishes a step once, then passes the next one by the peer alone', async () => {
    const session = new Session();
    const run = new LessonRun(lesson(), { session });
    cleanups.push(async () => {
      await run.stop();
      session.close();
    });
    const events: LessonRunEvent[] = [];
    run.onEvent((e) => events.push(e));
    await run.start();
    await run.submit('s = socket.socket()');
    await run.submit('s.bind((HOST, PORT))');
    const listened = await run.submit('s.listen(5)');
    expect(listened.passed).toBe(true);
    expect(run.stepIndex).toBe(1);
    await until(() => run.stepIndex === 2);
    // a little longer: a second finish of step 1 would connect the client again
    await new Promise((r) => setTimeout(r, 300));
    const connects = events.filter((e) => e.type === 'peer' && e.event.kind === 'connect');
    expect(connects).toHaveLength(1);
    expect(events.filter((e) => e.type === 'passed')).toEqual([{ type: 'passed', index: 1 }]);
    expect(events.filter((e) => e.type === 'step').map((e) => (e.type === 'step' ? e.index : -1))).toEqual([0, 1, 2]);
    expect(run.stepIndex).toBe(2);
  });
});
