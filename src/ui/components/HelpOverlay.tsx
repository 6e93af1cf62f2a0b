import { Box, Text } from 'ink';
import { helpLines } from '../format/help-text';
import { colourOf } from '../format/state-colour';
import { truncateEnd } from '../format/text-width';
import { titleBar } from '../format/title-bar';

export interface HelpOverlayProps {
  width: number;
  height: number;
  /** First help line shown. */
  scroll: number;
  colour: boolean;
}

/** Every key and command, and the colour legend; scrolls when the terminal is short. */
export function HelpOverlay({ width, height, scroll, colour }: HelpOverlayProps) {
  const lines = helpLines(width);
  const room = Math.max(1, height - 2);
  const start = Math.max(0, Math.min(scroll, lines.length - room));
  const shown = lines.slice(start, start + room);
  const scrollable = lines.length > room;
  const where = scrollable ? ` · lines ${start + 1}-${start + shown.length} of ${lines.length}, Up/Down scroll` : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text bold wrap="truncate">
        {titleBar('socklab help', width)}
      </Text>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate" bold={line.heading} color={colourOf(line.family ?? null, colour)}>
          {line.text}
        </Text>
      ))}
      <Box flexGrow={1} />
      <Text dimColor wrap="truncate">
        {truncateEnd(`Esc, q or ? closes${where}`, width)}
      </Text>
    </Box>
  );
}
