// The replay screen's keys, as a pure function of the key (no Ink needed to test it). There is no
// prompt to type into: the replay types by itself, and every key is a command.
import { viewKey, type KeyFlags, type ScrollTarget } from './key-map';
import type { ScrollStep } from '../state/types';

export type ReplayIntent =
  | { type: 'none' }
  /** Space: pause or resume (and go on after a step, with --pause-each-step). */
  | { type: 'toggle-pause' }
  /** Right: finish the current step at once (or go on after a step; at the end, the next lesson). */
  | { type: 'next' }
  /** Left: back a step (a lesson is re-run on fresh sockets; a transcript is only shown again). */
  | { type: 'back' }
  /** Enter: go on after a step. */
  | { type: 'continue' }
  | { type: 'faster' }
  | { type: 'slower' }
  | { type: 'quit' }
  | { type: 'scroll'; target: ScrollTarget; step: ScrollStep; direction: 1 | -1 }
  | { type: 'cycle-decoding' }
  | { type: 'clear-console' };

export function mapReplayKey(input: string, key: Partial<KeyFlags>): ReplayIntent {
  if (key.ctrl && (input === 'c' || input === 'd')) return { type: 'quit' };
  const view = viewKey(input, key);
  if (view?.type === 'scroll' || view?.type === 'cycle-decoding' || view?.type === 'clear-console') return view;
  if (key.ctrl || key.meta) return { type: 'none' };
  if (key.rightArrow) return { type: 'next' };
  if (key.leftArrow) return { type: 'back' };
  if (key.return) return { type: 'continue' };
  if (key.escape) return { type: 'none' };
  switch (input) {
    case ' ':
      return { type: 'toggle-pause' };
    case '+':
    case '=':
      return { type: 'faster' };
    case '-':
    case '_':
      return { type: 'slower' };
    case 'q':
    case 'Q':
      return { type: 'quit' };
    default:
      return { type: 'none' };
  }
}
