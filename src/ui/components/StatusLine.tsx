import { Text } from 'ink';
import { truncateEnd } from '../format/text-width';

export interface StatusLineProps {
  running: boolean;
  quitArmed: boolean;
  ghost: boolean;
  width: number;
}

/** The keys that matter right now, on the last line. */
export function StatusLine({ running, quitArmed, ghost, width }: StatusLineProps) {
  let text: string;
  if (quitArmed) text = 'press Ctrl+C again to quit · any other key carries on';
  else if (running) text = 'Ctrl+C interrupts · PgUp/PgDn sockets · Ctrl+T decoding · Ctrl+D quits';
  else if (ghost) text = 'Tab or Right takes the suggestion · Up/Down history · ? or :help for keys';
  else text = 'Enter runs · Tab completes · Up/Down history · PgUp/PgDn sockets · ? or :help';
  return (
    <Text dimColor={!quitArmed} bold={quitArmed} wrap="truncate">
      {truncateEnd(text, width)}
    </Text>
  );
}
