// The replay screen's last line: whether it plays or is paused, the speed, and the keys that work now.
import type { ReplayControls } from './controls';
import { speedLabel } from './pace';
import type { ReplayStatus } from './replay-state';

export interface BarText {
  text: string;
  /** Paused or waiting for a key: drawn so that it is seen from the back of a room. */
  strong: boolean;
}

export function replayBarText(controls: ReplayControls, status: ReplayStatus): BarText {
  const unit = status.unit;
  const back = status.canGoBack ? ' · ← back' : '';
  if (status.phase === 'starting') return { text: 'starting… · q quits', strong: false };
  if (status.phase === 'done' || controls.hold?.kind === 'end') {
    const next = status.next ? ` · → ${status.next}` : '';
    return { text: `■ done · q quits${back}${next}`, strong: true };
  }
  if (!status.canPause) return { text: '▶ running live · q stops', strong: false };
  if (controls.hold?.kind === 'step') {
    return { text: `step ${controls.hold.number} done · space, Enter or → goes on${back} · q quits`, strong: true };
  }
  const speed = speedLabel(controls.speed);
  if (controls.paused && !controls.skipping) {
    return { text: `❚❚ PAUSED ${speed} · space resumes · → next ${unit}${back} · +/- speed · q quits`, strong: true };
  }
  return { text: `▶ ${speed} · space pauses · → next ${unit}${back} · +/- speed · q quits`, strong: false };
}
