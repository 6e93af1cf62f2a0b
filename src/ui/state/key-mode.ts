import type { KeyMode } from '../keys/key-map';
import { ghostText } from './completion';
import type { UiState } from './types';

/** The ghost suggestion the prompt shows: only on a first line, while the line is the suggestion's start. */
export function ghostOf(state: UiState): string {
  if (state.running || state.block.length > 0) return '';
  return ghostText(state.line, state.lesson?.suggestion ?? '');
}

export function keyModeOf(state: UiState): KeyMode {
  return {
    running: state.running,
    overlay: state.overlay !== null,
    line: state.line,
    cursor: state.cursor,
    ghost: ghostOf(state) !== '',
  };
}
