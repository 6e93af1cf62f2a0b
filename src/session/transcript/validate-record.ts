// Checks that a parsed JSON value is a well-formed record of its type, so that everything downstream
// (the printer, the live replay, export) can trust the shapes. Each check answers with the first
// problem in words, or null.
import type { BodyRecord } from './format';

type Obj = Record<string, unknown>;
type Check = (value: unknown) => boolean;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const count: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const time: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const bool: Check = (v) => typeof v === 'boolean';
const nullable = (c: Check): Check => (v) => v === null || c(v);
const optional = (c: Check): Check => (v) => v === undefined || c(v);
const oneOf = (...values: string[]): Check => (v) => typeof v === 'string' && values.includes(v);
const listOf = (c: Check): Check => (v) => Array.isArray(v) && v.every(c);

const PORT_NAME = /^[A-Z][A-Z0-9_]*$/;
const ports: Check = (v) =>
  isObj(v) && Object.entries(v).every(([k, p]) => PORT_NAME.test(k) && typeof p === 'number' && Number.isInteger(p) && p > 0 && p <= 0xffff);

const base64: Check = (v) => typeof v === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0;

const STATES = [
  'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE', 'CLOSE_WAIT',
  'LAST_ACK', 'LISTEN', 'CLOSING', 'NEW_SYN_RECV', 'UNCONN', 'CONNECTED', 'CLOSED',
];

function shapeProblem(value: unknown, fields: Record<string, Check>, what: string): string | null {
  if (!isObj(value)) return `${what} must be a JSON object`;
  for (const [name, check] of Object.entries(fields)) {
    if (!check(value[name])) {
      return value[name] === undefined ? `${what} has no "${name}"` : `${what} has a bad "${name}" (${JSON.stringify(value[name])?.slice(0, 60)})`;
    }
  }
  return null;
}

const describes = (fields: Record<string, Check>): Check => (v) => shapeProblem(v, fields, '') === null;

const row = describes({
  key: str,
  name: str,
  owner: oneOf('learner', 'peer', 'outside', 'kernel'),
  fd: nullable(count),
  proto: oneOf('TCP', 'UDP', 'TCP6', 'UDP6', 'UNIX'),
  local: nullable(str),
  remote: nullable(str),
  state: oneOf(...STATES),
  acceptQueue: optional(count),
  backlog: optional(count),
  unread: optional(count),
  unsent: optional(count),
  closed: bool,
});
const change = describes({ key: str, kind: oneOf('new', 'changed', 'closed'), fields: listOf(str) });
const shownBytes = describes({ label: str, data: base64, from: optional(str) });
const pyError = describes({ type: str, message: str, column: optional(count) });

const lessonRef = describes({ id: str, title: str, summary: str, file: str, steps: count });

const HEADER: Record<string, Check> = {
  socklab: str,
  startedAt: str,
  mode: oneOf('sandbox', 'lesson', 'replay'),
  lesson: nullable(lessonRef),
  ports,
  startStep: (v) => count(v) && (v as number) >= 1,
};

const BODY: Record<BodyRecord['type'], Record<string, Check>> = {
  statement: {
    at: time,
    index: count,
    by: oneOf('learner', 'lesson'),
    source: str,
    output: str,
    error: nullable(pyError),
    exit: optional(bool),
    rows: listOf(row),
    changes: listOf(change),
    bytes: listOf(shownBytes),
    durationMs: time,
    step: nullable(count),
    passed: nullable(bool),
    errorHint: optional(str),
    checkError: optional(str),
  },
  peer: {
    at: time,
    seq: count,
    peer: str,
    kind: oneOf('listen', 'accept', 'connect', 'send', 'recv', 'shutdown', 'close', 'reset', 'stop', 'timeout', 'error'),
    text: str,
    line: nullable(count),
  },
  step: { at: time, number: (v) => count(v) && (v as number) >= 1, id: str, title: str, prose: str, calls: listOf(str), check: str },
  finished: { at: time },
  command: { at: time, source: str, reply: str },
  note: { at: time, text: str },
  ports: { at: time, ports },
};

const END: Record<string, Check> = {
  at: time,
  reason: oneOf('end-of-input', 'exit', 'quit', 'finished', 'stopped'),
  statements: count,
  passed: optional(bool),
  failures: optional(listOf(str)),
};

/** The header's fields after format and version have been checked. */
export function headerProblem(value: Obj): string | null {
  return shapeProblem(value, HEADER, 'the header');
}

export function isBodyType(type: unknown): type is BodyRecord['type'] {
  return typeof type === 'string' && Object.hasOwn(BODY, type);
}

export function bodyProblem(value: Obj & { type: BodyRecord['type'] }): string | null {
  return shapeProblem(value, BODY[value.type], `the ${value.type} record`);
}

export function endProblem(value: Obj): string | null {
  return shapeProblem(value, END, 'the end record');
}

export { isObj, type Obj };
