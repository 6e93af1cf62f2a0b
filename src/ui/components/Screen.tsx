import { useEffect } from 'react';
import { Box, type Key } from 'ink';
import { CONTINUATION, PROMPT } from '../format/console-lines';
import { ghostOf } from '../state/key-mode';
import { layoutOf } from '../state/layout-of';
import type { UiState } from '../state/types';
import { BlockedBanner } from './BlockedBanner';
import { BytesPanel } from './BytesPanel';
import { loadBytesCodec } from './use-bytes-codec';
import { ConsolePane } from './ConsolePane';
import { HelpOverlay } from './HelpOverlay';
import { KeyListener } from './KeyListener';
import { LessonPane } from './LessonPane';
import { Prompt } from './Prompt';
import { SocketsTable } from './SocketsTable';
import { StatusLine } from './StatusLine';

export interface ScreenProps {
  state: UiState;
  /** Colour on (false when NO_COLOR is set); the state names are written either way. */
  colour: boolean;
  /** Every key, Enter included, before the text input sees it. */
  onKey: (input: string, key: Key) => void;
  /** The text input reporting its line. */
  onLineChange: (line: string) => void;
  /** Clock and redraw interval of the blocked banner's counter. */
  now?: () => number;
  tickMs?: number;
}

/** The whole screen for the terminal size in `state.size`; everything it shows comes from props. */
export function Screen({ state, colour, onKey, onLineChange, now, tickMs }: ScreenProps) {
  // once drawn: the first frame does not wait for the interpreter's codecs
  useEffect(() => void loadBytesCodec(), []);
  const { columns: width, rows: height } = state.size;
  const layout = layoutOf(state);
  const shown = state.bytes[state.bytes.length - 1];
  const ghost = ghostOf(state);
  // Only rows are clipped: every line is already cut to the width, and a horizontal clip would have
  // Ink slice every line of every frame again (the most expensive part of drawing one).
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <KeyListener onKey={onKey} />
      {state.overlay === 'help' ? (
        <HelpOverlay width={width} height={height} scroll={state.overlayScroll} colour={colour} />
      ) : (
        <>
          {state.lesson ? (
            <LessonPane lesson={state.lesson} width={width} proseLines={layout.proseLines} colour={colour} />
          ) : null}
          <SocketsTable
            rows={state.rows}
            changes={state.changes}
            scroll={state.tableScroll}
            visibleRows={layout.tableRows}
            width={width}
            colour={colour}
          />
          {shown ? (
            <BytesPanel
              shown={shown}
              count={state.bytes.length}
              decoding={state.decoding}
              width={width}
              hexLines={layout.hexLines}
              colour={colour}
            />
          ) : null}
          <ConsolePane
            entries={state.console}
            block={state.block}
            scroll={state.consoleScroll}
            width={width}
            lines={layout.consoleLines}
            colour={colour}
          />
          {state.running ? (
            state.blocked ? (
              <BlockedBanner info={state.blocked} width={width} colour={colour} now={now} tickMs={tickMs} />
            ) : null
          ) : (
            <Prompt
              line={state.line}
              inputVersion={state.inputVersion}
              label={state.block.length > 0 ? CONTINUATION : PROMPT}
              ghost={ghost}
              candidates={state.candidates}
              width={width}
              onChange={onLineChange}
            />
          )}
          {layout.status > 0 ? (
            <StatusLine running={state.running} quitArmed={state.quitArmed} ghost={ghost !== ''} width={width} />
          ) : null}
        </>
      )}
    </Box>
  );
}
