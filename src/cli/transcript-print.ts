// `socklab replay FILE --plain`: a transcript printed as the plain mode that recorded it printed it,
// from the records alone (no socket is opened). Each mode flushes what the peers did at the same
// points as it did live, so a recording replays to the same text.
import type { StepOutcome } from '../session/lesson/lesson-run';
import type { HeaderRecord, StatementRecord, StepRecord, Transcript } from '../session/transcript/format';
import { resultOf } from '../session/transcript/statement-record';
import { safeText } from '../ui/format/safe-text';
import { lessonHeading, outcomeLines, peerLines, stepHeading } from './lesson-transcript';
import { formatPlainResult, plainEcho, plainOutput, type PlainOptions } from './plain-format';

interface Printer {
  write(text: string): void;
  options: PlainOptions;
  header: HeaderRecord;
  stepCount: number;
}

const stepShape = (s: StepRecord) => ({
  title: s.title,
  prose: s.prose,
  calls: s.calls.map((source) => ({ source, line: 0 })),
  check: { source: s.check, line: 0 },
});

function outcomeOf(record: StatementRecord, stepCount: number): StepOutcome {
  const passed = record.passed === true;
  return {
    result: resultOf(record),
    passed,
    errorHint: record.errorHint ?? null,
    checkError: record.checkError ?? null,
    finished: passed && record.step === stepCount,
  };
}

function printSandbox(t: Transcript, p: Printer): void {
  for (const { record } of t.records) {
    if (record.type === 'statement') p.write(formatPlainResult(resultOf(record), p.options));
  }
}

/** As `socklab <lesson> --plain` printed it: prose with each step, commands and their answers. */
function printLesson(t: Transcript, p: Printer): void {
  const lesson = p.header.lesson!;
  p.write(lessonHeading(lesson, undefined));
  const pending: { text: string }[] = [];
  let portShown = false;
  const showPort = () => {
    if (!portShown) p.write(`# PORT = ${p.header.ports['PORT']}\n`);
    portShown = true;
  };
  for (const { record } of t.records) {
    switch (record.type) {
      case 'statement':
        if (record.by === 'lesson') p.write(formatPlainResult(resultOf(record), p.options));
        else p.write(outcomeLines(outcomeOf(record, p.stepCount), { ...p.options, checks: false }, null, pending.splice(0)));
        break;
      case 'peer':
        pending.push(record);
        break;
      case 'step':
        showPort();
        p.write(peerLines(pending.splice(0)));
        p.write(stepHeading({ steps: { length: p.stepCount } }, record.number - 1, stepShape(record), true));
        break;
      case 'finished':
        showPort();
        p.write(peerLines(pending.splice(0)));
        p.write('# The lesson is done. Type :quit to leave, or :reset to start over.\n');
        break;
      case 'command':
        p.write(plainEcho(record.source, p.options.escape) + plainOutput(record.reply, p.options.escape));
        break;
      case 'note':
        p.write(`# ${safeText(record.text)}\n`);
        break;
      case 'ports':
        break;
    }
  }
}

/** As `socklab replay <lesson> --plain` printed it: the verdict of each check, and a summary. */
function printReplay(t: Transcript, p: Printer): void {
  p.write(lessonHeading(p.header.lesson!, undefined));
  const pending: { text: string }[] = [];
  const setup: StatementRecord[] = [];
  let started = false;
  let step: StepRecord | null = null;
  // The setup statements are printed once the lesson has started, after what the peers did meanwhile.
  const start = () => {
    if (started) return;
    started = true;
    p.write(peerLines(pending.splice(0)));
    for (const r of setup) p.write(formatPlainResult(resultOf(r), p.options));
  };
  for (const { record } of t.records) {
    if (record.type === 'peer') pending.push(record);
    else if (record.type === 'statement' && record.by === 'lesson' && !started) setup.push(record);
    else if (record.type === 'step') {
      start();
      step = record;
      p.write(peerLines(pending.splice(0)));
      p.write(stepHeading({ steps: { length: p.stepCount } }, record.number - 1, stepShape(record), false));
    } else if (record.type === 'statement') {
      start();
      const shape = step && step.number === record.step ? stepShape(step) : null;
      p.write(outcomeLines(outcomeOf(record, p.stepCount), { ...p.options, checks: true }, shape, pending.splice(0)));
    }
  }
  start();
  p.write(peerLines(pending.splice(0)));
  const end = t.end?.record;
  if (end === undefined) return;
  for (const failure of end.failures ?? []) p.write(`# FAILED: ${safeText(failure)}\n`);
  p.write(end.passed ? `# All ${p.stepCount} steps passed.\n` : `# ${(end.failures ?? []).length} problem(s).\n`);
}

/** Writes the transcript as its mode's plain text; returns the exit status that mode would have had. */
export function printTranscript(t: Transcript, options: PlainOptions, write: (text: string) => void): number {
  const p: Printer = { write, options, header: t.header, stepCount: t.header.lesson?.steps ?? 0 };
  if (t.header.mode === 'sandbox' || t.header.lesson === null) printSandbox(t, p);
  else if (t.header.mode === 'lesson') printLesson(t, p);
  else printReplay(t, p);
  if (t.header.mode === 'replay' && t.end?.record.passed === false) return 1;
  return 0;
}
