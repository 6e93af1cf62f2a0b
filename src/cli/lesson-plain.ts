// `socklab <lesson> --plain`: take a lesson in plain text: the step's prose and suggested call as `# `
// lines, statements from stdin, and the colon commands (:hint :solution :next :back :reset :quit).
import { createInterface } from 'node:readline';
import type { Lesson, ProgressStore } from '../lesson';
import type { PeerEvent } from '../session/peers';
import { Session } from '../session/session';
import { LessonRun } from '../session/lesson/lesson-run';
import { parseCommand } from '../ui/commands/parse-command';
import { formatPlainResult, plainEcho, plainOutput } from './plain-format';
import { lessonHeading, outcomeLines, peerLines, stepHeading } from './lesson-transcript';
import { isSkippedLine } from './plain-session';
import { Interrupts } from './interrupts';
import { onTermination } from './termination';
import type { Io } from './main';
import { followLessonRun, recordStarted } from '../session/transcript/lesson-recording';
import { openRecording, reportRecording } from './recording';
import { version } from './version';

export async function lessonPlain(
  lesson: Lesson,
  options: { noState: boolean; fromStep: number; progress: ProgressStore | null; record?: string | null },
  io: Io,
): Promise<number> {
  const recorder = openRecording(options.record ?? null, io);
  if (recorder === false) return 1;
  let endReason: 'end-of-input' | 'exit' | 'quit' = 'end-of-input';
  const session = new Session();
  const run = new LessonRun(lesson, { session, progress: options.progress });
  const interrupts = new Interrupts();
  const release = onTermination({
    interrupt: () => (session.running ? interrupts.interrupt() : false),
    terminate: () => {
      session.close();
      recorder?.end({ reason: 'stopped' });
    },
  });
  const plain = { noState: options.noState, escape: io.stdout.isTTY === true, checks: false };
  const write = (text: string) => io.stdout.write(text);
  const pending: PeerEvent[] = [];
  run.onEvent((e) => {
    if (e.type === 'peer') pending.push(e.event);
    if (e.type === 'note') write(`# ${e.text}\n`);
  });
  const stopFollowing = recorder ? followLessonRun(recorder, run) : null;
  const flushPeers = () => write(peerLines(pending.splice(0)));
  const showStep = () => {
    flushPeers();
    const step = run.step;
    if (step) recorder?.step(step);
    else recorder?.finished();
    if (step) write(stepHeading(lesson, run.stepIndex, step, true));
    else write('# The lesson is done. Type :quit to leave, or :reset to start over.\n');
  };
  const showRerun = (results: Awaited<ReturnType<LessonRun['start']>>) => {
    if (recorder) recordStarted(recorder, run, results);
    for (const r of results) write(formatPlainResult(r, plain));
  };

  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  // Made now, so lines piped in while the lesson starts are buffered instead of lost.
  const input = lines[Symbol.asyncIterator]();
  try {
    write(lessonHeading(lesson, undefined));
    const started = await run.start(options.fromStep);
    recorder?.begin({ mode: 'lesson', lesson, ports: run.ports, startStep: options.fromStep + 1, socklab: version });
    showRerun(started);
    write(`# PORT = ${run.ports.PORT}\n`);
    showStep();
    for await (const raw of { [Symbol.asyncIterator]: () => input }) {
      const line = raw.replace(/\r$/, '');
      if (isSkippedLine(line)) continue;
      if (line.trim().startsWith(':')) {
        write(plainEcho(line, plain.escape));
        const command = parseCommand(line.trim());
        const reply = (text: string) => {
          write(text);
          recorder?.command(line, text);
        };
        if (!command.ok) {
          reply(`# ${command.message}\n`);
          continue;
        }
        const name = command.command.name;
        if (name === 'quit' || name === 'next' || name === 'back' || name === 'reset') recorder?.command(line, '');
        switch (name) {
          case 'quit':
            endReason = 'quit';
            return 0;
          case 'help':
            reply('# Type Python statements; they run on real sockets. Commands: :hint (next hint), :solution (the call\n# to type), :next (skip this step), :back (rewind one step), :reset (start over), :quit.\n');
            break;
          case 'hint':
            reply(`# ${run.nextHint() ?? 'No more hints for this step: :solution shows the call to type.'}\n`);
            break;
          case 'solution':
            reply(`# Type: ${run.solution() ?? '(nothing left to type)'}\n`);
            break;
          case 'next':
            await run.skip();
            showStep();
            break;
          case 'back':
            showRerun(await run.back());
            showStep();
            break;
          case 'reset':
            showRerun(await run.restart());
            showStep();
            break;
          default:
            reply(`# :${name} works on the screen; in plain mode use :hint :solution :next :back :reset :quit\n`);
        }
        continue;
      }
      write(plainEcho(line, plain.escape));
      const before = run.stepIndex;
      const outcome = await run.submit(line, { signal: interrupts.next(), onOutput: (text) => write(plainOutput(text, plain.escape)) });
      if (outcome.result.output !== '' && !outcome.result.output.endsWith('\n')) write('\n');
      const inStep = before < lesson.steps.length;
      recorder?.statement(outcome.result, {
        step: inStep ? before + 1 : null,
        passed: inStep ? outcome.passed : null,
        errorHint: outcome.errorHint,
        checkError: outcome.checkError,
      });
      write(outcomeLines({ ...outcome, result: { ...outcome.result, output: '' } }, { ...plain, echoed: true }, null, pending.splice(0)));
      if (outcome.result.exit) {
        endReason = 'exit';
        return 0;
      }
      if (run.stepIndex !== before) showStep();
    }
    return 0;
  } finally {
    lines.close();
    stopFollowing?.();
    recorder?.end({ reason: endReason });
    await run.stop();
    session.close();
    reportRecording(recorder, io);
    release();
  }
}
