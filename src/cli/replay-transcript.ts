// `socklab replay FILE`: a recorded transcript. On the screen it is played back as recorded; --plain
// (or no terminal) prints it as plain mode printed it (no socket is opened); --live runs its
// statements again on real sockets and reports every one whose output differs from the recording
// (exit 0 when none does, 1 otherwise), on the screen or as text.
import { describeDifference, type OutputDifference } from '../session/transcript/compare';
import { readTranscriptFile } from '../session/transcript/reader';
import type { Transcript } from '../session/transcript/format';
import type { Lesson } from '../lesson/model';
import { safeText } from '../ui/format/safe-text';
import type { Command } from './args';
import type { Io } from './main';
import { formatPlainResult, type PlainOptions } from './plain-format';
import { onTermination } from './termination';
import { lessonOfTranscript } from './transcript-lesson';
import { printTranscript } from './transcript-print';

type ReplayCommand = Extract<Command, { kind: 'replay' }>;

const commentLines = (lines: readonly string[]): string => lines.map((l) => `# ${safeText(l)}\n`).join('');

export async function replayTranscript(file: string, command: ReplayCommand, io: Io): Promise<number> {
  const read = await readTranscriptFile(file);
  if (!read.ok) {
    for (const e of read.errors) io.stderr.write(`${e}\n`);
    return 1;
  }
  for (const w of read.warnings) io.stderr.write(`${w.replace(/^([^:]+:\d+): /, '$1: warning: ')}\n`);
  if (command.record !== null) io.stderr.write('socklab: --record is not used when replaying a transcript file\n');
  if (!command.plain && io.stdin.isTTY && io.stdout.isTTY) return replayOnScreen(read.transcript, command, io);
  const options: PlainOptions = { noState: command.noState, escape: io.stdout.isTTY === true };
  if (!command.live) return printTranscript(read.transcript, options, (text) => io.stdout.write(text));
  return replayLiveCommand(read.transcript, command, options, io);
}

/** On the screen: played back as recorded, or with --live run again and compared. */
async function replayOnScreen(t: Transcript, command: ReplayCommand, io: Io): Promise<number> {
  let lesson: Lesson | null = null;
  if (command.live) {
    const found = await lessonOfTranscript(t, command.lessons);
    if (!found.ok) {
      io.stderr.write(`${found.message}\n`);
      return 2;
    }
    lesson = found.lesson;
  }
  return (await import('./screen')).openScreen({ kind: 'transcript', transcript: t, lesson, options: command }, io);
}

async function replayLiveCommand(t: Transcript, command: ReplayCommand, options: PlainOptions, io: Io): Promise<number> {
  const found = await lessonOfTranscript(t, command.lessons);
  if (!found.ok) {
    io.stderr.write(`${found.message}\n`);
    return 2;
  }
  const { replayLive } = await import('../session/transcript/live-replay');
  const stop = new AbortController();
  const release = onTermination({
    interrupt: () => {
      stop.abort();
      return true;
    },
    terminate: () => stop.abort(),
  });
  const write = (text: string) => io.stdout.write(text);
  const differs = (d: OutputDifference) => {
    const [head, ...rest] = describeDifference(d, t.file);
    write(commentLines([`DIFFERS: ${head}`, ...rest]));
  };
  try {
    const what = t.header.lesson && t.header.mode !== 'sandbox' ? `the lesson ${t.header.lesson.id}` : 'a sandbox session';
    write(commentLines([`Replaying ${t.file} live: ${what}, recorded ${t.header.startedAt}`]));
    const report = await replayLive(t, found.lesson, {
      stop: stop.signal,
      onResult: (live, _recorded, difference) => {
        write(formatPlainResult(live, options));
        if (difference) differs(difference);
      },
      onMissing: differs,
    });
    if (stop.signal.aborted) {
      write('# Interrupted.\n');
      return 130;
    }
    const count = report.differences.length;
    write(
      count === 0
        ? `# All ${report.ran} statements print what the recording printed.\n`
        : `# ${count} difference${count === 1 ? '' : 's'} from the recording (${report.ran} statements run live).\n`,
    );
    return count === 0 ? 0 : 1;
  } finally {
    release();
  }
}
