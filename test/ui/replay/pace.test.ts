// The replay's pace, controls, status line and keys: pure, no clock, no Ink.
import { describe, expect, it } from 'vitest';
import { controlsReducer, initialControls, running, type ReplayControls } from '../../../src/ui/replay/controls';
import {
  BEFORE_ENTER_MS,
  BEFORE_TYPING_MS,
  CHAR_MS,
  MAX_GAP_MS,
  STEP_READING_MAX_MS,
  STEP_READING_MIN_MS,
  faster,
  readingMs,
  recordedPauseMs,
  scaled,
  slower,
  speedLabel,
  typingMs,
  typingSchedule,
} from '../../../src/ui/replay/pace';
import { replayBarText } from '../../../src/ui/replay/replay-bar';
import type { ReplayStatus } from '../../../src/ui/replay/replay-state';
import { mapReplayKey } from '../../../src/ui/keys/replay-keys';

describe('speeds', () => {
  it('steps through 0.5x ... 4x and stays at either end', () => {
    const up: number[] = [];
    for (let s = 0.5, i = 0; i < 10; i++, s = faster(s)) up.push(s);
    expect(up.slice(0, 8)).toEqual([0.5, 0.75, 1, 1.5, 2, 3, 4, 4]);
    expect(slower(0.5)).toBe(0.5);
    expect(slower(1)).toBe(0.75);
  });

  it('comes back to the steps from a --speed between or beyond them', () => {
    expect(faster(1.2)).toBe(1.5);
    expect(slower(1.2)).toBe(1);
    expect(slower(20)).toBe(4);
    expect(faster(20)).toBe(20);
    expect(faster(0.1)).toBe(0.5);
  });

  it('labels and scales', () => {
    expect(speedLabel(1)).toBe('1x');
    expect(speedLabel(0.75)).toBe('0.75x');
    expect(speedLabel(1 / 3)).toBe('0.33x');
    expect(scaled(1000, 2)).toBe(500);
    expect(scaled(1000, 0.5)).toBe(2000);
    expect(scaled(-5, 1)).toBe(0);
    expect(scaled(Number.NaN, 1)).toBe(0);
  });
});

describe('typing a call', () => {
  it('shows one more character at each step, then waits with the whole call before Enter', () => {
    const steps = typingSchedule('s.listen(5)');
    expect(steps[0]).toEqual({ afterMs: BEFORE_TYPING_MS, line: '' });
    expect(steps.slice(1, 4).map((s) => s.line)).toEqual(['s', 's.', 's.l']);
    expect(steps.slice(1, -1).every((s) => s.afterMs === CHAR_MS)).toBe(true);
    expect(steps[steps.length - 1]).toEqual({ afterMs: BEFORE_ENTER_MS, line: 's.listen(5)' });
    expect(steps).toHaveLength('s.listen(5)'.length + 2);
    expect(typingMs('s.listen(5)')).toBe(BEFORE_TYPING_MS + 11 * CHAR_MS + BEFORE_ENTER_MS);
  });

  it('types a character outside the BMP as one character', () => {
    const steps = typingSchedule("'😀'");
    expect(steps.map((s) => s.line)).toEqual(['', "'", "'😀", "'😀'", "'😀'"]);
  });

  it('reads longer prose longer, within bounds', () => {
    expect(readingMs('Listen')).toBe(STEP_READING_MIN_MS);
    expect(readingMs('word '.repeat(40))).toBeGreaterThan(STEP_READING_MIN_MS);
    expect(readingMs('word '.repeat(1000))).toBe(STEP_READING_MAX_MS);
  });

  it("keeps a recording's pause, less the typing, shortened when long", () => {
    expect(recordedPauseMs(3000, 1000)).toBe(2000);
    expect(recordedPauseMs(500, 1000)).toBe(0);
    expect(recordedPauseMs(600_000)).toBe(MAX_GAP_MS);
    expect(recordedPauseMs(Number.NaN)).toBe(0);
  });
});

describe('the controls', () => {
  const apply = (state: ReplayControls, ...types: Parameters<typeof controlsReducer>[1][]) => types.reduce(controlsReducer, state);

  it('pauses and resumes; Right finishes at once even while paused, until the next step', () => {
    const paused = apply(initialControls(1), { type: 'pause-toggled' });
    expect(paused.paused).toBe(true);
    expect(running(paused)).toBe(false);
    const skipping = apply(paused, { type: 'skip' });
    expect(running(skipping)).toBe(true);
    const next = apply(skipping, { type: 'skip-ended' });
    expect(next).toMatchObject({ paused: true, skipping: false });
    expect(apply(next, { type: 'pause-toggled' }).paused).toBe(false);
  });

  it('changes speed by steps', () => {
    expect(apply(initialControls(1), { type: 'faster' }, { type: 'faster' }).speed).toBe(2);
    expect(apply(initialControls(1), { type: 'slower' }).speed).toBe(0.75);
    expect(initialControls(Number.NaN).speed).toBe(1);
  });

  it('goes on from a step hold with space, Enter or Right, and only by those', () => {
    const held = apply(initialControls(), { type: 'held', hold: { kind: 'step', number: 2 } });
    expect(held.hold).toEqual({ kind: 'step', number: 2 });
    for (const type of ['pause-toggled', 'continue', 'skip'] as const) {
      const after = apply(held, { type });
      expect(after.hold).toBeNull();
      expect(after.skipping).toBe(false);
      expect(after.paused).toBe(false);
    }
    expect(apply(held, { type: 'faster' }).hold).not.toBeNull();
  });

  it('stays at the end hold for space, Enter and Right (the player decides what Right does there)', () => {
    const end = apply(initialControls(), { type: 'held', hold: { kind: 'end' } });
    expect(apply(end, { type: 'continue' }).hold).toEqual({ kind: 'end' });
    expect(apply(end, { type: 'skip' })).toBe(end);
    expect(apply(end, { type: 'released' }).hold).toBeNull();
  });
});

describe('the status line', () => {
  const status = (over: Partial<ReplayStatus> = {}): ReplayStatus => ({ phase: 'playing', unit: 'step', next: null, canGoBack: true, canPause: true, ...over });

  it('says playing or PAUSED, the speed and the keys, within 80 columns', () => {
    const playing = replayBarText(initialControls(1.5), status());
    expect(playing).toEqual({ text: '▶ 1.5x · space pauses · → next step · ← back · +/- speed · q quits', strong: false });
    const paused = replayBarText(controlsReducer(initialControls(), { type: 'pause-toggled' }), status({ unit: 'statement' }));
    expect(paused.text).toBe('❚❚ PAUSED 1x · space resumes · → next statement · ← back · +/- speed · q quits');
    expect(paused.strong).toBe(true);
    expect([...paused.text].length).toBeLessThanOrEqual(80);
  });

  it('says which keys go on after a step, and what is left at the end', () => {
    const held = controlsReducer(initialControls(), { type: 'held', hold: { kind: 'step', number: 4 } });
    expect(replayBarText(held, status()).text).toBe('step 4 done · space, Enter or → goes on · ← back · q quits');
    expect(replayBarText(initialControls(), status({ phase: 'done', next: 'the next lesson, "UDP"' })).text).toBe(
      '■ done · q quits · ← back · → the next lesson, "UDP"',
    );
    expect(replayBarText(initialControls(), status({ phase: 'done', canGoBack: false })).text).toBe('■ done · q quits');
    expect(replayBarText(initialControls(), status({ canPause: false, canGoBack: false })).text).toBe('▶ running live · q stops');
    expect(replayBarText(initialControls(), status({ phase: 'starting' })).text).toBe('starting… · q quits');
  });
});

describe('the replay keys', () => {
  it('maps every key the screen says', () => {
    expect(mapReplayKey(' ', {})).toEqual({ type: 'toggle-pause' });
    expect(mapReplayKey('', { rightArrow: true })).toEqual({ type: 'next' });
    expect(mapReplayKey('', { leftArrow: true })).toEqual({ type: 'back' });
    expect(mapReplayKey('\r', { return: true })).toEqual({ type: 'continue' });
    for (const key of ['+', '=']) expect(mapReplayKey(key, {})).toEqual({ type: 'faster' });
    for (const key of ['-', '_']) expect(mapReplayKey(key, {})).toEqual({ type: 'slower' });
    expect(mapReplayKey('q', {})).toEqual({ type: 'quit' });
    expect(mapReplayKey('c', { ctrl: true })).toEqual({ type: 'quit' });
    expect(mapReplayKey('d', { ctrl: true })).toEqual({ type: 'quit' });
  });

  it('scrolls and decodes as the learner screen does, and ignores the rest', () => {
    expect(mapReplayKey('', { pageDown: true })).toEqual({ type: 'scroll', target: 'table', step: 'page', direction: 1 });
    expect(mapReplayKey('', { pageUp: true, shift: true })).toEqual({ type: 'scroll', target: 'console', step: 'page', direction: -1 });
    expect(mapReplayKey('t', { ctrl: true })).toEqual({ type: 'cycle-decoding' });
    expect(mapReplayKey('l', { ctrl: true })).toEqual({ type: 'clear-console' });
    for (const [input, key] of [['x', {}], ['', { escape: true }], ['a', { ctrl: true }], ['', { upArrow: true }], ['\x1b[200~', {}]] as const) {
      expect(mapReplayKey(input, key)).toEqual({ type: 'none' });
    }
  });
});
