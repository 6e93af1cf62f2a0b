// Writes a transcript as the session goes: one JSON line per record, each written through to the file
// at once, so a crash loses at most the record being written. Plain mode and the screen both call it.
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Lesson, Step } from '../../lesson/model';
import type { PeerEvent } from '../peers';
import type { StatementResult } from '../types';
import {
  TRANSCRIPT_FORMAT,
  TRANSCRIPT_VERSION,
  type BodyRecord,
  type EndReason,
  type HeaderRecord,
  type TranscriptMode,
  type TranscriptRecord,
} from './format';
import { statementRecord, type StatementContext } from './statement-record';
import { errorMessage } from '../../sys/error-text';

export class TranscriptWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranscriptWriteError';
  }
}

export interface HeaderInfo {
  mode: TranscriptMode;
  lesson?: Lesson | null;
  ports?: Readonly<Partial<Record<string, number>>>;
  /** 1-based step the lesson starts at. */
  startStep?: number;
  socklab: string;
}

export interface EndInfo {
  reason: EndReason;
  passed?: boolean;
  failures?: string[];
}

/** Why a path cannot be written, in words a learner can act on. */
export function writeErrorReason(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      // also what a directory that takes no new files says (/proc)
      return existsSync(dirname(path)) ? `no file can be made in ${dirname(path)}` : `the directory ${dirname(path)} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'part of the path is not a directory';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return errorMessage(error);
  }
}

const definedPorts = (ports: HeaderInfo['ports']): Record<string, number> =>
  Object.fromEntries(Object.entries(ports ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number'));

export class TranscriptRecorder {
  readonly path: string;
  private fd: number | null;
  private readonly startedAt = Date.now();
  /** Records made before the header (the peers speak while a lesson starts): written right after it. */
  private held: BodyRecord[] = [];
  private begun = false;
  private statements = 0;
  private lastPorts = '';
  private failed: string | null = null;

  private constructor(path: string, fd: number) {
    this.path = path;
    this.fd = fd;
  }

  /** Creates (or empties) the file now, so a path that cannot be written is known before anything runs. */
  static open(path: string): TranscriptRecorder {
    if (typeof path !== 'string' || path.trim() === '') throw new TranscriptWriteError('cannot record: the file name is empty');
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (error) {
      throw new TranscriptWriteError(`cannot record to ${path}: ${writeErrorReason(path, error)}`);
    }
    return new TranscriptRecorder(path, fd);
  }

  /** Why recording stopped (a write failed: disk full ...), or null while it works. */
  get failure(): string | null {
    return this.failed;
  }

  /** ms since the recording started. */
  now(): number {
    return Date.now() - this.startedAt;
  }

  begin(info: HeaderInfo): void {
    if (this.begun) return;
    this.begun = true;
    const ports = definedPorts(info.ports);
    this.lastPorts = JSON.stringify(ports);
    const lesson = info.lesson ?? null;
    const header: HeaderRecord = {
      type: 'header',
      format: TRANSCRIPT_FORMAT,
      version: TRANSCRIPT_VERSION,
      socklab: info.socklab,
      startedAt: new Date(this.startedAt).toISOString(),
      mode: info.mode,
      lesson: lesson && { id: lesson.id, title: lesson.title, summary: lesson.summary, file: lesson.file, steps: lesson.steps.length },
      ports,
      startStep: info.startStep ?? 1,
    };
    this.write(header);
    for (const record of this.held.splice(0)) this.write(record);
  }

  statement(result: StatementResult, context: StatementContext = {}): void {
    this.statements++;
    this.add(statementRecord(result, this.startedAt, context));
  }

  peer(event: PeerEvent): void {
    this.add({ type: 'peer', at: Math.max(0, event.time - this.startedAt), seq: event.seq, peer: event.peer, kind: event.kind, text: event.text, line: event.line });
  }

  step(step: Step): void {
    this.add({
      type: 'step',
      at: this.now(),
      number: step.number,
      id: step.id,
      title: step.title,
      prose: step.prose,
      calls: step.calls.map((c) => c.source),
      check: step.check.source,
    });
  }

  finished(): void {
    this.add({ type: 'finished', at: this.now() });
  }

  command(source: string, reply: string): void {
    this.add({ type: 'command', at: this.now(), source, reply });
  }

  note(text: string): void {
    this.add({ type: 'note', at: this.now(), text });
  }

  /** Records the lesson's ports when they differ from the last ones recorded (a rewind chose new ones). */
  ports(ports: Readonly<Partial<Record<string, number>>>): void {
    const defined = definedPorts(ports);
    const key = JSON.stringify(defined);
    if (key === this.lastPorts) return;
    this.lastPorts = key;
    this.add({ type: 'ports', at: this.now(), ports: defined });
  }

  /**
   * Writes the end record and closes the file. Later calls do nothing. Without a header nothing ran
   * (the lesson could not start): the file is left empty.
   */
  end(info: EndInfo): void {
    if (this.fd === null) return;
    if (!this.begun) return this.close();
    const record: TranscriptRecord = { type: 'end', at: this.now(), reason: info.reason, statements: this.statements };
    if (info.passed !== undefined) record.passed = info.passed;
    if (info.failures !== undefined) record.failures = info.failures;
    this.write(record);
    this.close();
  }

  /** Closes the file without an end record (what a crash leaves). Idempotent. */
  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Everything was written synchronously already.
    }
    this.fd = null;
  }

  private add(record: BodyRecord): void {
    if (this.begun) this.write(record);
    else this.held.push(record);
  }

  private write(record: TranscriptRecord): void {
    if (this.fd === null) return;
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    try {
      let written = 0;
      while (written < line.length) written += writeSync(this.fd, line, written, line.length - written);
    } catch (error) {
      // The session must go on: recording stops, and the caller can say why.
      this.failed = `recording to ${this.path} stopped: ${writeErrorReason(this.path, error)}`;
      this.close();
    }
  }
}
