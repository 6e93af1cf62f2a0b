// `socklab replay <lesson> --plain`: the lesson plays itself in plain text mode; exit 0 when every
// step's check held after its suggested calls, 1 otherwise (for CI, logs and screen readers).
import type { Lesson } from '../lesson';
import type { PeerEvent } from '../session/peers';
import { Session } from '../session/session';
import { LessonRun } from '../session/lesson/lesson-run';
import { autoplay } from '../session/lesson/autoplay';
import type { StatementResult } from '../session/types';
import { formatPlainResult } from './plain-format';
import { lessonHeading, outcomeLines, peerLines, stepHeading } from './lesson-transcript';
import { onTermination } from './termination';
import type { Io } from './main';
import { followLessonRun, recordStarted } from '../session/transcript/lesson-recording';
import { openRecording, reportRecording } from './recording';
import { version } from './version';

export interface ReplayPlainOptions {
  noState: boolean;
  /** 1-based step to start from: earlier steps run first, their statements printed too. */
  step: number;
  onResult?: (result: StatementResult) => void;
  /** --record FILE. */
  record?: string | null;
}

export async function replayPlain(lesson: Lesson, options: ReplayPlainOptions, io: Io): Promise<number> {
  const recorder = openRecording(options.record ?? null, io);
  if (recorder === false) return 1;
  const session = new Session();
  const run = new LessonRun(lesson, { session });
  const stop = new AbortController();
  const release = onTermination({
    interrupt: () => false,
    terminate: () => {
      stop.abort();
      session.close();
      recorder?.end({ reason: 'stopped' });
    },
  });
  const plain = { noState: options.noState, escape: io.stdout.isTTY === true, checks: true };
  const pending: PeerEvent[] = [];
  run.onEvent((e) => {
    if (e.type === 'peer') pending.push(e.event);
  });
  const stopFollowing = recorder ? followLessonRun(recorder, run) : null;
  const flushPeers = () => io.stdout.write(peerLines(pending.splice(0)));
  try {
    io.stdout.write(lessonHeading(lesson, undefined));
    const setup = await run.start(options.step - 1);
    recorder?.begin({ mode: 'replay', lesson, ports: run.ports, startStep: run.stepIndex + 1, socklab: version });
    if (recorder) recordStarted(recorder, run, setup);
    flushPeers();
    for (const result of setup) {
      io.stdout.write(formatPlainResult(result, plain));
      options.onResult?.(result);
    }
    const report = await autoplay(run, {
      stop: stop.signal,
      onStep: (index, step) => {
        recorder?.step(step);
        flushPeers();
        io.stdout.write(stepHeading(lesson, index, step, false));
      },
      onResult: (result, outcome, step) => {
        recorder?.statement(result, { step: step.number, passed: outcome.passed, errorHint: outcome.errorHint, checkError: outcome.checkError });
        io.stdout.write(outcomeLines(outcome, plain, step, pending.splice(0)));
        options.onResult?.(result);
      },
    });
    flushPeers();
    for (const f of report.failures) io.stdout.write(`# FAILED: ${f.reason}\n`);
    io.stdout.write(report.passed ? `# All ${lesson.steps.length} steps passed.\n` : `# ${report.failures.length} problem(s).\n`);
    recorder?.end({ reason: stop.signal.aborted ? 'stopped' : 'finished', passed: report.passed, failures: report.failures.map((f) => f.reason) });
    return report.passed ? 0 : 1;
  } finally {
    stopFollowing?.();
    recorder?.close();
    await run.stop();
    session.close();
    reportRecording(recorder, io);
    release();
  }
}
