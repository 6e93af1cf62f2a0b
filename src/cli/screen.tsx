// The interactive screen: the lesson menu, a lesson or the sandbox, drawn by Ink in the terminal's
// alternate screen. Every way out (:quit, Ctrl+D, Ctrl+C twice, SIGTERM, SIGHUP, an internal error)
// closes every socket and gives the terminal back as it was.
import { type ReactElement } from 'react';
import { render } from 'ink';
import type { CurriculumResult } from '../lesson/load';
import { formatDiagnostic, type Diagnostic } from '../lesson/diagnostics';
import type { Curriculum, Lesson } from '../lesson/model';
import { ProgressStore } from '../lesson/progress';
import type { Transcript } from '../session/transcript/format';
import { App, type AppStart } from '../ui/App';
import { colourEnabled } from '../ui/format/state-colour';
import type { ReplayTarget } from '../ui/ReplayScreen';
import type { Command } from './args';
import type { Io } from './main';
import { openScreenRecording } from './screen-recording';
import { screenServices } from './screen-services';
import { isTerminalGone, onEndingSignal } from './screen-signals';
import { errorMessage } from '../sys/error-text';

export type ScreenTarget =
  | { kind: 'sandbox'; record: string | null }
  /** The menu reads the lessons once it is drawn. */
  | { kind: 'menu'; loadLessons: LessonsLoader; record: string | null }
  /** `lessons`: every lesson, or how to read them once the screen is drawn. */
  | { kind: 'lesson'; lesson: Lesson; lessons: Curriculum | LessonsLoader; fromStep: number; progress: ProgressStore; record: string | null }
  | { kind: 'replay'; lesson: Lesson; curriculum: Curriculum; options: ReplayCommand }
  /** A transcript played back (or, with --live, run again); `lesson` is its lesson for --live. */
  | { kind: 'transcript'; transcript: Transcript; lesson: Lesson | null; options: ReplayCommand };

type ReplayCommand = Extract<Command, { kind: 'replay' }>;
type LessonsLoader = () => Promise<CurriculumResult>;

/** The lessons the screen reads after its first frame, if it does. */
function lessonsLoader(target: ScreenTarget): LessonsLoader | null {
  if (target.kind === 'menu') return target.loadLessons;
  return target.kind === 'lesson' && typeof target.lessons === 'function' ? target.lessons : null;
}

/** Exit status after an internal error (EX_SOFTWARE, as the entry point uses). */
export const INTERNAL_ERROR_EXIT = 70;

/**
 * Ink draws at most this many frames a second. Its default (30) holds a statement's result back for up
 * to 33 ms after the frame that showed it running; frames are only drawn when something changed, so
 * a higher cap costs nothing while idle.
 */
const MAX_FPS = 1000;

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

function oneLine(error: unknown): string {
  const text = errorMessage(error);
  return text.split('\n')[0]?.trim() || 'unknown error';
}

/** The terminal as the screen found it: cooked mode, the cursor shown, the shell's screen back. */
function terminalKeeper(io: Io): { enter(): void; leave(): void } {
  let entered = false;
  return {
    enter() {
      entered = true;
      io.stdout.write(ENTER_ALTERNATE_SCREEN);
    },
    leave() {
      if (!entered) return;
      entered = false;
      try {
        if (io.stdin.isTTY) io.stdin.setRawMode(false);
        if (!io.stdout.destroyed) io.stdout.write(SHOW_CURSOR + LEAVE_ALTERNATE_SCREEN);
      } catch {
        // The terminal is gone: there is nothing to give back.
      }
    },
  };
}

/** The menu's line about lesson files that could not be loaded (warnings are for their authors). */
function lessonProblems(diagnostics: readonly Diagnostic[]): string | null {
  const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  if (files.size === 0) return null;
  const which = files.size === 1 ? 'a lesson file has errors' : `${files.size} lesson files have errors`;
  return `${which} and ${files.size === 1 ? 'is' : 'are'} left out: 'socklab validate' shows why`;
}

function appStart(target: Extract<ScreenTarget, { kind: 'sandbox' | 'menu' | 'lesson' }>): AppStart {
  if (target.kind === 'lesson') return { kind: 'lesson', lesson: target.lesson, fromStep: target.fromStep };
  return { kind: target.kind };
}

function recordPath(target: ScreenTarget): string | null {
  if (target.kind === 'transcript') return null;
  return target.kind === 'replay' ? target.options.record : target.record;
}

async function replayTarget(target: Extract<ScreenTarget, { kind: 'replay' | 'transcript' }>): Promise<ReplayTarget> {
  const { options } = target;
  if (target.kind === 'replay') {
    return { kind: 'lesson', lesson: target.lesson, fromStep: options.step - 1, speed: options.speed, pauseEachStep: options.pauseEachStep };
  }
  if (!options.live) return { kind: 'transcript', transcript: target.transcript, speed: options.speed };
  const { replayLive } = await import('../session/transcript/live-replay');
  return { kind: 'live', transcript: target.transcript, replay: (hooks) => replayLive(target.transcript, target.lesson, hooks) };
}

export async function openScreen(target: ScreenTarget, io: Io): Promise<number> {
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    const which = !io.stdin.isTTY ? 'standard input is' : 'standard output is';
    io.stderr.write(`socklab: the screen needs a terminal, and ${which} not one. Use --plain to read statements from standard input and print the results as text.\n`);
    return 2;
  }
  const recording = openScreenRecording(recordPath(target), io);
  if (recording === false) return 1;

  let progress: ProgressStore | null = null;
  let warning: string | null = null;
  if (target.kind === 'lesson') progress = target.progress;
  if (target.kind === 'menu') ({ store: progress, warning } = await ProgressStore.open());
  const services = screenServices(progress, recording);
  // Errors in the lesson files read after the first frame, printed once the terminal is back (as
  // `socklab <number>` prints them before the screen opens; warnings are for `socklab validate`).
  const problems: Diagnostic[] = [];
  const loadLessons = lessonsLoader(target);
  const loadCurriculum =
    loadLessons !== null
      ? async () => {
          const { curriculum, diagnostics } = await loadLessons();
          problems.push(...diagnostics.filter((d) => d.severity === 'error'));
          return { curriculum, warning: lessonProblems(diagnostics) };
        }
      : undefined;
  const replay = target.kind === 'replay' || target.kind === 'transcript' ? await replayTarget(target) : null;
  const terminal = terminalKeeper(io);

  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  let failure: string | null = null;
  const fail = (error: unknown) => {
    failure ??= oneLine(error);
    finish(INTERNAL_ERROR_EXIT);
  };

  const colour = colourEnabled(io.env);
  const size = { columns: io.stdout.columns || 80, rows: io.stdout.rows || 24 };
  let root: ReactElement;
  if (replay !== null) {
    // Loaded only for a replay, so that the learner's screen starts without it.
    const { ReplayScreen } = await import('../ui/ReplayScreen');
    root = (
      <ReplayScreen
        target={replay}
        services={services}
        curriculum={target.kind === 'replay' ? target.curriculum : null}
        colour={colour}
        size={size}
        onQuit={finish}
        onError={fail}
      />
    );
  } else {
    const start = appStart(target as Extract<ScreenTarget, { kind: 'sandbox' | 'menu' | 'lesson' }>);
    root = (
      <App
        start={start}
        curriculum={target.kind === 'lesson' && typeof target.lessons !== 'function' ? target.lessons : null}
        loadCurriculum={loadCurriculum}
        services={services}
        warning={warning}
        colour={colour}
        size={size}
        onQuit={() => finish(0)}
        onError={fail}
      />
    );
  }
  terminal.enter();
  const instance = render(root, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, exitOnCtrlC: false, maxFps: MAX_FPS });
  const signals = onEndingSignal((signal) => {
    recording?.finish('stopped');
    services.closeAllNow();
    try {
      instance.unmount();
    } catch {
      // The screen is going away with the process either way.
    }
    // After a hangup there is no terminal to give back (and writing to it fails).
    if (signal !== 'SIGHUP') terminal.leave();
  });
  const crashed = (error: unknown) => (isTerminalGone(error) ? signals.hangUp() : fail(error));
  let open = true;
  const streamFailed = (error: unknown) => {
    if (open && isTerminalGone(error)) signals.hangUp();
  };
  // Left attached on purpose: a write the leaving screen makes can still fail after this returns,
  // and an 'error' event nobody listens to would crash the process.
  io.stdout.on('error', streamFailed);
  io.stdin.on('error', streamFailed);
  process.on('uncaughtException', crashed);
  process.on('unhandledRejection', crashed);
  try {
    const code = await finished;
    instance.unmount();
    await services.closeAll();
    return code;
  } finally {
    open = false;
    recording?.finish(failure === null ? 'quit' : 'stopped');
    terminal.leave();
    signals.release();
    process.off('uncaughtException', crashed);
    process.off('unhandledRejection', crashed);
    for (const d of problems) io.stderr.write(`${formatDiagnostic(d)}\n`);
    if (failure !== null) io.stderr.write(`socklab: internal error: ${failure}\n`);
    if (recording?.failure) io.stderr.write(`socklab: ${recording.failure}\n`);
  }
}
