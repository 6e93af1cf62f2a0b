// The replay screen's state: the same screen state a learner's screen has (console, table, bytes,
// lesson pane, the prompt's line), the replay's controls, and what the status line says. Pure.
import { uiReducer } from '../state/reducer';
import type { Action, UiState } from '../state/types';
import { initialControls, type ReplayControls } from './controls';

export type ReplayPhase = 'starting' | 'playing' | 'done';

export interface ReplayStatus {
  phase: ReplayPhase;
  /** What Left and Right move by. */
  unit: 'step' | 'statement';
  /** At the end: what Right does, when it does something ('the next lesson, "UDP"'). */
  next: string | null;
  /** Left does nothing here (a live check cannot go back). */
  canGoBack: boolean;
  /** Space pauses (a live check runs as fast as it can). */
  canPause: boolean;
}

export interface ReplayState {
  ui: UiState;
  controls: ReplayControls;
  status: ReplayStatus;
}

export type ReplayAction =
  | { type: 'ui'; action: Action }
  /** The screen shown again as it was at an earlier point (a transcript going back). */
  | { type: 'ui-replaced'; ui: UiState }
  | { type: 'controls'; controls: ReplayControls }
  | { type: 'status'; status: Partial<ReplayStatus> };

export function initialReplayState(ui: UiState, speed: number, unit: ReplayStatus['unit']): ReplayState {
  return {
    ui,
    controls: initialControls(speed),
    status: { phase: 'starting', unit, next: null, canGoBack: true, canPause: true },
  };
}

export function replayReducer(state: ReplayState, action: ReplayAction): ReplayState {
  switch (action.type) {
    case 'ui': {
      const ui = uiReducer(state.ui, action.action);
      return ui === state.ui ? state : { ...state, ui };
    }
    case 'ui-replaced':
      // The terminal and the chosen decoding are the viewer's, not the recording's.
      return { ...state, ui: { ...action.ui, size: state.ui.size, decoding: state.ui.decoding } };
    case 'controls':
      return { ...state, controls: action.controls };
    case 'status':
      return { ...state, status: { ...state.status, ...action.status } };
    default:
      return state;
  }
}
