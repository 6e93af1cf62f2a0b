// A step is finished once: when its statement's own check passes, the peers its done-block drives act
// while the step is being finished, and a check run because they acted must not finish it again.
import { afterEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/lesson';
import { arrivingClientLesson } from '../support/arriving-client-lesson';
import { until } from '../py-socket/helpers';
import { Session } from '../../src/session/session';
import { LessonRun, type LessonRunEvent } from '../../src/session/lesson/lesson-run';

// The done-block connects, then keeps the step busy finishing (the wait) well past the moment a check
// after the peer's event would run.
function lesson(): Lesson {
  return arrivingClientLesson({
    id: 'slow-done-block',
    doneBlock: 'client.connect(PORT)\nwait(250)',
    queueCheck: 'accept_queue(s) >= 1',
    importInPreamble: true,
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

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
