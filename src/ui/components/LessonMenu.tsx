import { Box, Text } from 'ink';
import { safeText } from '../format/safe-text';
import { displayWidth, truncateEnd, wordWrap } from '../format/text-width';
import { titleBar } from '../format/title-bar';
import { entryStatus, type MenuEntry } from '../menu/menu-entries';

export interface LessonMenuProps {
  entries: MenuEntry[];
  selected: number;
  /** Index of the first entry shown. */
  scroll: number;
  width: number;
  height: number;
  /** Shown above the list (a damaged progress file). */
  warning: string | null;
  /** The lessons are still being read. */
  loading?: boolean;
  colour: boolean;
}

/** Lines every entry takes: its number, title and progress, then its summary. */
export const ENTRY_LINES = 2;

/** A warning takes at most this many lines; the rest of it is cut. */
const WARNING_LINES = 3;

export function warningLines(warning: string | null, width: number): string[] {
  if (warning === null) return [];
  const lines = wordWrap(safeText(warning), width);
  if (lines.length <= WARNING_LINES) return lines;
  const kept = lines.slice(0, WARNING_LINES);
  kept[WARNING_LINES - 1] = truncateEnd(`${kept[WARNING_LINES - 1] ?? ''}…`, width);
  return kept;
}

/** Entries that fit in the list (the title, the warning and the footer take the rest). */
export function visibleEntries(height: number, warningLineCount: number): number {
  return Math.max(1, Math.floor((height - 2 - warningLineCount) / ENTRY_LINES));
}

function stateColour(entry: MenuEntry, colour: boolean): string | undefined {
  if (!colour) return undefined;
  if (entry.state === 'done') return 'green';
  return entry.state === 'started' || entry.resume ? 'yellow' : undefined;
}

function EntryLines({ entry, selected, width, colour }: { entry: MenuEntry; selected: boolean; width: number; colour: boolean }) {
  const status = entryStatus(entry);
  const head = `${selected ? '>' : ' '} ${String(entry.number).padStart(2)}  `;
  const titleRoom = Math.max(0, width - displayWidth(head) - displayWidth(status) - 2);
  const title = truncateEnd(safeText(entry.title), titleRoom);
  const gap = Math.max(1, width - displayWidth(head) - displayWidth(title) - displayWidth(status));
  return (
    <>
      <Text wrap="truncate" bold={selected} inverse={selected && !colour}>
        {head}
        {title}
        {' '.repeat(gap)}
        <Text color={stateColour(entry, colour)}>{status}</Text>
      </Text>
      <Text wrap="truncate" dimColor>
        {truncateEnd(`      ${safeText(entry.summary)}`, width)}
      </Text>
    </>
  );
}

/** Every lesson, its progress, and the keys; the selected one is marked and kept in view. */
export function LessonMenu({ entries, selected, scroll, width, height, warning, loading = false, colour }: LessonMenuProps) {
  const warned = warningLines(warning, width);
  const room = visibleEntries(height, warned.length);
  const shown = entries.slice(scroll, scroll + room);
  const where = entries.length > room ? ` · ${scroll + 1}-${scroll + shown.length} of ${entries.length}` : '';
  const keys = entries.length > 0 ? 'Up/Down choose · Enter starts · 1-9 jump · q quits' : 'q quits';
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <Text bold wrap="truncate">
        {titleBar(`socklab · lessons${where}`, width)}
      </Text>
      {warned.map((line, i) => (
        <Text key={`w${i}`} wrap="truncate" color={colour ? 'yellow' : undefined} bold={!colour}>
          {line}
        </Text>
      ))}
      {entries.length === 0 ? <Text dimColor>{loading ? '  Reading the lessons…' : '  No lessons were found.'}</Text> : null}
      {shown.map((entry, i) => (
        <EntryLines key={entry.id} entry={entry} selected={scroll + i === selected} width={width} colour={colour} />
      ))}
      <Box flexGrow={1} />
      <Text dimColor wrap="truncate">
        {truncateEnd(keys, width)}
      </Text>
    </Box>
  );
}
