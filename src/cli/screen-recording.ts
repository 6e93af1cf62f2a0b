// --record FILE on the screen: the file is opened before the screen opens (a path that cannot be
// written is said at once), and handed to the first session that asks: one transcript holds one
// session, so a lesson opened from the menu after another one is not recorded.
import type { EndReason } from '../session/transcript/format';
import type { TranscriptRecorder } from '../session/transcript/recorder';
import type { ScreenRecording } from '../ui/app/services';
import type { Io } from './main';
import { openRecording } from './recording';
import { version } from './version';

export class ScreenRecordingFile implements ScreenRecording {
  readonly socklab = version;
  private claimed = false;

  constructor(private readonly recorder: TranscriptRecorder) {}

  get path(): string {
    return this.recorder.path;
  }

  get failure(): string | null {
    return this.recorder.failure;
  }

  claim(): TranscriptRecorder | null {
    if (this.claimed) return null;
    this.claimed = true;
    return this.recorder;
  }

  /** Ends the recording if its session has not (a signal, the screen failing); idempotent. */
  finish(reason: EndReason): void {
    this.recorder.end({ reason });
  }
}

/** The recording for `path`, null without --record, or false after saying why it cannot be written. */
export function openScreenRecording(path: string | null, io: Pick<Io, 'stderr'>): ScreenRecordingFile | null | false {
  const recorder = openRecording(path, io);
  return recorder === null || recorder === false ? recorder : new ScreenRecordingFile(recorder);
}
