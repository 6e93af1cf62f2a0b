import React, { useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { BlockedInfo } from '../../session/types';
import { formatElapsed, formatTimeout } from '../format/elapsed';
import { safeText } from '../format/safe-text';
import { colourOf } from '../format/state-colour';
import { truncateEnd } from '../format/text-width';

export interface BlockedBannerProps {
  info: BlockedInfo;
  width: number;
  colour: boolean;
  /** The clock the elapsed counter reads (Date.now unless a test supplies its own). */
  now?: () => number;
  /** How often the counter is redrawn, in ms. */
  tickMs?: number;
}

/** What a blocked call waits for, for how long, how to release it, and that Ctrl+C interrupts it. */
export function BlockedBanner({ info, width, colour, now = Date.now, tickMs = 250 }: BlockedBannerProps) {
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
  const how = info.hint ? `${safeText(info.hint)} · Ctrl+C interrupts` : 'Ctrl+C interrupts';
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text wrap="truncate" bold color={colour ? 'yellow' : undefined}>
        {truncateEnd(what, width)}
      </Text>
      <Text wrap="truncate">{truncateEnd(how, width)}</Text>
    </Box>
  );
}
