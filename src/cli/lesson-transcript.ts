// The plain text of a lesson being played or taken: step headings and prose as `# ` lines, each
// statement as in plain mode, then what the peers did meanwhile, then whether the step's check held.
import type { Lesson, Step } from '../lesson';
import type { PeerEvent } from '../session/peers';
import type { StepOutcome } from '../session/lesson/lesson-run';
import { safeText } from '../ui/format/safe-text';
import { plainEcho, plainOutput, plainStateLines, type PlainOptions } from './plain-format';

const comment = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line.trim() === '' ? '#' : `# ${safeText(line)}`))
    .join('\n') + '\n';

export function lessonHeading(lesson: Pick<Lesson, 'id' | 'title' | 'summary'>, port: number | undefined): string {
  const where = port === undefined ? '' : ` (PORT = ${port})`;
  return comment(`Lesson ${lesson.id}: ${lesson.title}${where}\n${lesson.summary}`);
}

export function stepHeading(lesson: { steps: { length: number } }, index: number, step: Pick<Step, 'title' | 'prose' | 'calls'>, withProse: boolean): string {
  let text = comment(`Step ${index + 1} of ${lesson.steps.length}: ${step.title}`);
  if (withProse && step.prose.trim() !== '') text += comment(step.prose.trim());
  if (withProse && step.calls.length > 0) text += comment(`Try: ${step.calls.map((c) => c.source).join('  then  ')}`);
  return text;
}

export function peerLines(events: readonly Pick<PeerEvent, 'text'>[]): string {
  return events.map((e) => `# ${safeText(e.text)}\n`).join('');
}

/**
 * A statement of a lesson: its output, then what the peers did meanwhile, then the sockets that
 * changed (so the table's changes follow the events that caused them), then the step's verdict.
 */
export function outcomeLines(
  outcome: StepOutcome,
  options: PlainOptions & { checks: boolean; echoed?: boolean },
  step: Pick<Step, 'check'> | null,
  peers: readonly Pick<PeerEvent, 'text'>[] = [],
): string {
  const r = outcome.result;
  let text = options.echoed ? '' : plainEcho(r.source, options.escape);
  const printed = plainOutput(r.output, options.escape);
  text += printed !== '' && !printed.endsWith('\n') ? `${printed}\n` : printed;
  text += peerLines(peers);
  if (!options.noState) text += plainStateLines(r);
  if (outcome.errorHint) text += comment(`Hint: ${outcome.errorHint}`);
  if (options.checks && outcome.passed && step) text += `# check passed: ${safeText(step.check.source)}\n`;
  if (outcome.passed && outcome.finished) text += '# The lesson is done.\n';
  return text;
}
