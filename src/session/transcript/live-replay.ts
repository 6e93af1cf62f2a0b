// Runs a transcript's statements again on real sockets and compares each with its recording. A lesson
// transcript goes through a LessonRun of the same lesson, so the peers act as they did: its steps,
// skips, rewinds and restarts are followed from the records.
import type { Lesson } from '../../lesson/model';
import { LessonRun } from '../lesson/lesson-run';
import { Session } from '../session';
import type { StatementResult } from '../types';
import { OutputComparer, portPairs, type OutputDifference, type RecordedOutput } from './compare';
import type { Located, StatementRecord, Transcript } from './format';

export interface LiveReplayHooks {
  /** After each statement run live, with its recording (null when the recording has none) and the verdict. */
  onResult?(live: StatementResult, recorded: Located<StatementRecord> | null, difference: OutputDifference | null): void;
  /** A recorded statement the live run did not reach. */
  onMissing?(difference: OutputDifference): void;
  /** Stops after the current statement. */
  stop?: AbortSignal;
}

export interface LiveReplayReport {
  /** Statements run live. */
  ran: number;
  differences: OutputDifference[];
}

/** Never wait forever for a statement (it may wait for a program that is not there this time). */
const MIN_CALL_MS = 20_000;
const MAX_CALL_MS = 120_000;

/**
 * How long a statement may run live. One the learner interrupted (Ctrl+C) is interrupted after as long
 * as it ran then, so it prints the same KeyboardInterrupt.
 */
export function callLimitMs(record: Pick<StatementRecord, 'durationMs' | 'error'>): number {
  if (record.error?.type === 'KeyboardInterrupt') return Math.max(50, Math.min(record.durationMs, MAX_CALL_MS));
  return Math.min(MAX_CALL_MS, Math.max(MIN_CALL_MS, record.durationMs * 2 + 5000));
}

const recorded = (l: Located<StatementRecord>): RecordedOutput => ({ source: l.record.source, output: l.record.output, line: l.line, passed: l.record.passed, step: l.record.step });

function signalFor(record: StatementRecord, stop: AbortSignal | undefined): AbortSignal {
  const limit = AbortSignal.timeout(callLimitMs(record));
  return stop ? AbortSignal.any([limit, stop]) : limit;
}

class Tally {
  readonly differences: OutputDifference[] = [];
  ran = 0;

  constructor(
    readonly comparer: OutputComparer,
    private readonly hooks: LiveReplayHooks,
  ) {}

  pair(live: StatementResult, rec: Located<StatementRecord>, passed: boolean | null): void {
    this.ran++;
    const d = this.comparer.compare(recorded(rec), { source: live.source, output: live.output, passed });
    if (d) this.differences.push(d);
    this.hooks.onResult?.(live, rec, d);
  }

  extra(live: StatementResult): void {
    this.ran++;
    const d = this.comparer.extra({ source: live.source, output: live.output, passed: null });
    this.differences.push(d);
    this.hooks.onResult?.(live, null, d);
  }

  missing(rec: Located<StatementRecord>): void {
    const d = this.comparer.missing(recorded(rec));
    this.differences.push(d);
    this.hooks.onMissing?.(d);
  }
}

async function replaySandbox(t: Transcript, hooks: LiveReplayHooks): Promise<LiveReplayReport> {
  const tally = new Tally(new OutputComparer(), hooks);
  const session = new Session();
  let ended = false;
  try {
    for (const { record, line } of t.records) {
      if (hooks.stop?.aborted) break;
      if (record.type === 'command' && /^:reset\b/.test(record.source.trim()) && !ended) session.reset();
      if (record.type !== 'statement') continue;
      const rec = { record, line };
      if (ended) {
        tally.missing(rec);
        continue;
      }
      const live = await session.run(record.source, { signal: signalFor(record, hooks.stop) });
      tally.pair(live, rec, null);
      ended = live.exit === true;
    }
  } finally {
    session.close();
  }
  return { ran: tally.ran, differences: tally.differences };
}

async function replayLesson(t: Transcript, lesson: Lesson, hooks: LiveReplayHooks): Promise<LiveReplayReport> {
  const varying = new Set(lesson.steps.filter((s) => s.varies !== null).map((s) => s.number));
  const comparer = new OutputComparer(portPairs(t.header.ports), [], varying);
  const tally = new Tally(comparer, hooks);
  const session = new Session();
  const run = new LessonRun(lesson, { session });
  // Statements the lesson ran for the learner live (start, rewind, restart), waiting for their recordings.
  let queue: StatementResult[] = [];
  const rerun = (results: StatementResult[]) => {
    for (const r of queue) tally.extra(r);
    queue = [...results];
    comparer.liveNames(portPairs(run.ports));
  };
  try {
    rerun(await run.start(Math.max(0, t.header.startStep - 1)));
    for (const [position, { record, line }] of t.records.entries()) {
      if (hooks.stop?.aborted) break;
      switch (record.type) {
        case 'ports':
          comparer.recordedNames(portPairs(record.ports));
          break;
        case 'step':
          // The recording moved on without the check holding (a played lesson skips a failed step).
          for (let guard = 0; run.stepIndex + 1 < record.number && !run.finished && guard < lesson.steps.length; guard++) await run.skip();
          break;
        case 'command': {
          const name = record.source.trim().replace(/^:/, '').split(/\s+/)[0];
          if (name === 'next') await run.skip();
          else if (name === 'back') {
            // The step recorded next says where it went (on the screen, back from a step shown done
            // goes back past the run's own step).
            const target = stepAfter(t, position);
            rerun(await (target === null ? run.back() : run.start(target - 1)));
          }
          else if (name === 'reset' || name === 'restart') rerun(await run.restart());
          else if (name === 'hint') run.nextHint();
          break;
        }
        case 'statement': {
          const rec = { record, line };
          if (record.by === 'lesson') {
            const live = queue.shift();
            if (live === undefined) tally.missing(rec);
            else tally.pair(live, rec, null);
            break;
          }
          for (const r of queue.splice(0)) tally.extra(r);
          const outcome = await run.submit(record.source, { signal: signalFor(record, hooks.stop) });
          tally.pair(outcome.result, rec, record.step === null ? null : outcome.passed);
          break;
        }
        default:
          break;
      }
    }
    for (const r of queue.splice(0)) tally.extra(r);
  } finally {
    await run.stop();
    session.close();
  }
  return { ran: tally.ran, differences: tally.differences };
}

/** The number of the step record that follows a command, before any other statement or command. */
function stepAfter(t: Transcript, position: number): number | null {
  for (const { record } of t.records.slice(position + 1)) {
    if (record.type === 'step') return record.number;
    if (record.type === 'command' || (record.type === 'statement' && record.by === 'learner')) return null;
  }
  return null;
}

/**
 * Re-runs the transcript live. A lesson transcript needs its lesson (the caller finds it by the
 * header's id or file); a sandbox transcript needs nothing.
 */
export function replayLive(t: Transcript, lesson: Lesson | null, hooks: LiveReplayHooks = {}): Promise<LiveReplayReport> {
  if (t.header.lesson === null || t.header.mode === 'sandbox') return replaySandbox(t, hooks);
  if (lesson === null) throw new Error(`the lesson '${t.header.lesson.id}' is needed to replay this transcript`);
  return replayLesson(t, lesson, hooks);
}
