import { useEffect } from 'react';
import { Box, type Key } from 'ink';
import { layoutOf } from '../state/layout-of';
import type { ReplayState } from '../replay/replay-state';
import { BlockedBanner } from './BlockedBanner';
import { BytesPanel } from './BytesPanel';
import { loadBytesCodec } from './use-bytes-codec';
import { ConsolePane } from './ConsolePane';
import { KeyListener } from './KeyListener';
import { LessonPane } from './LessonPane';
import { ReplayBar } from './ReplayBar';
import { SocketsTable } from './SocketsTable';
import { TypedPrompt } from './TypedPrompt';

export interface ReplayFrameProps {
  state: ReplayState;
  colour: boolean;
  onKey: (input: string, key: Key) => void;
  /** Clock and redraw interval of the blocked banner's counter. */
  now?: () => number;
  tickMs?: number;
}

/**
 * The screen a learner sees, played by the replay: the same panes, a prompt that types by itself, and
 * the replay's own status line with its keys.
 */
export function ReplayFrame({ state, colour, onKey, now, tickMs }: ReplayFrameProps) {
  // once drawn: the first frame does not wait for the interpreter's codecs
  useEffect(() => void loadBytesCodec(), []);
  const ui = state.ui;
  const { columns: width, rows: height } = ui.size;
  const layout = layoutOf(ui);
  const shown = ui.bytes[ui.bytes.length - 1];
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <KeyListener onKey={onKey} />
      {ui.lesson ? <LessonPane lesson={ui.lesson} width={width} proseLines={layout.proseLines} colour={colour} /> : null}
      <SocketsTable rows={ui.rows} changes={ui.changes} scroll={ui.tableScroll} visibleRows={layout.tableRows} width={width} colour={colour} />
      {shown ? (
        <BytesPanel shown={shown} count={ui.bytes.length} decoding={ui.decoding} width={width} hexLines={layout.hexLines} colour={colour} />
      ) : null}
      <ConsolePane entries={ui.console} block={ui.block} scroll={ui.consoleScroll} width={width} lines={layout.consoleLines} colour={colour} />
      {ui.running ? (
        ui.blocked ? (
          <BlockedBanner info={ui.blocked} width={width} colour={colour} now={now} tickMs={tickMs} release="q quits" />
        ) : (
          <Box height={1} />
        )
      ) : (
        <TypedPrompt line={ui.line} width={width} />
      )}
      {layout.status > 0 ? <ReplayBar controls={state.controls} status={state.status} width={width} colour={colour} /> : null}
    </Box>
  );
}
