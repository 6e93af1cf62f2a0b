import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { blockLines, consoleWindow, type ConsoleTone } from '../format/console-lines';
import { colourOf } from '../format/state-colour';
import { titleBar } from '../format/title-bar';
import type { ConsoleEntry } from '../state/types';

export interface ConsolePaneProps {
  entries: ConsoleEntry[];
  /** Lines of a compound statement being typed. */
  block: string[];
  /** Lines scrolled back from the newest. */
  scroll: number;
  width: number;
  /** Lines for the console's text, under its title. */
  lines: number;
  colour: boolean;
}

function toneStyle(tone: ConsoleTone, colour: boolean) {
  switch (tone) {
    case 'error':
      return { color: colourOf('error', colour), bold: !colour };
    case 'warning':
      return { color: colour ? 'yellow' : undefined, bold: true };
    case 'success':
      return { color: colour ? 'green' : undefined, bold: true };
    case 'hint':
      return { color: colour ? 'cyan' : undefined, bold: !colour };
    case 'note':
      return { dimColor: true };
    default:
      return {};
  }
}

/** Statements and what CPython printed for them, newest at the bottom, all of it escaped. */
export function ConsolePane({ entries, block, scroll, width, lines, colour }: ConsolePaneProps) {
  const view = useMemo(
    () => consoleWindow(entries, blockLines(block), width, lines, scroll),
    [entries, block, width, lines, scroll],
  );
  const title = view.below ? 'console · scrolled back, Shift+PgDn returns' : 'console';
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text dimColor wrap="truncate">
        {titleBar(title, width)}
      </Text>
      {/* the newest line sits just above the prompt, as in a terminal */}
      {Array.from({ length: Math.max(0, lines - view.lines.length) }, (_, i) => (
        <Text key={`pad${i}`}> </Text>
      ))}
      {view.lines.map((line, i) => (
        <Text key={i} wrap="truncate" {...toneStyle(line.tone, colour)}>
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
