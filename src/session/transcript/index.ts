// Transcripts: recording a session as it goes, reading a recording back (checked, with FILE:line
// problems), comparing a recording with a live run of the same statements. FORMAT.md documents the
// file. Plain mode uses all of it; the screen records and replays through the same calls. The live
// replay (live-replay.ts) opens sockets: it is imported on its own, when needed, to keep this light.
export * from './format';
export { TranscriptRecorder, TranscriptWriteError, writeErrorReason, type HeaderInfo, type EndInfo } from './recorder';
export { followLessonRun, recordStarted, startedSteps } from './lesson-recording';
export { parseTranscript, readTranscriptFile, MAX_TRANSCRIPT_BYTES, type ReadResult } from './reader';
export { resultOf, statementRecord, type StatementContext } from './statement-record';
export { TranscriptNormaliser, restorePlaceholders, type NormaliseOptions } from './normalise';
export {
  OutputComparer,
  describeDifference,
  portPairs,
  type LiveOutput,
  type OutputDifference,
  type RecordedOutput,
} from './compare';
