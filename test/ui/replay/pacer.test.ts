// The pacer against a clock the test moves by hand: pause stops a wait's clock, a new speed rescales
// what is left, Right ends it at once, a hold waits for its key, and interrupting ends everything.
import { describe, expect, it } from 'vitest';
import { initialControls } from '../../../src/ui/replay/controls';
import { Pacer, type Clock } from '../../../src/ui/replay/pacer';

class ManualClock implements Clock {
  time = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private id = 0;

  now(): number {
    return this.time;
  }

  setTimer(callback: () => void, ms: number): unknown {
    const id = ++this.id;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    this.time += ms;
    for (const [id, timer] of [...this.timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.time) break;
      this.timers.delete(id);
      timer.callback();
    }
  }
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

function tracked(promise: Promise<void>): { done: () => boolean } {
  let done = false;
  void promise.then(() => (done = true));
  return { done: () => done };
}

async function setUp(speed = 1) {
  const clock = new ManualClock();
  const pacer = new Pacer(initialControls(speed), clock);
  return { clock, pacer };
}

describe('Pacer', () => {
  it('waits the time at speed 1 divided by the speed', async () => {
    const { clock, pacer } = await setUp(2);
    const wait = tracked(pacer.wait(1000));
    clock.advance(499);
    await flush();
    expect(wait.done()).toBe(false);
    clock.advance(1);
    await flush();
    expect(wait.done()).toBe(true);
  });

  it('stops the clock while paused and goes on with what was left', async () => {
    const { clock, pacer } = await setUp();
    const wait = tracked(pacer.wait(1000));
    clock.advance(400);
    pacer.apply({ type: 'pause-toggled' });
    expect(clock.pending).toBe(0);
    clock.advance(10_000);
    await flush();
    expect(wait.done()).toBe(false);
    pacer.apply({ type: 'pause-toggled' });
    clock.advance(599);
    await flush();
    expect(wait.done()).toBe(false);
    clock.advance(1);
    await flush();
    expect(wait.done()).toBe(true);
  });

  it('rescales what is left when the speed changes', async () => {
    const { clock, pacer } = await setUp();
    const wait = tracked(pacer.wait(1000));
    clock.advance(500);
    pacer.apply({ type: 'faster' }); // 1.5x: 500 left take 333 ms
    pacer.apply({ type: 'faster' }); // 2x: 250 ms
    clock.advance(249);
    await flush();
    expect(wait.done()).toBe(false);
    clock.advance(1);
    await flush();
    expect(wait.done()).toBe(true);
    expect(pacer.state.speed).toBe(2);
  });

  it('ends a wait at once on Right, even while paused, and every wait until the next step', async () => {
    const { pacer } = await setUp();
    pacer.apply({ type: 'pause-toggled' });
    const wait = tracked(pacer.wait(5000));
    pacer.apply({ type: 'skip' });
    await flush();
    expect(wait.done()).toBe(true);
    const later = tracked(pacer.wait(5000));
    await flush();
    expect(later.done()).toBe(true);
    pacer.apply({ type: 'skip-ended' });
    const paused = tracked(pacer.wait(5000));
    await flush();
    expect(paused.done()).toBe(false);
    pacer.interrupt();
    await flush();
    expect(paused.done()).toBe(true);
  });

  it('holds until space, Enter or Right releases a step hold', async () => {
    const { pacer } = await setUp();
    const seen: (string | null)[] = [];
    pacer.onChange((c) => seen.push(c.hold?.kind ?? null));
    const hold = tracked(pacer.hold({ kind: 'step', number: 1 }));
    pacer.apply({ type: 'faster' });
    await flush();
    expect(hold.done()).toBe(false);
    pacer.apply({ type: 'continue' });
    await flush();
    expect(hold.done()).toBe(true);
    expect(seen).toEqual(['step', 'step', null]);
  });

  it('ends the end hold only when interrupted (quit, back, the next lesson), and every wait after until resumed', async () => {
    const { clock, pacer } = await setUp();
    const end = tracked(pacer.hold({ kind: 'end' }));
    pacer.apply({ type: 'skip' });
    pacer.apply({ type: 'pause-toggled' });
    await flush();
    expect(end.done()).toBe(false);
    pacer.interrupt();
    await flush();
    expect(end.done()).toBe(true);
    expect(pacer.state.hold).toBeNull();
    const again = tracked(pacer.hold({ kind: 'end' }));
    const quick = tracked(pacer.wait(1000));
    await flush();
    expect(again.done()).toBe(true);
    expect(quick.done()).toBe(true);
    pacer.resume();
    pacer.apply({ type: 'pause-toggled' });
    const slow = tracked(pacer.wait(1000));
    clock.advance(999);
    await flush();
    expect(slow.done()).toBe(false);
    clock.advance(1);
    await flush();
    expect(slow.done()).toBe(true);
    expect(clock.pending).toBe(0);
  });
});
