// A transcript as the replay screen plays it: a list of beats, each what the screen shows at once (a
// step heading, what a peer did, statements the lesson ran for the learner) or a statement to type,
// with the pause the recording had before it. Pure: the screen at any beat is a fold of the beats
// before it, which is how going back a statement shows it again without running anything.
import type { HeaderRecord, StatementRecord, StepRecord, Transcript } from '../../session/transcript/format';
import { resultOf } from '../../session/transcript/statement-record';
import type { StatementResult } from '../../session/types';
import { definedNames, lessonHeadline, plainProse, portsText, stepDoneNote, stepHeading } from '../live/lesson-view';
import { uiReducer } from '../state/reducer';
import type { Action, LessonView, UiState } from '../state/types';
import { MAX_RUNNING_MS, recordedPauseMs, typingMs } from './pace';
import { noteAction } from './player';

export type Beat =
  | { kind: 'shown'; actions: Action[]; pauseMs: number }
  | {
      kind: 'typed';
      /** The transcript line of the statement. */
      line: number;
      source: string;
      /** Shown before it is typed (the lesson pane offers it). */
      before: Action[];
      result: StatementResult;
      /** How long it shows as running. */
      runningMs: number;
      /** Shown after its result (a hint, the step done). */
      after: Action[];
      pauseMs: number;
    };

const replyText = (reply: string): string =>
  reply
    .split('\n')
    .map((l) => l.replace(/^# ?/, '').trim())
    .filter((l) => l !== '')
    .join(' ');

function describeHeader(t: Transcript): string {
  const h = t.header;
  const what =
    h.lesson === null || h.mode === 'sandbox'
      ? 'a sandbox session'
      : h.mode === 'replay'
        ? `the lesson "${h.lesson.title}" playing itself`
        : `the lesson "${h.lesson.title}"`;
  return `replaying ${t.file}: ${what}, recorded ${h.startedAt}. Nothing runs: every result is the recorded one`;
}

function endText(t: Transcript, statements: number): { text: string; tone: 'success' | 'error' | 'info' } {
  const end = t.end?.record;
  if (end === undefined) return { text: `the recording stops here (it was cut short): ${statements} statements`, tone: 'info' };
  if (t.header.mode === 'replay' && end.passed !== undefined) {
    const failures = end.failures ?? [];
    if (end.passed) return { text: `the recording ends: every step passed (${statements} statements)`, tone: 'success' };
    return { text: `the recording ends: ${failures.length} problem(s): ${failures.join('; ')}`, tone: 'error' };
  }
  return { text: `the recording ends (${end.reason}): ${statements} statements`, tone: 'info' };
}

class LessonPane {
  private step: StepRecord | null = null;

  constructor(private readonly header: HeaderRecord) {}

  get current(): StepRecord | null {
    return this.step;
  }

  enter(step: StepRecord): void {
    this.step = step;
  }

  view(suggestion: string, done: boolean): Action[] {
    const ref = this.header.lesson;
    if (ref === null || this.header.mode === 'sandbox') return [];
    const step = this.step;
    const prose = step ? plainProse(step.prose.trim()) : '';
    const lesson: LessonView = {
      title: ref.title,
      stepIndex: step ? step.number - 1 : Math.max(0, this.header.startStep - 1),
      stepCount: ref.steps,
      prose: step ? (prose === '' ? step.title : `${step.title}: ${prose}`) : ref.summary,
      suggestion,
      hintsShown: 0,
      done,
    };
    return [{ type: 'lesson-changed', lesson }];
  }
}

export function transcriptBeats(t: Transcript): Beat[] {
  const beats: Beat[] = [];
  const pane = new LessonPane(t.header);
  const inLesson = t.header.lesson !== null && t.header.mode !== 'sandbox';
  const stepCount = t.header.lesson?.steps ?? 0;
  const intro: Action[] = [noteAction(describeHeader(t))];
  if (inLesson) {
    intro.push(noteAction(lessonHeadline(t.header.lesson!)), ...pane.view('', false));
    if (Object.keys(t.header.ports).length > 0) intro.push(noteAction(definedNames(t.header.ports)));
  }
  beats.push({ kind: 'shown', actions: intro, pauseMs: 0 });

  let lastEnd = 0;
  let statements = 0;
  const pauseBefore = (at: number, typed = 0) => recordedPauseMs(at - lastEnd, typed);
  const shown = (at: number, ...actions: Action[]) => {
    beats.push({ kind: 'shown', actions, pauseMs: pauseBefore(at) });
    lastEnd = Math.max(lastEnd, at);
  };

  for (const { record, line } of t.records) {
    switch (record.type) {
      case 'statement':
        statements++;
        if (record.by === 'lesson') shown(record.at, { type: 'statements-shown', results: [resultOf(record)] });
        else beats.push(typedBeat(record, line, pane, pauseBefore(record.at, typingMs(record.source)), stepCount));
        lastEnd = Math.max(lastEnd, record.at + record.durationMs);
        break;
      case 'peer':
        shown(record.at, noteAction(record.text));
        break;
      case 'step':
        pane.enter(record);
        shown(record.at, noteAction(stepHeading(record, stepCount)), ...pane.view(record.calls[0] ?? '', false));
        break;
      case 'finished':
        shown(record.at, noteAction(`lesson complete: ${t.header.lesson?.title ?? ''}`, 'success'), ...pane.view('', true));
        break;
      case 'command': {
        const reply = replyText(record.reply);
        shown(record.at, noteAction(reply === '' ? record.source.trim() : `${record.source.trim()}: ${reply}`, 'hint'));
        break;
      }
      case 'note':
        shown(record.at, noteAction(record.text, 'warning'));
        break;
      case 'ports':
        shown(record.at, noteAction(`new ports for the lesson: ${portsText(record.ports)}`));
        break;
    }
  }
  const end = endText(t, statements);
  beats.push({ kind: 'shown', actions: [noteAction(end.text, end.tone)], pauseMs: 0 });
  return beats;
}

function typedBeat(record: StatementRecord, line: number, pane: LessonPane, pauseMs: number, stepCount: number): Beat {
  const step = pane.current;
  const after: Action[] = [];
  if (record.errorHint) after.push(noteAction(`hint: ${record.errorHint}`, 'hint'));
  if (record.passed === true && step !== null && record.step === step.number) {
    after.push(noteAction(stepDoneNote(step), 'success'));
    after.push(...pane.view('', step.number === stepCount));
  } else if (record.passed === false && record.checkError) {
    after.push(noteAction(record.checkError, 'error'));
  }
  return {
    kind: 'typed',
    line,
    source: record.source,
    before: pane.view(record.source, false),
    result: resultOf(record),
    runningMs: Math.min(MAX_RUNNING_MS, Math.max(0, record.durationMs)),
    after,
    pauseMs,
  };
}

/** Every action of a beat, as the screen gets them when it is shown at once. */
export function beatActions(beat: Beat): Action[] {
  if (beat.kind === 'shown') return beat.actions;
  return [
    ...beat.before,
    { type: 'line-submitted', line: beat.source },
    { type: 'statement-started', source: beat.source },
    { type: 'statement-finished', result: beat.result },
    ...beat.after,
  ];
}

/** The screen after the first `count` beats, from `initial`. */
export function screenAt(beats: readonly Beat[], count: number, initial: UiState): UiState {
  let state = initial;
  for (const beat of beats.slice(0, Math.max(0, count))) for (const action of beatActions(beat)) state = uiReducer(state, action);
  return state;
}

/**
 * Where Left goes: the statement before the one playing, or, once the last one has been played and
 * nothing plays, that last one; `presses` more times back. 0 (the start) when there is none.
 */
export function backTarget(beats: readonly Beat[], current: number | null, inProgress: boolean, presses: number): number {
  const typed = beats.flatMap((b, i) => (b.kind === 'typed' ? [i] : []));
  if (current === null) return 0;
  const at = typed.indexOf(current);
  if (at < 0) return 0;
  const index = at - (inProgress ? presses : presses - 1);
  return index < 0 ? 0 : (typed[index] ?? 0);
}
