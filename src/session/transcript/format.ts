// The records of a transcript file: newline-delimited JSON, one record per line, written as the session
// goes. FORMAT.md beside this file documents them for people; these types are the contract for code.
import type { PyErrorInfo, RowChange, SocketRow } from '../types';
import type { PeerEventKind } from '../peers';

export const TRANSCRIPT_FORMAT = 'socklab-transcript';
/** Bumped when a record changes meaning; a reader refuses a newer version instead of misreading it. */
export const TRANSCRIPT_VERSION = 1;

export type TranscriptMode = 'sandbox' | 'lesson' | 'replay';

export interface LessonRef {
  id: string;
  title: string;
  summary: string;
  /** The lesson file as socklab loaded it. */
  file: string;
  /** How many steps the lesson has. */
  steps: number;
}

export interface HeaderRecord {
  type: 'header';
  format: typeof TRANSCRIPT_FORMAT;
  version: number;
  /** The socklab version that wrote it. */
  socklab: string;
  /** ISO 8601, UTC. */
  startedAt: string;
  mode: TranscriptMode;
  lesson: LessonRef | null;
  /** The lesson's ports by name ({ PORT: 31610 }); {} in the sandbox. */
  ports: Record<string, number>;
  /** 1-based step the lesson started at (earlier steps were re-run for the learner); 1 in the sandbox. */
  startStep: number;
}

export interface BytesRecord {
  label: string;
  /** base64. */
  data: string;
  from?: string;
}

export interface StatementRecord {
  type: 'statement';
  /** ms since the transcript started, when the statement started. */
  at: number;
  /** The session's 1-based count of statements. */
  index: number;
  /** learner: typed (or played) and checked; lesson: run for the learner (setup, re-run steps). */
  by: 'learner' | 'lesson';
  source: string;
  output: string;
  error: PyErrorInfo | null;
  exit?: boolean;
  rows: SocketRow[];
  changes: RowChange[];
  bytes: BytesRecord[];
  durationMs: number;
  /** 1-based lesson step it ran in; null outside a step (sandbox, setup). */
  step: number | null;
  /** Whether the step's check held after it; null when nothing was checked. */
  passed: boolean | null;
  errorHint?: string;
  checkError?: string;
}

export interface PeerRecord {
  type: 'peer';
  at: number;
  seq: number;
  peer: string;
  kind: PeerEventKind;
  text: string;
  line: number | null;
}

/** A step began (as the learner was shown it). */
export interface StepRecord {
  type: 'step';
  at: number;
  /** 1-based. */
  number: number;
  id: string;
  title: string;
  prose: string;
  calls: string[];
  check: string;
}

/** Every step is done. */
export interface FinishedRecord {
  type: 'finished';
  at: number;
}

/** A colon command the learner typed (:hint, :next ...) and the text it printed. */
export interface CommandRecord {
  type: 'command';
  at: number;
  source: string;
  reply: string;
}

export interface NoteRecord {
  type: 'note';
  at: number;
  text: string;
}

/** The lesson chose new ports (it was rewound or restarted). */
export interface PortsRecord {
  type: 'ports';
  at: number;
  ports: Record<string, number>;
}

export type EndReason = 'end-of-input' | 'exit' | 'quit' | 'finished' | 'stopped';

export interface EndRecord {
  type: 'end';
  at: number;
  reason: EndReason;
  /** Statements recorded. */
  statements: number;
  /** A played lesson: whether every step's check held. */
  passed?: boolean;
  failures?: string[];
}

export type BodyRecord = StatementRecord | PeerRecord | StepRecord | FinishedRecord | CommandRecord | NoteRecord | PortsRecord;
export type TranscriptRecord = HeaderRecord | BodyRecord | EndRecord;

/** A record as read back, with the file line it came from. */
export interface Located<R> {
  line: number;
  record: R;
}

export interface Transcript {
  file: string;
  header: HeaderRecord;
  records: Located<BodyRecord>[];
  /** null when the recording stopped before its end (socklab was killed). */
  end: Located<EndRecord> | null;
}
