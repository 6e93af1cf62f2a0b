// A pane's title drawn as a rule across the width: `── sockets (4) ──────────`.
import { displayWidth, truncateEnd } from './text-width';

export function titleBar(title: string, width: number): string {
  const room = Math.max(0, Math.floor(width));
  if (room <= 4) return '─'.repeat(room);
  const label = truncateEnd(` ${title} `, room - 2);
  return `──${label}${'─'.repeat(Math.max(0, room - 2 - displayWidth(label)))}`;
}
