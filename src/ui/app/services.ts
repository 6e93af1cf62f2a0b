// What the screen needs from the layers below, handed in by whoever opens it (src/cli/screen.tsx).
// The screen imports no socket code itself: its first frame never waits for koffi or libc.
import type { Lesson } from '../../lesson/model';
import type { ProgressStore } from '../../lesson/progress';
import type { LessonRun } from '../../session/lesson/lesson-run';
import type { Session } from '../../session/session';
import type { TranscriptRecorder } from '../../session/transcript/recorder';

/** --record FILE on the screen: one transcript file holds one session (the sandbox, or one lesson). */
export interface ScreenRecording {
  /** The file it records to. */
  readonly path: string;
  /** The socklab version, for the transcript's header. */
  readonly socklab: string;
  /** The recorder, for the first session that asks; null for every later one. */
  claim(): TranscriptRecorder | null;
}

export interface ScreenServices {
  /** A fresh session on real sockets (the first call loads the socket layer). */
  openSession(): Promise<Session>;
  /** A run of `lesson` on `session`, saving the learner's progress (the first call loads the lesson engine). */
  openLessonRun(lesson: Lesson, session: Session): Promise<LessonRun>;
  /** Ends both: the run's peers stop and every socket of the session is closed. Never throws. */
  release(session: Session, run: LessonRun | null): Promise<void>;
  /** The learner's progress, read when socklab started; null when none is kept. */
  progress: ProgressStore | null;
  /** --record FILE; null (or absent) when nothing is recorded. */
  recording?: ScreenRecording | null;
}
