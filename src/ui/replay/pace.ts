// The pace of a replay at speed 1: how fast a call is typed, how long the screen leaves a step's prose
// and a result to be read, and how a recording's own pauses are kept. Every time here is at speed 1;
// the pacer divides it by the speed chosen. Pure, so the schedule can be tested without a clock.

/** The speeds `+` and `-` step through. `--speed` may set another one; the next key comes back here. */
export const SPEEDS: readonly number[] = [0.5, 0.75, 1, 1.5, 2, 3, 4];

/** One character typed. */
export const CHAR_MS = 45;
/** Before the first character: the previous result is read meanwhile. */
export const BEFORE_TYPING_MS = 700;
/** The whole call on the prompt, before Enter. */
export const BEFORE_ENTER_MS = 450;
/** After a step is done, before the next one begins. */
export const AFTER_STEP_MS = 900;
/** A step's prose is read for this long at least, and at most STEP_READING_MAX_MS. */
export const STEP_READING_MIN_MS = 1200;
export const STEP_READING_MAX_MS = 4000;
const MS_PER_WORD = 60;
/** A recording's pause (a learner thinking) is kept up to this long. */
export const MAX_GAP_MS = 4000;
/** A recorded statement shows as running for as long as it ran, up to this. */
export const MAX_RUNNING_MS = 1500;

export function faster(speed: number): number {
  return SPEEDS.find((s) => s > speed + 1e-9) ?? speed;
}

export function slower(speed: number): number {
  return [...SPEEDS].reverse().find((s) => s < speed - 1e-9) ?? speed;
}

/** '1x', '0.5x', '1.5x'. */
export function speedLabel(speed: number): string {
  return `${Number(speed.toFixed(2))}x`;
}

/** A wait at speed 1 as it lasts at `speed`. */
export function scaled(ms: number, speed: number): number {
  if (!Number.isFinite(ms) || ms <= 0) return 0;
  return speed > 0 ? ms / speed : ms;
}

export interface TypingStep {
  /** Wait this long (at speed 1) before showing `line`. */
  afterMs: number;
  /** The prompt's line from then on. */
  line: string;
}

/**
 * A call typed as a person would: a pause, then one character after another, then a pause with the
 * whole call on the prompt. The last step's line is the call; Enter comes after it.
 */
export function typingSchedule(source: string): TypingStep[] {
  const chars = Array.from(source);
  const steps: TypingStep[] = [{ afterMs: BEFORE_TYPING_MS, line: '' }];
  let line = '';
  for (const char of chars) {
    line += char;
    steps.push({ afterMs: CHAR_MS, line });
  }
  steps.push({ afterMs: BEFORE_ENTER_MS, line });
  return steps;
}

/** How long typing `source` takes at speed 1, Enter included. */
export function typingMs(source: string): number {
  return typingSchedule(source).reduce((sum, step) => sum + step.afterMs, 0);
}

/** How long a step's title and prose stay on the screen before its first call is typed. */
export function readingMs(text: string): number {
  const words = text.split(/\s+/).filter((w) => w !== '').length;
  return Math.min(STEP_READING_MAX_MS, Math.max(STEP_READING_MIN_MS, words * MS_PER_WORD));
}

/**
 * The pause a recording had before a statement was typed, less the time typing it takes here (it was
 * typed during that pause), at most MAX_GAP_MS.
 */
export function recordedPauseMs(gapMs: number, typedMs = 0): number {
  if (!Number.isFinite(gapMs)) return 0;
  return Math.min(MAX_GAP_MS, Math.max(0, gapMs - typedMs));
}
