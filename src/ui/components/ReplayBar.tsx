import { Text } from 'ink';
import { truncateEnd } from '../format/text-width';
import type { ReplayControls } from '../replay/controls';
import { replayBarText } from '../replay/replay-bar';
import type { ReplayStatus } from '../replay/replay-state';

export interface ReplayBarProps {
  controls: ReplayControls;
  status: ReplayStatus;
  width: number;
  colour: boolean;
}

/** The replay's last line: playing or paused, the speed, and the keys. */
export function ReplayBar({ controls, status, width, colour }: ReplayBarProps) {
  const { text, strong } = replayBarText(controls, status);
  return (
    <Text wrap="truncate" bold={strong} dimColor={!strong} color={strong && colour ? 'yellow' : undefined}>
      {truncateEnd(text, width)}
    </Text>
  );
}
