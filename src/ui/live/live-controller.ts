// The live side of the screen: one session (and, in a lesson, its run), the learner's statements run
// one after another with an AbortSignal each, output streamed as it is printed, and the sockets table
// kept current while a statement waits, when a peer acts, and when an outside program connects.
import type { Curriculum, Lesson } from '../../lesson/model';
import type { LessonRun } from '../../session/lesson/lesson-run';
import { diffRows } from '../../session/row-diff';
import type { RunHooks, Session, TableUpdate } from '../../session/session';
import type { EndReason } from '../../session/transcript/format';
import type { TranscriptRecorder } from '../../session/transcript/recorder';
import type { RowChange, SocketRow } from '../../session/types';
import type { ScreenServices } from '../app/services';
import type { Command } from '../commands/parse-command';
import type { Completion } from '../state/completion';
import type { Action, NoteTone } from '../state/types';
import { LessonDriver, type Navigation } from './lesson-driver';
import { errorMessage } from '../../sys/error-text';

export type { Navigation } from './lesson-driver';

export type LiveTarget = { kind: 'sandbox' } | { kind: 'lesson'; lesson: Lesson; fromStep: number };

export interface LiveControllerOptions {
  target: LiveTarget;
  services: ScreenServices;
  /** Every lesson; null in the sandbox, and while a lesson opened by id has them read after its first frame. */
  curriculum: Curriculum | null;
  dispatch(action: Action): void;
  navigate(to: Navigation): void;
  quit(): void;
  /** How often the table is read again while a call waits (and, more slowly with many sockets, while idle). */
  refreshMs?: number;
}

export const REFRESH_MS = 250;
/** With more sockets than this, an idle table is read every fourth tick only. */
const MANY_ROWS = 64;

const LESSON_ONLY = new Set(['next', 'back', 'hint', 'solution']);


export class LiveController {
  private session: Session | null = null;
  private run: LessonRun | null = null;
  private driver: LessonDriver | null = null;
  private startFailure: string | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** A lesson command or the start is running: the table is theirs to update. */
  private busy = false;
  private current: AbortController | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private ticks = 0;
  /** The table as the screen last got it. */
  private shownRows: readonly SocketRow[] = [];
  private disposed = false;
  /** --record: this session's transcript, and how the session ended for its end record. */
  private recorder: TranscriptRecorder | null = null;
  private endReason: EndReason = 'quit';

  constructor(private readonly options: LiveControllerOptions) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.options.refreshMs ?? REFRESH_MS);
    this.enqueue(true, () => this.open());
  }

  statement(source: string): void {
    const abort = new AbortController();
    this.current = abort;
    this.enqueue(false, async () => {
      try {
        await this.runStatement(source, abort.signal);
      } catch (error) {
        this.dispatch({ type: 'statement-failed', message: `socklab could not run this statement: ${errorMessage(error)}` });
      } finally {
        if (this.current === abort) this.current = null;
      }
    });
  }

  command(command: Command): void {
    this.enqueue(true, async () => {
      try {
        await this.runCommand(command);
      } catch (error) {
        this.note(`:${command.name} failed: ${errorMessage(error)}`, 'error');
      }
    });
  }

  /** Ctrl+C: the running (or queued) statement raises KeyboardInterrupt. */
  interrupt(): void {
    this.current?.abort();
  }

  complete(line: string, cursor: number): Completion {
    return this.session?.complete(line, cursor) ?? { start: cursor, candidates: [] };
  }

  /** Stops the timer, interrupts what runs, stops the lesson's peers and closes every socket. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.current?.abort();
    this.driver?.dispose();
    this.recorder?.end({ reason: this.endReason });
    const session = this.session;
    if (session !== null) await this.options.services.release(session, this.run);
  }

  private enqueue(busy: boolean, task: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.disposed) return;
      this.busy = busy;
      try {
        await task();
      } catch (error) {
        if (!this.disposed) this.note(errorMessage(error), 'error');
      } finally {
        this.busy = false;
      }
    });
  }

  private async open(): Promise<void> {
    const { target, services } = this.options;
    let session: Session;
    try {
      session = await services.openSession();
    } catch (error) {
      this.startFailure = `the sockets could not be opened: ${errorMessage(error)}`;
      this.note(this.startFailure, 'error');
      return;
    }
    if (this.disposed) {
      await services.release(session, null);
      return;
    }
    this.session = session;
    const recording = services.recording ?? null;
    this.recorder = recording?.claim() ?? null;
    if (recording !== null && this.recorder === null) {
      this.note(`not recorded: ${recording.path} already holds an earlier session (one session per file)`, 'warning');
    }
    if (target.kind === 'sandbox') {
      this.note('sandbox: every statement runs on a real socket. Start with: import socket · ? shows the keys');
      if (this.recorder && recording) {
        this.recorder.begin({ mode: 'sandbox', socklab: recording.socklab });
        this.note(`recording to ${recording.path}`);
      }
      return;
    }
    try {
      this.run = await services.openLessonRun(target.lesson, session);
    } catch (error) {
      this.startFailure = `the lesson could not be opened: ${errorMessage(error)}`;
      this.note(this.startFailure, 'error');
      return;
    }
    this.driver = new LessonDriver(this.run, {
      dispatch: (action) => this.dispatch(action),
      navigate: (to) => this.options.navigate(to),
      curriculum: () => this.options.curriculum,
      peersActed: () => this.refresh(),
      recording: this.recorder && recording ? { recorder: this.recorder, socklab: recording.socklab } : null,
    });
    await this.beginLesson(this.driver, target.fromStep);
  }

  private async beginLesson(driver: LessonDriver, fromStep: number): Promise<void> {
    try {
      await driver.begin(fromStep);
    } catch (error) {
      this.note(`the lesson could not start: ${errorMessage(error)}. :reset tries again, :lessons goes back to the menu`, 'error');
      driver.update();
    }
  }

  private async runStatement(source: string, signal: AbortSignal): Promise<void> {
    const session = this.session;
    if (session === null) throw new Error(this.startFailure ?? 'the session is not open');
    const hooks: RunHooks = {
      signal,
      onOutput: (text) => this.dispatch({ type: 'statement-output', text }),
      onBlocked: (info) => {
        this.dispatch({ type: 'statement-blocked', info });
        if (info !== null) this.refresh();
      },
    };
    const result = this.driver ? await this.driver.submit(source, hooks) : await session.run(source, hooks);
    if (!this.driver) {
      this.dispatch({ type: 'statement-finished', result });
      this.recorder?.statement(result);
    }
    if (result.exit) {
      this.endReason = 'exit';
      this.options.quit();
    }
  }

  private async runCommand(command: Command): Promise<void> {
    const driver = this.driver;
    if (driver !== null) {
      await driver.command(command);
      return;
    }
    if (this.startFailure !== null) {
      this.note(this.startFailure, 'error');
    } else if (command.name === 'reset') {
      this.resetSandbox();
    } else if (command.name === 'lessons' && this.options.curriculum !== null) {
      this.options.navigate({ kind: 'menu' });
    } else if (LESSON_ONLY.has(command.name)) {
      this.note(`:${command.name} works in a lesson; this is the sandbox. Start socklab with no argument for the lessons`, 'error');
    } else if (command.name === 'lessons') {
      this.note('the sandbox has no lessons: start socklab with no argument for the lesson menu', 'error');
    }
  }

  private resetSandbox(): void {
    const session = this.session;
    if (session === null) return;
    session.reset();
    this.recorder?.command(':reset', '');
    this.dispatch({ type: 'session-reset' });
    this.snapshot(session.refresh());
    this.note('every socket is closed and every name forgotten: a fresh start');
  }

  private tick(): void {
    const session = this.session;
    if (session === null) return;
    this.ticks++;
    const idle = this.current === null;
    if (idle && session.rows.length > MANY_ROWS && this.ticks % 4 !== 0) return;
    this.refresh();
  }

  /**
   * The table now, unless a statement or a lesson command is about to update it (a waiting statement
   * is not); only real changes reach the screen.
   */
  private refresh(): void {
    const session = this.session;
    if (session === null || this.busy || this.disposed) return;
    if (this.current !== null && session.blocked === null) return;
    let update: TableUpdate;
    try {
      update = session.refresh();
    } catch {
      return;
    }
    this.snapshot(update);
  }

  /**
   * Shows the table if it differs from the one on the screen, with what changed since then. (The
   * session's own list of changes may already have been taken by another reader, like a lesson's
   * check after a peer acted.)
   */
  private snapshot(update: TableUpdate): void {
    const changes = changesSince(this.shownRows, update.rows);
    const sameRows = update.rows.length === this.shownRows.length && update.rows.every((r, i) => r.key === this.shownRows[i]?.key);
    if (changes.length === 0 && sameRows) return;
    this.dispatch({ type: 'snapshot', rows: update.rows, changes });
  }

  /** Every action for the screen goes through here, so that the table it shows is known. */
  private dispatch(action: Action): void {
    if (action.type === 'snapshot' || action.type === 'session-reset') this.shownRows = action.type === 'snapshot' ? action.rows : [];
    else if (action.type === 'statement-finished') this.shownRows = action.result.rows;
    else if (action.type === 'statements-shown') this.shownRows = action.results[action.results.length - 1]?.rows ?? this.shownRows;
    this.options.dispatch(action);
  }

  private note(text: string, tone: NoteTone = 'info'): void {
    this.dispatch({ type: 'note', text, tone });
  }
}

/** What changed from one table to the next; a row still shown closed is not news a second time. */
export function changesSince(before: readonly SocketRow[], after: readonly SocketRow[]): RowChange[] {
  const closedBefore = new Set(before.filter((r) => r.closed).map((r) => r.key));
  return diffRows(before, after).filter((c) => !(c.kind === 'closed' && closedBefore.has(c.key)));
}
