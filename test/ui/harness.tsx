// Drives the real Screen with the real reducer and key handling, the way the app will: statements
// are answered with fixture results (the session is not part of the screen), keys go in through stdin.
import { useEffect } from 'react';
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import type { Command } from '../../src/ui/commands/parse-command';
import { Screen } from '../../src/ui/components/Screen';
import type { Completer } from '../../src/ui/state/completion';
import type { UiState } from '../../src/ui/state/types';
import { useUiState, type UiController } from '../../src/ui/state/use-ui-state';
import { result } from './fixtures';
import { loadBytesCodec } from '../../src/ui/components/use-bytes-codec';

export const keys = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  tab: '\t',
  enter: '\r',
  escape: '\x1b',
  pageDown: '\x1b[6~',
  ctrlA: '\x01',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlT: '\x14',
  ctrlU: '\x15',
};

export interface HarnessEvents {
  /** Renders of the harness, and how many of them have had their effects run (keys may go in when equal). */
  renders: number;
  settled: number;
  statements: string[];
  commands: Command[];
  interrupts: number;
  quits: number;
}

interface HarnessProps {
  initial: Partial<UiState>;
  complete?: Completer;
  isIncomplete?: (source: string) => boolean;
  /** Leave statements running, so the screen shows them pending or blocked. */
  holdStatements?: boolean;
  events: HarnessEvents;
  onReady: (ui: UiController) => void;
}

function Harness({ initial, complete, isIncomplete, holdStatements, events, onReady }: HarnessProps) {
  const ui = useUiState({
    initial,
    complete,
    isIncomplete,
    onStatement: (source) => {
      events.statements.push(source);
      if (!holdStatements) queueMicrotask(() => ui.dispatch({ type: 'statement-finished', result: result(source) }));
    },
    onCommand: (command) => events.commands.push(command),
    onInterrupt: () => events.interrupts++,
    onQuit: () => events.quits++,
  });
  events.renders++;
  const rendered = events.renders;
  // A parent's effects run after its children's: by now every useInput below has (re)subscribed.
  useEffect(() => {
    events.settled = rendered;
    onReady(ui);
  });
  return (
    <Screen
      state={ui.state}
      colour={false}
      onKey={ui.handleKey}
      onLineChange={ui.handleLineChange}
    />
  );
}

export interface Driven {
  frame: () => string;
  /** The last line showing the prompt, without trailing spaces. */
  promptLine: () => string;
  press: (input: string) => void;
  /** Waits until the frame satisfies the check (bounded by vitest's waitFor timeout). */
  until: (check: (frame: string) => boolean) => Promise<string>;
  ui: () => UiController;
  events: HarnessEvents;
  unmount: () => void;
}

export async function drive(
  initial: Partial<UiState>,
  options: { complete?: Completer; isIncomplete?: (source: string) => boolean; holdStatements?: boolean } = {},
): Promise<Driven> {
  // loaded before the screen renders, so that no import is still running when the test ends
  await loadBytesCodec();
  const events: HarnessEvents = { renders: 0, settled: 0, statements: [], commands: [], interrupts: 0, quits: 0 };
  let controller: UiController | null = null;
  const instance = render(<Harness initial={initial} {...options} events={events} onReady={(ui) => (controller = ui)} />);
  await vi.waitFor(() => {
    if (!controller) throw new Error('screen not mounted yet');
  });
  const frame = () => instance.lastFrame() ?? '';
  return {
    frame,
    promptLine: () =>
      frame()
        .split('\n')
        .filter((line) => line.startsWith('>>>') || line.startsWith('...'))
        .pop()
        ?.trimEnd() ?? '',
    press: (input) => instance.stdin.write(input),
    until: async (check) => {
      await vi.waitFor(
        () => {
          if (!check(frame())) throw new Error(`frame not as expected yet:\n${frame()}`);
          // the text input re-subscribes in an effect after each render: keys wait for that
          if (events.settled !== events.renders) throw new Error('effects not run yet');
        },
        { timeout: 5000, interval: 5 },
      );
      return frame();
    },
    ui: () => {
      if (!controller) throw new Error('no controller');
      return controller;
    },
    events,
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
  };
}
