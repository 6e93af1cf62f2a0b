// --record FILE for every mode: the file is opened before anything runs (a path that cannot be written
// is said at once), and a recording that stopped on the way (disk full) is said at the end.
import { TranscriptRecorder, TranscriptWriteError } from '../session/transcript/recorder';
import type { Io } from './main';

/** The recorder for `path`, null without --record, or false after saying why the file cannot be written. */
export function openRecording(path: string | null, io: Pick<Io, 'stderr'>): TranscriptRecorder | null | false {
  if (path === null) return null;
  try {
    return TranscriptRecorder.open(path);
  } catch (e) {
    if (!(e instanceof TranscriptWriteError)) throw e;
    io.stderr.write(`socklab: ${e.message}\n`);
    return false;
  }
}

/** Says so when the recording stopped before the end (it was cut short by a failed write). */
export function reportRecording(recorder: TranscriptRecorder | null, io: Pick<Io, 'stderr'>): void {
  if (recorder?.failure) io.stderr.write(`socklab: ${recorder.failure}\n`);
}
