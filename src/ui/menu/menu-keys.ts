// The lesson menu's keys, as a pure function (no Ink needed to test it), and the moves they make.
import type { KeyFlags } from '../keys/key-map';

export type MenuIntent =
  | { type: 'none' }
  | { type: 'move'; by: number }
  | { type: 'first' }
  | { type: 'last' }
  /** A digit: the lesson with that number (1-9). */
  | { type: 'number'; number: number }
  | { type: 'open' }
  | { type: 'quit' };

export function menuKey(input: string, key: Partial<KeyFlags>, page: number): MenuIntent {
  if (key.ctrl && (input === 'c' || input === 'd')) return { type: 'quit' };
  if (key.ctrl || key.meta) return { type: 'none' };
  if (key.return) return { type: 'open' };
  if (key.upArrow || input === 'k') return { type: 'move', by: -1 };
  if (key.downArrow || input === 'j') return { type: 'move', by: 1 };
  if (key.pageUp) return { type: 'move', by: -Math.max(1, page) };
  if (key.pageDown) return { type: 'move', by: Math.max(1, page) };
  if (key.home) return { type: 'first' };
  if (key.end) return { type: 'last' };
  if (input === 'q') return { type: 'quit' };
  if (/^[1-9]$/.test(input)) return { type: 'number', number: Number(input) };
  return { type: 'none' };
}

/** The selection after a move, always a valid index (or 0 for an empty menu). */
export function movedSelection(selected: number, count: number, intent: MenuIntent): number {
  if (count <= 0) return 0;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (intent.type) {
    case 'move':
      return clamp(selected + intent.by);
    case 'first':
      return 0;
    case 'last':
      return count - 1;
    case 'number':
      return intent.number <= count ? intent.number - 1 : clamp(selected);
    default:
      return clamp(selected);
  }
}

/** First entry shown, so that the selected one is visible and the window moves as little as it can. */
export function menuScroll(selected: number, count: number, visible: number, scroll: number): number {
  const room = Math.max(1, visible);
  const max = Math.max(0, count - room);
  let first = Math.max(0, Math.min(scroll, max));
  if (selected < first) first = selected;
  else if (selected >= first + room) first = selected - room + 1;
  return Math.max(0, Math.min(first, max));
}
