// A statement's result as a transcript record and back: the same data, with the bytes a call returned
// in base64 and times made relative to the start of the recording.
import type { BytesShown, StatementResult } from '../types';
import type { StatementRecord } from './format';

export interface StatementContext {
  by?: 'learner' | 'lesson';
  step?: number | null;
  passed?: boolean | null;
  errorHint?: string | null;
  checkError?: string | null;
}

export function statementRecord(result: StatementResult, startedAt: number, context: StatementContext = {}): StatementRecord {
  const record: StatementRecord = {
    type: 'statement',
    at: Math.max(0, result.startedAt - startedAt),
    index: result.index,
    by: context.by ?? 'learner',
    source: result.source,
    output: result.output,
    error: result.error,
    rows: result.rows,
    changes: result.changes,
    bytes: result.bytes.map((b) => {
      const shown: StatementRecord['bytes'][number] = { label: b.label, data: Buffer.from(b.data).toString('base64') };
      if (b.from !== undefined) shown.from = b.from;
      return shown;
    }),
    durationMs: result.durationMs,
    step: context.step ?? null,
    passed: context.passed ?? null,
  };
  if (result.exit) record.exit = true;
  if (context.errorHint) record.errorHint = context.errorHint;
  if (context.checkError) record.checkError = context.checkError;
  return record;
}

/** The result a recorded statement stands for, so everything that renders results can render it. */
export function resultOf(record: StatementRecord, startedAt = 0): StatementResult {
  const bytes: BytesShown[] = record.bytes.map((b) => {
    const shown: BytesShown = { label: b.label, data: new Uint8Array(Buffer.from(b.data, 'base64')) };
    if (b.from !== undefined) shown.from = b.from;
    return shown;
  });
  const result: StatementResult = {
    index: record.index,
    source: record.source,
    output: record.output,
    error: record.error,
    rows: record.rows,
    changes: record.changes,
    bytes,
    startedAt: startedAt + record.at,
    durationMs: record.durationMs,
  };
  if (record.exit) result.exit = true;
  return result;
}
