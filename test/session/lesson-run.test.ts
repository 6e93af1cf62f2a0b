// The lesson engine on real sockets: a step passed by a peer acting while the learner does nothing,
// hints and solutions, rewinding with :back on fresh ports, and autoplay not advancing early.
import { afterEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/lesson';
import { arrivingClientLesson } from '../support/arriving-client-lesson';
import { until } from '../py-socket/helpers';
import { Session } from '../../src/session/session';
import { LessonRun, type LessonRunEvent } from '../../src/session/lesson/lesson-run';
import { autoplay } from '../../src/session/lesson/autoplay';

function lesson(): Lesson {
  return arrivingClientLesson({ id: 'waiting-client', doneBlock: 'wait(150)\nclient.connect(PORT)', importInPreamble: true });
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
