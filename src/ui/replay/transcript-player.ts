// `socklab replay FILE` on the screen: a transcript played back as it was recorded, with no socket
// opened. Each statement is typed and shows its recorded output, table and bytes; the recording's own
// pauses are kept (scaled by the speed, the long ones shortened). Left shows the screen again as it
// was before the previous statement and plays on from there; Right finishes the statement at once.
import type { Transcript } from '../../session/transcript/format';
import type { ReplayIntent } from '../keys/replay-keys';
import { initialUiState } from '../state/initial-state';
import { typingSchedule } from './pace';
import type { Pacer } from './pacer';
import { pacerIntent, type ReplayPlayer, type ReplaySink } from './player';
import { backTarget, beatActions, screenAt, transcriptBeats, type Beat } from './transcript-beats';

export interface TranscriptPlayerOptions {
  transcript: Transcript;
  pacer: Pacer;
  sink: ReplaySink;
}

export class TranscriptPlayer implements ReplayPlayer {
  private readonly beats: Beat[];
  private backs = 0;
  /** The statement (its beat) most recently begun, and whether it is still playing. */
  private current: number | null = null;
  private inProgress = false;
  private disposed = false;

  constructor(private readonly options: TranscriptPlayerOptions) {
    this.beats = transcriptBeats(options.transcript);
  }

  start(): void {
    this.options.sink.status({ phase: 'playing' });
    void this.play();
  }

  intent(intent: ReplayIntent): void {
    if (this.disposed) return;
    if (intent.type === 'back') {
      this.backs++;
      this.options.pacer.interrupt();
      return;
    }
    pacerIntent(this.options.pacer, intent);
  }

  exitCode(): number {
    return 0;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.options.pacer.interrupt();
  }

  private async play(): Promise<void> {
    const { pacer, sink } = this.options;
    let index = 0;
    while (!this.disposed) {
      if (this.backs > 0) {
        index = this.goBack();
        continue;
      }
      pacer.resume();
      const beat = this.beats[index];
      if (beat === undefined) {
        this.inProgress = false;
        sink.status({ phase: 'done' });
        await pacer.hold({ kind: 'end' });
        if (!this.disposed && this.backs === 0) sink.status({ phase: 'playing' });
        continue;
      }
      if (beat.kind === 'typed') {
        pacer.apply({ type: 'skip-ended' });
        this.current = index;
        this.inProgress = true;
      }
      const played = await this.playBeat(beat);
      if (!played) continue;
      if (beat.kind === 'typed') this.inProgress = false;
      index++;
    }
  }

  /** Shows the screen as it was before the statement Left goes back to; returns that beat. */
  private goBack(): number {
    const { pacer, sink } = this.options;
    const target = backTarget(this.beats, this.current, this.inProgress, this.backs);
    this.backs = 0;
    pacer.resume();
    pacer.apply({ type: 'skip-ended' });
    const now = sink.current();
    sink.replaceUi(screenAt(this.beats, target, initialUiState({ size: now.size, decoding: now.decoding })));
    this.current = null;
    this.inProgress = false;
    sink.status({ phase: 'playing' });
    return target;
  }

  /** Plays one beat at the pace; false when Left or quitting cut it short. */
  private async playBeat(beat: Beat): Promise<boolean> {
    const { pacer, sink } = this.options;
    const cut = () => this.disposed || this.backs > 0;
    if (beat.kind === 'shown') {
      await pacer.wait(beat.pauseMs);
      if (cut()) return false;
      for (const action of beat.actions) sink.ui(action);
      return true;
    }
    for (const action of beat.before) sink.ui(action);
    await pacer.wait(beat.pauseMs);
    for (const typed of typingSchedule(beat.source)) {
      await pacer.wait(typed.afterMs);
      if (cut()) {
        sink.ui({ type: 'line-restored', line: '' });
        return false;
      }
      if (pacer.state.skipping && typed.line !== beat.source) continue;
      if (sink.current().line !== typed.line) sink.ui({ type: 'line-restored', line: typed.line });
    }
    sink.ui({ type: 'line-submitted', line: beat.source });
    sink.ui({ type: 'statement-started', source: beat.source });
    await pacer.wait(beat.runningMs);
    // Going back now still shows the result first: the screen never keeps a statement half run.
    for (const action of beatActions(beat).slice(beat.before.length + 2)) sink.ui(action);
    return !cut();
  }
}
