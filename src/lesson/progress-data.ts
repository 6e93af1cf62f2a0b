// The progress record: its current shape, reading (and migrating) what a file holds, and the pure
// updates the app makes to it. progress.ts stores it.

import type { Curriculum, Lesson } from './model';
import { errorMessage } from '../sys/error-text';

export const PROGRESS_VERSION = 2;

export interface LessonProgress {
  /** Ids of the steps whose check has held. */
  doneSteps: string[];
  completed: boolean;
  /** ISO time the lesson was completed, or null. */
  completedAt: string | null;
}

/** Where the learner left off. The step is kept by id and by index, so an edited lesson still resumes. */
export interface Position {
  lesson: string;
  /** null: the start of the lesson. */
  step: string | null;
  stepIndex: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  position: Position | null;
  updatedAt: string | null;
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, position: null, updatedAt: null };
}

export type ReadResult =
  | { kind: 'ok'; progress: Progress; migratedFrom: number | null }
  | { kind: 'damaged'; reason: string }
  | { kind: 'newer'; version: number };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Version 1 recorded finished lessons only: { version: 1, done: [ids], current: id | null }.
 * Its finished lessons stay finished; the current lesson resumes at its start.
 */
function migrateFromV1(data: Record<string, unknown>): Record<string, unknown> | string {
  const done = data['done'] ?? [];
  const current = data['current'] ?? null;
  if (!isStringArray(done)) return "'done' is not a list of lesson ids";
  if (current !== null && typeof current !== 'string') return "'current' is not a lesson id";
  const lessons: Record<string, LessonProgress> = {};
  for (const id of done) lessons[id] = { doneSteps: [], completed: true, completedAt: null };
  return {
    version: 2,
    lessons,
    position: current === null ? null : { lesson: current, step: null, stepIndex: 0 },
    updatedAt: null,
  };
}

const MIGRATIONS: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown> | string>> = {
  1: migrateFromV1,
};

function checkLessonProgress(id: string, value: unknown): LessonProgress | string {
  if (!isRecord(value)) return `lesson '${id}' is not an object`;
  const { doneSteps, completed, completedAt } = value;
  if (!isStringArray(doneSteps)) return `lesson '${id}': doneSteps is not a list of step ids`;
  if (typeof completed !== 'boolean') return `lesson '${id}': completed is not true or false`;
  if (completedAt !== null && typeof completedAt !== 'string') return `lesson '${id}': completedAt is not a time`;
  return { doneSteps: [...new Set(doneSteps)], completed, completedAt };
}

function checkCurrent(data: Record<string, unknown>): Progress | string {
  if (!isRecord(data['lessons'])) return "'lessons' is not an object";
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, value] of Object.entries(data['lessons'])) {
    const checked = checkLessonProgress(id, value);
    if (typeof checked === 'string') return checked;
    lessons[id] = checked;
  }
  const position = data['position'] ?? null;
  let checkedPosition: Position | null = null;
  if (position !== null) {
    if (!isRecord(position) || typeof position['lesson'] !== 'string') return "'position' has no lesson id";
    const step = position['step'] ?? null;
    const stepIndex = position['stepIndex'] ?? 0;
    if (step !== null && typeof step !== 'string') return "'position.step' is not a step id";
    if (typeof stepIndex !== 'number' || !Number.isInteger(stepIndex) || stepIndex < 0) return "'position.stepIndex' is not a step number";
    checkedPosition = { lesson: position['lesson'], step, stepIndex };
  }
  const updatedAt = data['updatedAt'] ?? null;
  if (updatedAt !== null && typeof updatedAt !== 'string') return "'updatedAt' is not a time";
  return { version: PROGRESS_VERSION, lessons, position: checkedPosition, updatedAt };
}

/** Reads a progress file's text: the current version, an older one (migrated), a newer one, or damage. */
export function readProgressText(text: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { kind: 'damaged', reason: `not valid JSON (${errorMessage(err)})` };
  }
  if (!isRecord(data)) return { kind: 'damaged', reason: 'not a JSON object' };
  const version = data['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { kind: 'damaged', reason: 'no valid version number' };
  if (version > PROGRESS_VERSION) return { kind: 'newer', version };
  let current: Record<string, unknown> = data;
  for (let v = version; v < PROGRESS_VERSION; v++) {
    const migrated = MIGRATIONS[v]!(current);
    if (typeof migrated === 'string') return { kind: 'damaged', reason: migrated };
    current = migrated;
  }
  const checked = checkCurrent(current);
  if (typeof checked === 'string') return { kind: 'damaged', reason: checked };
  return { kind: 'ok', progress: checked, migratedFrom: version === PROGRESS_VERSION ? null : version };
}

function touch(progress: Progress, now: Date): Progress {
  return { ...progress, updatedAt: now.toISOString() };
}

function lessonEntry(progress: Progress, lessonId: string): LessonProgress {
  return progress.lessons[lessonId] ?? { doneSteps: [], completed: false, completedAt: null };
}

export function markStepDone(progress: Progress, lessonId: string, stepId: string, now = new Date()): Progress {
  const entry = lessonEntry(progress, lessonId);
  if (entry.doneSteps.includes(stepId)) return progress;
  const lessons = { ...progress.lessons, [lessonId]: { ...entry, doneSteps: [...entry.doneSteps, stepId] } };
  return touch({ ...progress, lessons }, now);
}

export function markLessonCompleted(progress: Progress, lessonId: string, now = new Date()): Progress {
  const entry = lessonEntry(progress, lessonId);
  if (entry.completed) return progress;
  const lessons = { ...progress.lessons, [lessonId]: { ...entry, completed: true, completedAt: now.toISOString() } };
  return touch({ ...progress, lessons }, now);
}

/** Where the learner is now: `step` null for the start of the lesson. */
export function setPosition(progress: Progress, lessonId: string, step: { id: string; index: number } | null, now = new Date()): Progress {
  const position: Position = { lesson: lessonId, step: step?.id ?? null, stepIndex: step?.index ?? 0 };
  return touch({ ...progress, position }, now);
}

/** Forgets a lesson's steps (the lesson starts again); its completion stays recorded. */
export function resetLesson(progress: Progress, lessonId: string, now = new Date()): Progress {
  const entry = progress.lessons[lessonId];
  if (!entry) return progress;
  return touch({ ...progress, lessons: { ...progress.lessons, [lessonId]: { ...entry, doneSteps: [] } } }, now);
}

/** Steps done out of the lesson's current steps (ids of removed steps do not count). */
export function lessonStatus(progress: Progress, lesson: Lesson): { done: number; total: number; completed: boolean } {
  const entry = progress.lessons[lesson.id];
  const done = entry ? lesson.steps.filter((s) => entry.doneSteps.includes(s.id)).length : 0;
  return { done, total: lesson.steps.length, completed: entry?.completed ?? false };
}

/** Where to resume: the recorded lesson and step, found by step id, else by index; null if the lesson is gone. */
export function resumePoint(progress: Progress, curriculum: Curriculum): { lesson: Lesson; stepIndex: number } | null {
  const position = progress.position;
  if (!position) return null;
  const lesson = curriculum.lessons.find((l) => l.id === position.lesson);
  if (!lesson || lesson.steps.length === 0) return null;
  const byId = position.step === null ? -1 : lesson.steps.findIndex((s) => s.id === position.step);
  const stepIndex = byId >= 0 ? byId : Math.min(position.step === null ? 0 : position.stepIndex, lesson.steps.length - 1);
  return { lesson, stepIndex };
}
