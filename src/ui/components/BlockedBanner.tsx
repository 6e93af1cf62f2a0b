import { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { BlockedInfo } from '../../session/types';
import { formatElapsed, formatTimeout } from '../format/elapsed';
import { safeText } from '../format/safe-text';
import { truncateEnd } from '../format/text-width';

export interface BlockedBannerProps {
  info: BlockedInfo;
  width: number;
  colour: boolean;
  /** The clock the elapsed counter reads (Date.now unless a test supplies its own). */
  now?: () => number;
  /** How often the counter is redrawn, in ms. */
  tickMs?: number;
  /** The key that ends the wait, as the screen showing it binds it. */
  release?: string;
}

/** What a blocked call waits for, for how long, how to release it, and the key that interrupts it. */
export function BlockedBanner({ info, width, colour, now = Date.now, tickMs = 250, release = 'Ctrl+C interrupts' }: BlockedBannerProps) {
  const [time, setTime] = useState(now);
  useEffect(() => {
    setTime(now());
    const timer = setInterval(() => setTime(now()), Math.max(10, tickMs));
    return () => clearInterval(timer);
  }, [now, tickMs]);
  const waited = formatElapsed(time - info.since);
  const timeout = info.timeoutMs;
  const limit = typeof timeout === 'number' && Number.isFinite(timeout) ? ` (times out after ${formatTimeout(timeout)})` : '';
  const what = `${safeText(info.call)}: waiting for ${safeText(info.waitingFor)} · ${waited}${limit}`;
  const how = info.hint ? `${safeText(info.hint)} · ${release}` : release;
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text wrap="truncate" bold color={colour ? 'yellow' : undefined}>
        {truncateEnd(what, width)}
      </Text>
      <Text wrap="truncate">{truncateEnd(how, width)}</Text>
    </Box>
  );
}
