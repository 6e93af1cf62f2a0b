// Reads a transcript file back. Anything wrong with it (not a transcript, a newer format, a broken or
// cut-off line, a record of the wrong shape) is a `FILE:line: message`, never an exception. A file cut
// off by a crash is still readable up to where it stops: that is a warning, not an error.
import { readFile, stat } from 'node:fs/promises';
import { TRANSCRIPT_FORMAT, TRANSCRIPT_VERSION, type BodyRecord, type EndRecord, type HeaderRecord, type Located, type Transcript } from './format';
import { bodyProblem, endProblem, headerProblem, isBodyType, isObj, type Obj } from './validate-record';
import { errorMessage } from '../../sys/error-text';

export type ReadResult = { ok: true; transcript: Transcript; warnings: string[] } | { ok: false; errors: string[] };

/** Transcripts hold base64 bytes and socket tables: large, but not this large. */
export const MAX_TRANSCRIPT_BYTES = 256 * 1024 * 1024;
/** Problems reported before the rest are only counted. */
const MAX_ERRORS = 20;

function jsonOf(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
}

function headerOf(file: string, firstLine: string | undefined): { header: HeaderRecord } | { error: string } {
  const at = `${file}:1`;
  if (firstLine === undefined || firstLine.trim() === '') return { error: `${at}: the file is empty: not a socklab transcript` };
  const parsed = jsonOf(firstLine);
  if (!parsed.ok) return { error: `${at}: not a socklab transcript (the first line is not a JSON record)` };
  const value = parsed.value;
  if (!isObj(value) || value['type'] !== 'header' || value['format'] !== TRANSCRIPT_FORMAT) {
    return { error: `${at}: not a socklab transcript (its first record is not a header with "format": "${TRANSCRIPT_FORMAT}")` };
  }
  const version = value['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { error: `${at}: the header has a bad "version" (${JSON.stringify(version)})` };
  }
  if (version > TRANSCRIPT_VERSION) {
    return {
      error: `${at}: this transcript was written by a newer socklab (format version ${version}; this socklab reads version ${TRANSCRIPT_VERSION}): update socklab to read it`,
    };
  }
  const problem = headerProblem(value);
  if (problem) return { error: `${at}: ${problem}` };
  return { header: value as unknown as HeaderRecord };
}

/** Reads a transcript from its text; `file` names it in every message. */
export function parseTranscript(text: string, file: string): ReadResult {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const lines = body.split('\n');
  // A complete file ends with a newline, which leaves one empty string after the split.
  const complete = lines[lines.length - 1] === '';
  if (complete) lines.pop();
  const first = headerOf(file, lines[0]?.replace(/\r$/, ''));
  if ('error' in first) return { ok: false, errors: [first.error] };

  const errors: string[] = [];
  const warnings: string[] = [];
  const records: Located<BodyRecord>[] = [];
  let end: Located<EndRecord> | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const at = `${file}:${line}`;
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const parsed = jsonOf(raw);
    if (!parsed.ok) {
      if (i === lines.length - 1 && !complete) warnings.push(`${at}: the transcript is cut off here (its last record is incomplete: socklab stopped while writing it)`);
      else errors.push(`${at}: a broken record, not JSON (${parsed.message})`);
      continue;
    }
    const value = parsed.value;
    if (!isObj(value)) {
      errors.push(`${at}: a record must be a JSON object`);
      continue;
    }
    const type = value['type'];
    if (end !== null) {
      errors.push(`${at}: a record after the end record`);
      continue;
    }
    if (type === 'header') {
      errors.push(`${at}: a second header (two transcripts joined into one file?)`);
    } else if (type === 'end') {
      const problem = endProblem(value);
      if (problem) errors.push(`${at}: ${problem}`);
      else end = { line, record: value as unknown as EndRecord };
    } else if (isBodyType(type)) {
      const problem = bodyProblem(value as Obj & { type: typeof type });
      if (problem) errors.push(`${at}: ${problem}`);
      else records.push({ line, record: value as unknown as BodyRecord });
    } else {
      errors.push(`${at}: unknown record type ${JSON.stringify(type) ?? 'undefined'}`);
    }
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) shown.push(`${file}: ... and ${errors.length - MAX_ERRORS} more problems`);
    return { ok: false, errors: shown };
  }
  if (end === null && warnings.length === 0) {
    warnings.push(`${file}:${lines.length}: the transcript has no end record: the recording stopped early (socklab was stopped or crashed)`);
  }
  return { ok: true, transcript: { file, header: first.header, records, end }, warnings };
}

/** Reads and checks a transcript file. */
export async function readTranscriptFile(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, errors: [`${path}: is a directory, not a transcript file`] };
    if (info.size > MAX_TRANSCRIPT_BYTES) {
      return { ok: false, errors: [`${path}: too large for a transcript (${Math.round(info.size / 1048576)} MiB; at most ${MAX_TRANSCRIPT_BYTES / 1048576} MiB)`] };
    }
    return parseTranscript(await readFile(path, 'utf8'), path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | null)?.code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : errorMessage(e);
    return { ok: false, errors: [`${path}: cannot read it: ${why}`] };
  }
}
