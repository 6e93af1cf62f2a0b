// Realistic session data for the screen's tests, built from the session's own types.
import type { BlockedInfo, BytesShown, RowChange, SocketRow, StatementResult } from '../../src/session/types';
import type { LessonView } from '../../src/ui/state/types';

export const encoder = new TextEncoder();

export function row(fields: Partial<SocketRow> & Pick<SocketRow, 'key'>): SocketRow {
  return {
    name: '',
    owner: 'learner',
    fd: null,
    proto: 'TCP',
    local: null,
    remote: null,
    state: 'CLOSE',
    closed: false,
    ...fields,
  };
}

/** A listener with 2 waiting, an accepted connection with bytes unread, the peer's end, a TIME_WAIT. */
export const serverRows: SocketRow[] = [
  row({ key: 's', name: 's', fd: 3, local: '127.0.0.1:9999', state: 'LISTEN', acceptQueue: 2, backlog: 5 }),
  row({ key: 'conn', name: 'conn', fd: 4, local: '127.0.0.1:9999', remote: '127.0.0.1:51968', state: 'ESTABLISHED', unread: 12 }),
  row({ key: 'peer', name: 'client', owner: 'peer', fd: 7, local: '127.0.0.1:51968', remote: '127.0.0.1:9999', state: 'ESTABLISHED', unsent: 0 }),
  row({ key: 'tw', owner: 'kernel', local: '127.0.0.1:51900', remote: '127.0.0.1:9999', state: 'TIME_WAIT' }),
];

export const serverChanges: RowChange[] = [
  { key: 'conn', kind: 'new', fields: [] },
  { key: 's', kind: 'changed', fields: ['acceptQueue'] },
];

export const lesson: LessonView = {
  title: 'A server that listens',
  stepIndex: 2,
  stepCount: 7,
  prose:
    'accept() takes the first connection the kernel completed. Watch the accept queue of s go down by one, and a new socket appear.',
  suggestion: 'conn, addr = s.accept()',
  hintsShown: 0,
  done: false,
};

export const greeting: BytesShown = { label: 'conn.recv(1024)', data: encoder.encode('Hello there\n') };

export function result(source: string, fields: Partial<StatementResult> = {}): StatementResult {
  return {
    index: 1,
    source,
    output: '',
    error: null,
    rows: serverRows,
    changes: serverChanges,
    bytes: [],
    startedAt: 0,
    durationMs: 1,
    ...fields,
  };
}

export const acceptBlocked: BlockedInfo = {
  call: 'accept()',
  waitingFor: 'a client on 127.0.0.1:9999',
  hint: 'try nc 127.0.0.1 9999 in another terminal',
  since: 1_000_000,
  timeoutMs: null,
};

/** Every way a payload has to take over a terminal, in one buffer. */
export const hostileText = [
  '\x1b]0;pwned title\x07', // OSC 0: window title, BEL-terminated
  '\x1b]2;other title\x1b\\', // OSC 2, ST-terminated
  '\x1b]52;c;ZWNobyBwd25lZA==\x07', // OSC 52: write the clipboard
  '\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\', // OSC 8 hyperlink
  '\x1b[2J\x1b[H', // clear screen, cursor home
  '\x1b[31mred\x1b[0m', // colours
  '\x1b[10A\x1b[5;5H', // cursor moves
  'carriage\rreturn', // \r overwrites the line
  'back\b\b\bspace', // \b
  'bell\x07', // BEL
  '\u009b31m', // C1 CSI
  '\u009d0;c1 title\u009c', // C1 OSC ... ST
  '\u0085next line', // C1 NEL
  'abc\u202egnp.exe', // RIGHT-TO-LEFT OVERRIDE
  '\u2066isolate\u2069\u200f', // bidi isolate, RLM
  '\x7f',
].join('');

export const hostileBytes = new Uint8Array(Buffer.from(hostileText, 'utf8'));

/** Characters that must never reach the terminal from data: ESC, C0/C1 controls but \n, DEL, bidi. */
export const forbidden = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
