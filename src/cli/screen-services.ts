// The live parts behind the screen, loaded when first needed (koffi, libc and the lesson engine stay
// off the path to the first frame), and a record of every session and lesson run still open, so that
// every way out of socklab closes their sockets.
import type { Lesson } from '../lesson/model';
import type { ProgressStore } from '../lesson/progress';
import type { LessonRun } from '../session/lesson/lesson-run';
import type { Session } from '../session/session';
import type { ScreenRecording, ScreenServices } from '../ui/app/services';

export interface ScreenResources extends ScreenServices {
  /** Closes every socket at once, for a signal that ends the process right after. */
  closeAllNow(): void;
  /** Closes every socket and stops every lesson's peers; resolves when done or after `limitMs`. */
  closeAll(limitMs?: number): Promise<void>;
  /** Sessions still open (tests). */
  readonly openSessions: number;
}

export function screenServices(progress: ProgressStore | null, recording: ScreenRecording | null = null): ScreenResources {
  const open = new Map<Session, LessonRun | null>();

  const release = async (session: Session, run: LessonRun | null): Promise<void> => {
    open.delete(session);
    try {
      session.close();
    } catch {
      // close() never throws by contract; the peers must still stop.
    }
    try {
      await run?.stop();
    } catch {
      // A peer that fails to stop has its sockets closed with the process.
    }
  };

  return {
    progress,
    recording,
    async openSession() {
      const { Session: SessionClass } = await import('../session/session');
      const session = new SessionClass();
      open.set(session, null);
      return session;
    },
    async openLessonRun(lesson: Lesson, session: Session) {
      const { LessonRun: LessonRunClass } = await import('../session/lesson/lesson-run');
      const run = new LessonRunClass(lesson, { session, progress });
      if (open.has(session)) open.set(session, run);
      return run;
    },
    release,
    closeAllNow() {
      for (const [session, run] of open) {
        session.close();
        void run?.stop().catch(() => undefined);
      }
    },
    async closeAll(limitMs = 2000) {
      const all = [...open].map(([session, run]) => release(session, run));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, limitMs);
      });
      await Promise.race([Promise.all(all), limit]);
      clearTimeout(timer);
    },
    get openSessions() {
      return open.size;
    },
  };
}
