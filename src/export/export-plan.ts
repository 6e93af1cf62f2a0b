// What an exported program contains, in order, before it is written as Python: the lesson's steps and
// their statements (the suggested calls with what a live run of the lesson printed), or a transcript's
// statements with what they printed when they were recorded.
import type { Lesson, Step } from '../lesson/model';
import type { Transcript } from '../session/transcript/format';
import type { StatementResult } from '../session/types';
import type { StatementKnowledge } from './python-statement';

export type PlanItem =
  | { kind: 'statement'; source: string; known: StatementKnowledge | null; mayRaise: boolean }
  /** A step begins; `step` (the lesson's) gives its prose for the comments, null for a re-run step. */
  | { kind: 'step'; number: number; step: Step | null }
  /** Every socket closed and the peers started again on new ports (the learner's :back or :reset). */
  | { kind: 'restart'; command: string }
  | { kind: 'finish' }
  | { kind: 'comment'; text: string };

export interface ExportPlan {
  lesson: Lesson | null;
  /** 'the lesson fetch-a-page', 'the transcript class.jsonl (recorded 2026-...)'. */
  origin: string;
  items: PlanItem[];
}

/** What the statements of a lesson printed when it was played: the setup's, then each step's calls'. */
export interface LessonKnowledge {
  setup: readonly StatementResult[];
  steps: readonly (readonly StatementResult[])[];
}

const knowledgeOf = (r: StatementResult | undefined): StatementKnowledge | null =>
  r === undefined ? null : { output: r.output, error: r.error, durationMs: r.durationMs, ...(r.exit ? { exit: true } : {}) };

/**
 * A step whose check asks what error() was (not merely that there was none) expects its last line to
 * raise, on some machines at least (a privileged port raises only for a learner who is not root).
 */
function expectsError(step: Step): boolean {
  return /\berror(?:_text)?\s*\(\s*\)(?!\s*is\s+None)/.test(step.check.source);
}

export function lessonPlan(lesson: Lesson, knowledge: LessonKnowledge | null): ExportPlan {
  const items: PlanItem[] = [];
  // The intro's own heading repeats the title the program's header already gives.
  const intro = lesson.intro.trim().replace(/^# .*\n*/, '');
  if (intro !== '') items.push({ kind: 'comment', text: intro });
  if (lesson.setup.length > 0) {
    items.push({ kind: 'comment', text: "The lesson's setup: socklab runs these lines for you before step 1." });
    lesson.setup.forEach((line, i) => items.push({ kind: 'statement', source: line.source, known: knowledgeOf(knowledge?.setup[i]), mayRaise: false }));
  }
  lesson.steps.forEach((step, s) => {
    items.push({ kind: 'step', number: step.number, step });
    const results = knowledge?.steps[s] ?? [];
    step.calls.forEach((call, c) => {
      const mayRaise = c === step.calls.length - 1 && expectsError(step);
      items.push({ kind: 'statement', source: call.source, known: knowledgeOf(results[c]), mayRaise });
    });
  });
  return { lesson, origin: `the lesson ${lesson.id}`, items };
}

/** A transcript's statements, with the steps and restarts of its lesson when it has one. */
export function transcriptPlan(t: Transcript, lesson: Lesson | null): ExportPlan {
  const items: PlanItem[] = [];
  let current: number | null = null;
  const enter = (number: number | null, step: Step | null) => {
    if (number === null || number === current) return;
    current = number;
    items.push({ kind: 'step', number, step });
  };
  for (const { record } of t.records) {
    switch (record.type) {
      case 'step':
        current = null;
        enter(record.number, lesson?.steps[record.number - 1] ?? null);
        break;
      case 'finished':
        current = null;
        items.push({ kind: 'finish' });
        break;
      case 'command': {
        const name = record.source.trim().split(/\s+/)[0];
        if (lesson !== null && (name === ':back' || name === ':reset')) {
          current = null;
          items.push({ kind: 'restart', command: name });
        }
        break;
      }
      case 'statement': {
        if (lesson !== null) enter(record.step, null);
        const known: StatementKnowledge = { output: record.output, error: record.error, durationMs: record.durationMs, ...(record.exit ? { exit: true } : {}) };
        items.push({ kind: 'statement', source: record.source, known, mayRaise: false });
        break;
      }
      default:
        break;
    }
  }
  const origin = `the transcript ${t.file} (recorded ${t.header.startedAt}${t.header.lesson ? ` in the lesson ${t.header.lesson.id}` : ' in the sandbox'})`;
  return { lesson, origin, items };
}
