// The lesson layer's public face: lesson files -> the Lesson model (with file:line problems), the
// vocabulary lessons are written in, and the progress store.

export * from './model';
export { formatDiagnostic, hasErrors, type Diagnostic, type Severity } from './diagnostics';
export {
  lessonFilesIn,
  loadCurriculum,
  parseLessonBytes,
  parseLessonText,
  validateLessonFile,
  type CurriculumResult,
  type LessonFileResult,
} from './load';
export { loadLessonById, plainFrontMatterId } from './find-by-id';
export {
  CHECK_FORBIDDEN_FUNCTIONS,
  CHECK_FORBIDDEN_METHODS,
  CHECK_HELPERS,
  LESSON_NAMES,
  definedLessonNames,
  type CheckHelper,
  type HelperArg,
  type LessonName,
} from './check-helpers';
export { PEER_KINDS, HTTP_REASONS, peerKind, type PeerKindSpec, type ParamSpec } from './peer-kinds';
export { PEER_ACTIONS, PEER_TRIGGERS, SHUTDOWN_HOWS, peerAction, type ActionSpec, type ActionParam } from './peer-action-specs';
export { TEMPLATE_PLACEHOLDERS } from './reply-template';
export { ENCODING_NAMES, canonicalEncoding, encodeText } from './encodings';
export * from './progress';
