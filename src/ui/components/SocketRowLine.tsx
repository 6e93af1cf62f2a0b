import { memo } from 'react';
import { Text } from 'ink';
import type { RowChange, SocketRow } from '../../session/types';
import { safeText } from '../format/safe-text';
import { colourOf, stateFamily } from '../format/state-colour';
import { changedColumns, fitCell, hasColumn, rowTexts, type TableLayout } from '../format/table-layout';

export interface SocketRowLineProps {
  row: SocketRow;
  change: RowChange | undefined;
  layout: TableLayout;
  colour: boolean;
}

interface Segment {
  text: string;
  bold: boolean;
  underline: boolean;
  dim: boolean;
  color: string | undefined;
}

function sameStyle(a: Segment, b: Segment): boolean {
  return a.bold === b.bold && a.underline === b.underline && a.dim === b.dim && a.color === b.color;
}

/** The row's cells as runs of equally styled text: fewer nodes for Ink to lay out on every render. */
function segments({ row, change, layout, colour }: SocketRowLineProps): Segment[] {
  const texts = rowTexts(row, change, layout);
  const changed = changedColumns(change);
  const fresh = change?.kind === 'new';
  // Without an owner column, a name not the learner's is dimmed: it is the other side's socket.
  const foreignName = row.owner !== 'learner' && !hasColumn(layout, 'owner');
  const runs: Segment[] = [];
  const add = (segment: Segment) => {
    const last = runs[runs.length - 1];
    if (last && sameStyle(last, segment)) last.text += segment.text;
    else runs.push(segment);
  };
  layout.columns.forEach((column, i) => {
    if (i > 0) add({ text: ' ', bold: false, underline: false, dim: false, color: undefined });
    const highlight = !row.closed && (fresh || changed.has(column.id)) && column.id !== 'mark';
    add({
      text: fitCell(column.id, safeText(texts[column.id]), column.width, row),
      bold: highlight || column.id === 'mark',
      underline: highlight && !fresh,
      dim: column.id === 'name' && foreignName,
      color: column.id === 'state' ? colourOf(stateFamily(row.state), colour) : undefined,
    });
  });
  return runs;
}

/** One socket as one line of the table; cells the last call changed are bold and underlined. */
export const SocketRowLine = memo(function SocketRowLine(props: SocketRowLineProps) {
  return (
    <Text wrap="truncate" dimColor={props.row.closed}>
      {segments(props).map((segment, i) => (
        <Text key={i} bold={segment.bold} underline={segment.underline} dimColor={segment.dim} color={segment.color}>
          {segment.text}
        </Text>
      ))}
    </Text>
  );
});
