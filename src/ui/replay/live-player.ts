// `socklab replay FILE --live` on the screen: the transcript's statements run again on real sockets
// (a lesson transcript through its lesson, so the peers act as they did), each shown as it runs, and
// every statement whose output differs from the recording is said, highlighted, under it. The exit
// status is the plain version's: 0 when none differs, 1 otherwise (130 when stopped before the end).
import { describeDifference, type OutputDifference } from '../../session/transcript/compare';
import type { Transcript } from '../../session/transcript/format';
import type { LiveReplayHooks, LiveReplayReport } from '../../session/transcript/live-replay';
import type { ReplayIntent } from '../keys/replay-keys';
import { noteAction, type ReplayPlayer, type ReplaySink } from './player';
import { errorMessage } from '../../sys/error-text';

export interface LivePlayerOptions {
  transcript: Transcript;
  /** Runs the transcript live (the caller loads the socket layer and finds the lesson). */
  replay(hooks: LiveReplayHooks): Promise<LiveReplayReport>;
  sink: ReplaySink;
}

/** How long quitting waits for the statement under way to give its sockets back. */
const STOP_LIMIT_MS = 2000;

export class LivePlayer implements ReplayPlayer {
  private readonly stop = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private code = 130;

  constructor(private readonly options: LivePlayerOptions) {}

  start(): void {
    const { transcript: t, sink } = this.options;
    sink.status({ phase: 'playing', canGoBack: false, canPause: false });
    sink.ui(noteAction(`checking ${t.file} live: each statement runs again on real sockets and is compared with its recording`));
    this.running = this.check();
  }

  intent(_intent: ReplayIntent): void {
    // It runs as fast as the statements do: there is nothing to pause, skip or go back to.
  }

  exitCode(): number {
    return this.code;
  }

  async dispose(): Promise<void> {
    this.stop.abort();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_LIMIT_MS)));
    await Promise.race([this.running, limit]);
    clearTimeout(timer);
  }

  private differs(d: OutputDifference): void {
    const [head, ...rest] = describeDifference(d, this.options.transcript.file);
    this.options.sink.ui(noteAction(`DIFFERS: ${head}`, 'error'));
    for (const line of rest) this.options.sink.ui(noteAction(line, 'error'));
  }

  private async check(): Promise<void> {
    const { sink } = this.options;
    try {
      const report = await this.options.replay({
        stop: this.stop.signal,
        onResult: (live, _recorded, difference) => {
          sink.ui({ type: 'statements-shown', results: [live] });
          if (difference) this.differs(difference);
        },
        onMissing: (d) => this.differs(d),
      });
      if (this.stop.signal.aborted) return;
      const count = report.differences.length;
      sink.ui(
        count === 0
          ? noteAction(`all ${report.ran} statements print what the recording printed`, 'success')
          : noteAction(`${count} difference${count === 1 ? '' : 's'} from the recording (${report.ran} statements run live)`, 'error'),
      );
      this.code = count === 0 ? 0 : 1;
    } catch (error) {
      if (this.stop.signal.aborted) return;
      sink.ui(noteAction(`the live check stopped: ${errorMessage(error)}`, 'error'));
      this.code = 1;
    }
    sink.status({ phase: 'done', next: null });
  }
}
