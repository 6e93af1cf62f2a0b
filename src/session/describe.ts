// One socket in words, shared by the screen and the plain text mode.
// The text is plain: callers that print it to a terminal still pass it through their escaping.
import type { SocketRow } from './types';

/** A count the kernel reported, or null when the field is absent or not a sane count. */
function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The accept queue of a listening socket: `2 waiting to be accepted (backlog 5)`, or '' when unknown. */
export function describeAcceptQueue(row: Pick<SocketRow, 'acceptQueue' | 'backlog'>): string {
  const waiting = count(row.acceptQueue);
  const backlog = count(row.backlog);
  if (waiting === null) return backlog === null ? '' : `backlog ${backlog}`;
  const words = `${waiting} waiting to be accepted`;
  return backlog === null ? words : `${words} (backlog ${backlog})`;
}

/**
 * The socket's queues in words: `2 waiting to be accepted (backlog 5)`, `12 bytes unread`,
 * `1 byte unread, 300 bytes unsent`; '' when nothing waits.
 */
export function describeQueue(row: Pick<SocketRow, 'acceptQueue' | 'backlog' | 'unread' | 'unsent'>): string {
  const parts: string[] = [];
  const accept = describeAcceptQueue(row);
  if (accept) parts.push(accept);
  const unread = count(row.unread);
  if (unread !== null && unread > 0) parts.push(plural(unread, 'byte unread', 'bytes unread'));
  const unsent = count(row.unsent);
  if (unsent !== null && unsent > 0) parts.push(plural(unsent, 'byte unsent', 'bytes unsent'));
  return parts.join(', ');
}

/** Who holds the socket, as the row's first word: the learner's name, or the owner in parentheses. */
export function describeHolder(row: Pick<SocketRow, 'name' | 'owner'>): string {
  const name = typeof row.name === 'string' ? row.name : '';
  const owner = typeof row.owner === 'string' ? row.owner : 'unknown';
  if (owner === 'learner') return name || '(unnamed)';
  return name ? `${name} (${owner})` : `(${owner})`;
}

/**
 * One line per socket:
 * `s fd=3 TCP 127.0.0.1:9999 LISTEN 2 waiting to be accepted (backlog 5)`,
 * `conn fd=4 TCP 127.0.0.1:9999 -> 127.0.0.1:51968 ESTABLISHED 12 bytes unread`.
 */
export function describeRow(row: SocketRow): string {
  const parts: string[] = [describeHolder(row)];
  const fd = count(row.fd);
  if (fd !== null) parts.push(`fd=${fd}`);
  parts.push(typeof row.proto === 'string' ? row.proto : '?');
  const local = typeof row.local === 'string' && row.local ? row.local : '(unbound)';
  parts.push(typeof row.remote === 'string' && row.remote ? `${local} -> ${row.remote}` : local);
  const state = typeof row.state === 'string' && row.state ? row.state : '?';
  parts.push(row.closed === true && state !== 'CLOSED' ? `${state} [closed]` : state);
  const queue = describeQueue(row);
  if (queue) parts.push(queue);
  return parts.join(' ');
}
