// Drives the whole App, with real sessions and real lesson runs on loopback sockets underneath (the
// services the CLI gives it), through ink-testing-library: keys in through stdin, frames out.
import { render } from 'ink-testing-library';
import { vi } from 'vitest';
import { screenServices, type ScreenResources } from '../../src/cli/screen-services';
import type { Curriculum } from '../../src/lesson/model';
import type { ProgressStore } from '../../src/lesson/progress';
import type { ScreenRecording } from '../../src/ui/app/services';
import { App, type AppStart } from '../../src/ui/App';
import { loadBytesCodec } from '../../src/ui/components/use-bytes-codec';

export const keys = {
  up: '\x1b[A',
  down: '\x1b[B',
  tab: '\t',
  enter: '\r',
  ctrlC: '\x03',
  ctrlD: '\x04',
};

export interface AppDriver {
  frame(): string;
  /** The last prompt line, without trailing spaces ('' while a statement runs). */
  promptLine(): string;
  press(input: string): void;
  /** Waits until the frame satisfies the check (bounded). */
  until(check: (frame: string) => boolean, timeout?: number): Promise<string>;
  /** Types a line, waits for the prompt to show it, and enters it. */
  enter(line: string): Promise<void>;
  /** Enters a statement and waits until it has finished (the prompt is back). */
  run(line: string, timeout?: number): Promise<string>;
  services: ScreenResources;
  quits: number;
  errors: Error[];
  unmount(): Promise<void>;
}

export interface AppOptions {
  start: AppStart;
  curriculum?: Curriculum | null;
  loadCurriculum?: () => Promise<{ curriculum: Curriculum; warning: string | null }>;
  progress?: ProgressStore | null;
  recording?: ScreenRecording | null;
  warning?: string | null;
  columns?: number;
  rows?: number;
}

export async function driveApp(options: AppOptions): Promise<AppDriver> {
  // loaded before the screen renders, so that no import is still running when the test ends
  await loadBytesCodec();
  const services = screenServices(options.progress ?? null, options.recording ?? null);
  const driver = { quits: 0, errors: [] as Error[] };
  // The screen's key listener never re-subscribes, so a key sent once a frame shows is never lost.
  const instance = render(
    <App
      start={options.start}
      curriculum={options.curriculum ?? null}
      loadCurriculum={options.loadCurriculum}
      services={services}
      warning={options.warning ?? null}
      colour={false}
      size={{ columns: options.columns ?? 100, rows: options.rows ?? 30 }}
      onQuit={() => driver.quits++}
      onError={(error) => driver.errors.push(error)}
    />,
  );
  const frame = () => instance.lastFrame() ?? '';
  const promptLine = () =>
    frame()
      .split('\n')
      .filter((line) => line.startsWith('>>>'))
      .pop()
      ?.trimEnd() ?? '';
  const until = async (check: (f: string) => boolean, timeout = 8000) => {
    await vi.waitFor(
      () => {
        if (!check(frame())) throw new Error(`frame not as expected yet:\n${frame()}`);
      },
      { timeout, interval: 10 },
    );
    return frame();
  };
  const enter = async (line: string) => {
    await until(() => promptLine() === '>>>' || promptLine().startsWith('>>>  '));
    instance.stdin.write(line);
    await until(() => promptLine().startsWith(`>>> ${line}`));
    instance.stdin.write(keys.enter);
  };
  await until((f) => f.includes('>>>') || f.includes('socklab · lessons'));
  return Object.assign(driver, {
    frame,
    promptLine,
    press: (input: string) => instance.stdin.write(input),
    until,
    enter,
    run: async (line: string, timeout?: number) => {
      await enter(line);
      return until((f) => f.includes(`>>> ${line}`) && promptLine() !== '' && !promptLine().includes(line), timeout);
    },
    services,
    unmount: async () => {
      instance.unmount();
      instance.cleanup();
      await services.closeAll();
    },
  });
}
