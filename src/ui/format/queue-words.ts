// The queue column in words, fitted to the room a table cell has: the full sentence when it fits,
// then shorter wordings, then an ellipsis.
import { describeAcceptQueue, describeQueue } from '../../session/describe';
import type { SocketRow } from '../../session/types';
import { displayWidth, truncateEnd } from './text-width';

type QueueFields = Pick<SocketRow, 'acceptQueue' | 'backlog' | 'unread' | 'unsent'>;

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function shortWordings(row: QueueFields): string[] {
  const waiting = count(row.acceptQueue);
  const backlog = count(row.backlog);
  const unread = count(row.unread);
  const unsent = count(row.unsent);
  const medium: string[] = [];
  const short: string[] = [];
  const shortest: string[] = [];
  if (waiting !== null) {
    medium.push(backlog === null ? `${waiting} waiting` : `${waiting} waiting (backlog ${backlog})`);
    short.push(backlog === null ? `${waiting} waiting` : `${waiting} of backlog ${backlog}`);
    // an 80-column table has 15 columns for the queue: "0 of backlog 128" is one too many
    shortest.push(backlog === null ? `${waiting} waiting` : `${waiting}/${backlog} waiting`);
  } else if (backlog !== null) {
    const accept = describeAcceptQueue(row);
    medium.push(accept);
    short.push(accept);
    shortest.push(accept);
  }
  if (unread !== null && unread > 0) {
    medium.push(`${unread} B unread`);
    short.push(`${unread} unread`);
    shortest.push(`${unread} unread`);
  }
  if (unsent !== null && unsent > 0) {
    medium.push(`${unsent} B unsent`);
    short.push(`${unsent} unsent`);
    shortest.push(`${unsent} unsent`);
  }
  return [medium.join(', '), short.join(', '), shortest.join(', ')];
}

/** Every wording of the row's queues, longest first; [''] when nothing waits. */
export function queueWordings(row: QueueFields): string[] {
  return [...new Set([describeQueue(row), ...shortWordings(row)])];
}

/** The longest wording that fits in `width` columns, else the shortest one cut with an ellipsis. */
export function fitQueueWords(row: QueueFields, width: number): string {
  const wordings = queueWordings(row);
  for (const wording of wordings) if (displayWidth(wording) <= width) return wording;
  return truncateEnd(wordings[wordings.length - 1] ?? '', width);
}
