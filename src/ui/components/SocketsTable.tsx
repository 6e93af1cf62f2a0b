import { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { RowChange, SocketRow } from '../../session/types';
import { fitCell, tableLayout } from '../format/table-layout';
import { titleBar } from '../format/title-bar';
import { SocketRowLine } from './SocketRowLine';

export interface SocketsTableProps {
  rows: SocketRow[];
  changes: RowChange[];
  /** Index of the first row shown. */
  scroll: number;
  /** Rows that fit under the title and the column header. */
  visibleRows: number;
  width: number;
  colour: boolean;
}

/** The kernel's view of every socket; only the rows on screen are rendered, however many there are. */
export function SocketsTable({ rows, changes, scroll, visibleRows, width, colour }: SocketsTableProps) {
  const layout = useMemo(() => tableLayout(width), [width]);
  const changeByKey = useMemo(() => new Map(changes.map((change) => [change.key, change])), [changes]);
  const room = Math.max(0, visibleRows);
  const start = Math.max(0, Math.min(scroll, rows.length - room));
  const visible = rows.slice(start, start + room);
  const title =
    rows.length <= room || room === 0
      ? `sockets (${rows.length})`
      : `sockets ${start + 1}-${start + visible.length} of ${rows.length} · PgUp/PgDn`;
  const header = layout.columns.map((column) => fitCell(column.id, column.title, column.width)).join(' ');
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text dimColor wrap="truncate">
        {titleBar(title, width)}
      </Text>
      <Text bold wrap="truncate">
        {header}
      </Text>
      {room > 0 && visible.length === 0 ? <Text dimColor>  no sockets yet</Text> : null}
      {visible.map((row) => (
        <SocketRowLine key={row.key} row={row} change={changeByKey.get(row.key)} layout={layout} colour={colour} />
      ))}
    </Box>
  );
}
