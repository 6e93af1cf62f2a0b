// The vocabulary of lesson checks: the functions a check may call besides Python's builtins, and
// the names every lesson defines. The engine implements exactly this list; the validator accepts
// exactly this list; lessons/README.md documents it.

import type { LessonSettings } from './model';

/**
 * What a helper argument must be.
 * socket: any expression giving one of the learner's sockets (`s`, `conn`, `clients[0]`).
 * name: a str literal naming a variable ('conn').
 * peer: a str literal naming one of the lesson's peers ('client').
 */
export type HelperArg = 'socket' | 'name' | 'peer';

export interface CheckHelper {
  name: string;
  args: readonly HelperArg[];
  /** The Python type of the value, as documented: "str", "int", "tuple | None". */
  returns: string;
  doc: string;
}

export const CHECK_HELPERS: readonly CheckHelper[] = [
  {
    name: 'state',
    args: ['socket'],
    returns: 'str',
    doc:
      "The kernel's state of the socket: a TCP state name ('CLOSE' for a new TCP socket, 'LISTEN', " +
      "'SYN_SENT', 'SYN_RECV', 'ESTABLISHED', 'FIN_WAIT1', 'FIN_WAIT2', 'CLOSE_WAIT', 'CLOSING', 'LAST_ACK', " +
      "'TIME_WAIT'); 'UNCONN' or 'CONNECTED' for a UDP socket without or with a default peer; 'CLOSED' once " +
      'the program has closed it.',
  },
  {
    name: 'accept_queue',
    args: ['socket'],
    returns: 'int',
    doc: 'Connections the kernel has completed that accept() has not taken yet; 0 unless the socket is listening.',
  },
  {
    name: 'backlog',
    args: ['socket'],
    returns: 'int | None',
    doc: "The backlog the kernel applies to a listening socket (listen()'s argument, capped by somaxconn); None unless listening.",
  },
  {
    name: 'unread',
    args: ['socket'],
    returns: 'int',
    doc: 'Bytes the kernel has received for the socket that the program has not read yet (0 once closed).',
  },
  {
    name: 'unsent',
    args: ['socket'],
    returns: 'int',
    doc: 'Bytes the program has sent that the other end has not acknowledged yet (0 once closed).',
  },
  {
    name: 'local',
    args: ['socket'],
    returns: 'tuple | None',
    doc: "The socket's own address as (host, port), also for IPv6 (the path for AF_UNIX); None before it has one or once closed.",
  },
  {
    name: 'remote',
    args: ['socket'],
    returns: 'tuple | None',
    doc: "The connected peer's address as (host, port); None when not connected or once closed.",
  },
  {
    name: 'closed',
    args: ['socket'],
    returns: 'bool',
    doc: 'True once the program has closed the socket (its fileno() is -1).',
  },
  {
    name: 'defined',
    args: ['name'],
    returns: 'bool',
    doc: "True when the learner's namespace has a variable of this name: defined('conn').",
  },
  {
    name: 'result',
    args: [],
    returns: 'object',
    doc:
      "The value the last statement computed: an expression statement's value, an assignment's right-hand " +
      'side (the whole tuple for `conn, addr = s.accept()`); None for other statements or when it raised.',
  },
  {
    name: 'error',
    args: [],
    returns: 'str | None',
    doc:
      "The class of the exception the last statement raised, as the console prints it ('OSError', " +
      "'ConnectionRefusedError', 'socket.gaierror'); None when it raised nothing.",
  },
  {
    name: 'error_text',
    args: [],
    returns: 'str | None',
    doc: "The exception line the console printed ('OSError: [Errno 98] Address already in use'); None when nothing was raised.",
  },
  {
    name: 'received',
    args: [],
    returns: 'bytes | None',
    doc:
      'The bytes the last statement received (recv, recvfrom, recv_into ...; joined when it received more than ' +
      "once); b'' when a recv returned b''; None when it received nothing.",
  },
  {
    name: 'output',
    args: [],
    returns: 'str',
    doc: "Everything the console printed for the last statement ('' when nothing).",
  },
  {
    name: 'statement',
    args: [],
    returns: 'str',
    doc: "The last statement as the learner typed it, with surrounding blanks removed: 'sendall' in statement().",
  },
  {
    name: 'peer_received',
    args: ['peer'],
    returns: 'bytes',
    doc: "Every byte the peer has read since the lesson started, over all its connections, in the order they arrived (b'' when none).",
  },
  {
    name: 'peer_state',
    args: ['peer'],
    returns: 'str',
    doc:
      "The kernel's state of the peer's socket: a client's connection (its latest when it opened several), " +
      "'CLOSED' before it connects and after it closes; a TCP server's latest accepted connection, or 'LISTEN' " +
      "while it has none; 'UNCONN' for a UDP peer.",
  },
  {
    name: 'peer_connections',
    args: ['peer'],
    returns: 'int',
    doc: 'How many connections the peer has open now (a client: the ones it opened; a server: the ones it accepted).',
  },
];

const HELPERS_BY_NAME = new Map(CHECK_HELPERS.map((h) => [h.name, h]));

export function checkHelper(name: string): CheckHelper | undefined {
  return HELPERS_BY_NAME.get(name);
}

export interface LessonName {
  name: string;
  value: string;
  /** The setting that must be on for the lesson to have this name, or null when every lesson has it. */
  requires: string | null;
  doc: string;
}

/** Names defined in the learner's namespace, in checks and in peer actions, for every lesson run. */
export const LESSON_NAMES: readonly LessonName[] = [
  {
    name: 'PORT',
    value: 'int',
    requires: null,
    doc: 'A free TCP and UDP port chosen when the lesson starts, so that two learners on one machine never collide.',
  },
  { name: 'PORT2', value: 'int', requires: 'ports: 2', doc: 'A second free port, different from PORT.' },
  { name: 'PORT3', value: 'int', requires: 'ports: 3', doc: 'A third free port.' },
  { name: 'PORT4', value: 'int', requires: 'ports: 4', doc: 'A fourth free port.' },
  { name: 'HOST', value: "'127.0.0.1'", requires: null, doc: 'The IPv4 loopback address.' },
  { name: 'HOST6', value: "'::1'", requires: 'ipv6: true', doc: 'The IPv6 loopback address.' },
  {
    name: 'UNIX_PATH',
    value: 'str',
    requires: 'unix: true',
    doc: 'A path for an AF_UNIX socket in a private temporary directory, removed when the lesson ends.',
  },
];

export const ALL_LESSON_NAMES: readonly string[] = LESSON_NAMES.map((n) => n.name);

/** The lesson names these settings define. */
export function definedLessonNames(settings: LessonSettings): Set<string> {
  const names = new Set(['PORT', 'HOST']);
  for (let k = 2; k <= settings.ports; k++) names.add(`PORT${k}`);
  if (settings.ipv6) names.add('HOST6');
  if (settings.unix) names.add('UNIX_PATH');
  return names;
}

/** Why a lesson name is not defined under these settings ("set ports: 2 under settings"). */
export function missingNameAdvice(name: string): string {
  const spec = LESSON_NAMES.find((n) => n.name === name);
  return spec?.requires ? `${name} needs '${spec.requires}' under settings in the front matter` : `${name} is not a lesson name`;
}

/**
 * Methods that change something. A check runs after every statement the learner types, so it must
 * only look: calling one of these in a check is an error.
 */
export const CHECK_FORBIDDEN_METHODS: readonly string[] = [
  // socket
  'accept',
  'bind',
  'close',
  'connect',
  'connect_ex',
  'detach',
  'listen',
  'makefile',
  'recv',
  'recv_into',
  'recvfrom',
  'recvfrom_into',
  'recvmsg',
  'send',
  'sendall',
  'sendfile',
  'sendmsg',
  'sendto',
  'setblocking',
  'setsockopt',
  'settimeout',
  'shutdown',
  // list and dict
  'append',
  'clear',
  'extend',
  'insert',
  'pop',
  'popitem',
  'remove',
  'reverse',
  'setdefault',
  'sort',
  'update',
  // time and select
  'select',
  'sleep',
];

/** Builtins that print, wait or change something: not allowed in a check either. */
export const CHECK_FORBIDDEN_FUNCTIONS: readonly string[] = [
  'breakpoint',
  'delattr',
  'eval',
  'exec',
  'exit',
  'help',
  'input',
  'open',
  'print',
  'quit',
  'setattr',
  '__import__',
];
