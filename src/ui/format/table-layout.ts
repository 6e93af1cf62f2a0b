// The sockets table's columns for a given width, and one row's cells. At 80 columns every column that
// teaches something stays (name, fd, protocol, both addresses, state, queue); wider screens give the
// addresses and the queue their full text and add the owner column.
import type { RowChange, SocketOwner, SocketRow } from '../../session/types';
import { truncateAddress } from './address';
import { fitQueueWords } from './queue-words';
import { fitWidth, truncateEnd } from './text-width';

export type ColumnId = 'mark' | 'name' | 'owner' | 'fd' | 'proto' | 'local' | 'remote' | 'state' | 'queue';

export interface Column {
  id: ColumnId;
  title: string;
  width: number;
}

export interface TableLayout {
  columns: Column[];
  /** Columns the whole line takes, gaps included; more than asked only on absurdly narrow screens. */
  width: number;
}

const GAP = 1;
const OWNER_WIDTH = 7;
const titles: Record<ColumnId, string> = {
  mark: '',
  name: 'name',
  owner: 'owner',
  fd: 'fd',
  proto: 'proto',
  local: 'local',
  remote: 'remote',
  state: 'state',
  queue: 'queue',
};

const minimum: Record<Exclude<ColumnId, 'owner'>, number> = {
  mark: 1,
  name: 4,
  fd: 3,
  proto: 5,
  local: 9,
  remote: 9,
  state: 8,
  queue: 8,
};

// Where spare columns go, in order: each step grows one column up to a width.
const growth: ReadonlyArray<readonly [ColumnId, number]> = [
  ['state', 11],
  ['local', 15],
  ['remote', 15],
  ['queue', 14],
  ['fd', 4],
  ['name', 7],
  ['queue', 21],
  ['name', 10],
  ['local', 21],
  ['remote', 21],
  ['queue', 36],
  ['owner', OWNER_WIDTH],
  ['name', 14],
  ['state', 12],
  ['fd', 5],
  // room for IPv6 addresses; what is left after this widens the queue column
  ['local', 30],
  ['remote', 30],
];

const order: ColumnId[] = ['mark', 'name', 'owner', 'fd', 'proto', 'local', 'remote', 'state', 'queue'];

export function tableLayout(width: number): TableLayout {
  const total = Math.max(0, Math.floor(Number.isFinite(width) ? width : 0));
  const widths = new Map<ColumnId, number>(Object.entries(minimum) as [ColumnId, number][]);
  const used = () => [...widths.values()].reduce((sum, w) => sum + w, 0) + (widths.size - 1) * GAP;
  for (const [id, target] of growth) {
    const spare = total - used();
    if (spare <= 0) break;
    const current = widths.get(id);
    if (current === undefined) {
      // a new column costs its width and a gap, and comes whole or not at all
      if (spare >= target + GAP) widths.set(id, target);
      continue;
    }
    widths.set(id, Math.min(target, current + spare));
  }
  const spare = total - used();
  if (spare > 0) widths.set('queue', (widths.get('queue') ?? 0) + spare);
  // Narrower than the minimum: the queue, then the addresses give way, down to nothing.
  for (const id of ['queue', 'remote', 'local', 'name', 'state'] as const) {
    const over = used() - total;
    if (over <= 0) break;
    const current = widths.get(id) ?? 0;
    widths.set(id, Math.max(1, current - over));
  }
  const columns = order
    .filter((id) => widths.has(id))
    .map((id) => ({ id, title: titles[id], width: widths.get(id) ?? 0 }));
  return { columns, width: used() };
}

export function hasColumn(layout: TableLayout, id: ColumnId): boolean {
  return layout.columns.some((column) => column.id === id);
}

const changeMarks: Record<string, string> = { new: '+', changed: '*', closed: 'x' };

/** The one-character mark of a row's change with the last call: + new, * changed, x closed. */
export function changeMark(row: Pick<SocketRow, 'closed'>, change: RowChange | undefined): string {
  if (row.closed) return 'x';
  return change ? (changeMarks[change.kind] ?? ' ') : ' ';
}

function holderLabel(name: string, owner: SocketOwner, ownerShown: boolean): string {
  if (owner === 'learner') return name || '(unnamed)';
  // the name cell is dimmed for sockets that are not the learner's, so the bare owner word reads well
  if (name) return name;
  return ownerShown ? '' : owner;
}

/** One row's cell texts, raw (the caller makes them safe before cutting) keyed by column. */
export function rowTexts(row: SocketRow, change: RowChange | undefined, layout: TableLayout): Record<ColumnId, string> {
  const ownerShown = hasColumn(layout, 'owner');
  return {
    mark: changeMark(row, change),
    name: holderLabel(String(row.name ?? ''), row.owner, ownerShown),
    owner: String(row.owner ?? ''),
    fd: row.fd === null || row.fd === undefined ? '-' : String(row.fd),
    proto: String(row.proto ?? ''),
    local: row.local ?? '-',
    remote: row.remote ?? '-',
    state: String(row.state ?? '?'),
    queue: '',
  };
}

/** Cuts one cell's (already safe) text to its column: addresses keep their port, the queue rewords. */
export function fitCell(id: ColumnId, text: string, width: number, row?: SocketRow): string {
  if (id === 'queue' && row) return fitWidth(fitQueueWords(row, width), width);
  if (id === 'local' || id === 'remote') return fitWidth(truncateAddress(text, width), width);
  return fitWidth(truncateEnd(text, width), width);
}

/** Which columns a change touched, from RowChange.fields, so the cell can be highlighted. */
export function changedColumns(change: RowChange | undefined): Set<ColumnId> {
  const columns = new Set<ColumnId>();
  if (!change) return columns;
  for (const field of change.fields ?? []) {
    if (field === 'acceptQueue' || field === 'backlog' || field === 'unread' || field === 'unsent') columns.add('queue');
    else if (order.includes(field as ColumnId)) columns.add(field as ColumnId);
  }
  return columns;
}
