// What the replay keys control, as a pure reducer: the speed, pause, "finish this step at once", and
// the moments the replay waits for a key (after each step with --pause-each-step, and at the end).
import { faster, slower } from './pace';

/** The replay waits for a key: after a step (--pause-each-step), or at the end. */
export type Hold = { kind: 'step'; number: number } | { kind: 'end' };

export interface ReplayControls {
  speed: number;
  paused: boolean;
  /** Right was pressed: what plays now finishes at once, until the next step (or statement) begins. */
  skipping: boolean;
  hold: Hold | null;
}

export type ControlAction =
  /** Space: pause or resume; it also goes on from a step's hold. */
  | { type: 'pause-toggled' }
  | { type: 'faster' }
  | { type: 'slower' }
  /** Right: finish what plays now at once, or go on from a step's hold. */
  | { type: 'skip' }
  /** Enter: go on from a step's hold (nothing otherwise). */
  | { type: 'continue' }
  /** The next step (or statement) begins: back to the chosen pace. */
  | { type: 'skip-ended' }
  | { type: 'held'; hold: Hold }
  | { type: 'released' };

export function initialControls(speed = 1): ReplayControls {
  return { speed: Number.isFinite(speed) && speed > 0 ? speed : 1, paused: false, skipping: false, hold: null };
}

const heldAtStep = (c: ReplayControls) => c.hold?.kind === 'step';

export function controlsReducer(state: ReplayControls, action: ControlAction): ReplayControls {
  switch (action.type) {
    case 'pause-toggled':
      if (heldAtStep(state)) return { ...state, hold: null, paused: false };
      return { ...state, paused: !state.paused };
    case 'faster':
      return { ...state, speed: faster(state.speed) };
    case 'slower':
      return { ...state, speed: slower(state.speed) };
    case 'skip':
      if (heldAtStep(state)) return { ...state, hold: null };
      if (state.hold !== null) return state;
      return { ...state, skipping: true };
    case 'continue':
      return heldAtStep(state) ? { ...state, hold: null } : state;
    case 'skip-ended':
      return state.skipping ? { ...state, skipping: false } : state;
    case 'held':
      return { ...state, hold: action.hold, skipping: false };
    case 'released':
      return state.hold === null ? state : { ...state, hold: null };
    default:
      return state;
  }
}

/** Waits run down now: not paused, or paused but told to finish at once. */
export function running(state: ReplayControls): boolean {
  return state.skipping || !state.paused;
}
