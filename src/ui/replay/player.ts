// What every replay player (a lesson playing live, a transcript shown again, a transcript re-run live)
// gets from the screen and gives it back.
import type { Action, NoteTone, UiState } from '../state/types';
import type { ReplayIntent } from '../keys/replay-keys';
import type { ControlAction } from './controls';
import type { Pacer } from './pacer';
import type { ReplayStatus } from './replay-state';

export interface ReplaySink {
  ui(action: Action): void;
  /** Shows the screen as it was at an earlier point (a transcript going back). */
  replaceUi(ui: UiState): void;
  status(status: Partial<ReplayStatus>): void;
  /** The newest screen state. */
  current(): UiState;
}

export interface ReplayPlayer {
  /** Starts playing (after the first frame is drawn). */
  start(): void;
  /** A key: pause, next, back, continue, faster, slower. Quitting is the screen's. */
  intent(intent: ReplayIntent): void;
  /** The exit status if the screen closed now. */
  exitCode(): number;
  /** Stops playing: sockets closed, peers stopped, the recording ended. Idempotent. */
  dispose(): Promise<void>;
}

// The keys every player handles the same way, and what each tells the pacer.
const PACER_KEYS: Partial<Record<ReplayIntent['type'], ControlAction>> = {
  'toggle-pause': { type: 'pause-toggled' },
  next: { type: 'skip' },
  continue: { type: 'continue' },
  faster: { type: 'faster' },
  slower: { type: 'slower' },
};

/** Hands the pacer a key every player handles the same way; false for the ones it must handle itself. */
export function pacerIntent(pacer: Pacer, intent: ReplayIntent): boolean {
  const action = PACER_KEYS[intent.type];
  if (action === undefined) return false;
  pacer.apply(action);
  return true;
}

export function noteAction(text: string, tone: NoteTone = 'info'): Action {
  return { type: 'note', text, tone };
}
