// The lesson menu's rows: every lesson with its number, title, summary and how far the learner got,
// and which one to preselect (where they left off, else the first one not done).
import type { Curriculum } from '../../lesson/model';
import { lessonStatus, resumePoint, type Progress } from '../../lesson/progress-data';

export type LessonState = 'done' | 'started' | 'new';

export interface MenuEntry {
  /** 1-based, as `socklab <number>` names it. */
  number: number;
  id: string;
  title: string;
  summary: string;
  state: LessonState;
  /** 'done', '2/6' or 'not started'. */
  mark: string;
  /** The learner left off in this lesson: Enter resumes at `startStep`. */
  resume: boolean;
  /** The lesson the learner was in last (resumed, or finished there). */
  last: boolean;
  /** 0-based step that Enter starts at. */
  startStep: number;
}

export function menuEntries(curriculum: Curriculum, progress: Progress | null): MenuEntry[] {
  const resume = progress ? resumePoint(progress, curriculum) : null;
  return curriculum.lessons.map((lesson, i) => {
    const status = progress ? lessonStatus(progress, lesson) : { done: 0, total: lesson.steps.length, completed: false };
    const state: LessonState = status.completed ? 'done' : status.done > 0 ? 'started' : 'new';
    const mark = state === 'done' ? 'done' : state === 'started' ? `${status.done}/${status.total}` : 'not started';
    const last = resume !== null && resume.lesson.id === lesson.id;
    // A lesson finished last time is left at no step: there is nothing in it to resume.
    const finishedThere = last && status.completed && progress?.position?.step === null;
    const resuming = last && !finishedThere;
    return {
      number: i + 1,
      id: lesson.id,
      title: lesson.title,
      summary: lesson.summary,
      state,
      mark,
      resume: resuming,
      last,
      startStep: resuming ? resume.stepIndex : 0,
    };
  });
}

/** Where the learner left off; else the next lesson not done after the last one; else the first. */
export function preselectedIndex(entries: readonly MenuEntry[]): number {
  const resume = entries.findIndex((e) => e.resume);
  if (resume >= 0) return resume;
  const last = entries.findIndex((e) => e.last);
  const next = entries.findIndex((e, i) => i > last && e.state !== 'done');
  if (next >= 0) return next;
  const open = entries.findIndex((e) => e.state !== 'done');
  return open >= 0 ? open : Math.max(0, last);
}

/** The right-hand side of an entry's first line. */
export function entryStatus(entry: MenuEntry): string {
  if (!entry.resume) return entry.mark;
  const where = entry.startStep > 0 ? `resume at step ${entry.startStep + 1}` : 'resume';
  return entry.state === 'new' ? where : `${where} · ${entry.mark}`;
}
