// What changed between two snapshots of the sockets table, so the screen can highlight it and plain
// mode can print only what changed.
import type { RowChange, SocketRow } from './types';

const COMPARED = ['name', 'fd', 'local', 'remote', 'state', 'acceptQueue', 'backlog', 'unread', 'unsent'] as const;

export function diffRows(before: readonly SocketRow[], after: readonly SocketRow[]): RowChange[] {
  const previous = new Map(before.map((r) => [r.key, r]));
  const changes: RowChange[] = [];
  for (const row of after) {
    if (row.closed) {
      changes.push({ key: row.key, kind: 'closed', fields: ['state'] });
      continue;
    }
    const old = previous.get(row.key);
    if (old === undefined) {
      changes.push({ key: row.key, kind: 'new', fields: [] });
      continue;
    }
    const fields = COMPARED.filter((f) => old[f] !== row[f]);
    if (fields.length > 0) changes.push({ key: row.key, kind: 'changed', fields: [...fields] });
  }
  return changes;
}
