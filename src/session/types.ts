// The shapes a session hands to everything above it: the screen, plain mode, lessons, transcripts.
// They are plain data (no sockets, no functions) so they can be rendered, diffed and written as JSON.

import type { TcpStateName } from '../sys/tcp-states';

/** The kernel's TCP state names (include/net/tcp_states.h). */
export type TcpState = TcpStateName;

/**
 * UNCONN: a UDP socket with no default peer (the kernel's own word, as `ss` prints it);
 * CONNECTED: a UDP socket after connect(); CLOSED: the program closed it (its fd is gone).
 */
export type SocketState = TcpState | 'UNCONN' | 'CONNECTED' | 'CLOSED';

/**
 * learner: a socket the learner's statements created or accepted.
 * peer: a socket of a peer that socklab runs for a lesson (the other side, live).
 * outside: the other end of a learner's connection, held by another program (nc, a python3 script).
 * kernel: a socket that no program holds any more but the kernel still keeps (TIME_WAIT, FIN_WAIT2).
 */
export type SocketOwner = 'learner' | 'peer' | 'outside' | 'kernel';

export type Protocol = 'TCP' | 'UDP' | 'TCP6' | 'UDP6' | 'UNIX';

export interface SocketRow {
  /** Stable for one socket across snapshots (an fd number can be reused, a key is not). */
  key: string;
  /** The learner's name for it ('s', 'conn', 'clients[0]'), a peer's role ('web server'), or ''. */
  name: string;
  owner: SocketOwner;
  fd: number | null;
  proto: Protocol;
  /** '127.0.0.1:9999', '[::1]:9999', or null before the socket has an address. */
  local: string | null;
  remote: string | null;
  state: SocketState;
  /** LISTEN only: connections the kernel completed that accept() has not taken yet. */
  acceptQueue?: number;
  /** LISTEN only: the backlog the kernel applies (listen()'s argument, capped by somaxconn). */
  backlog?: number;
  /** Bytes received by the kernel that the program has not read yet. */
  unread?: number;
  /** Bytes the program sent that the peer has not acknowledged yet. */
  unsent?: number;
  /** Closed by the statement that produced this snapshot: shown once, then dropped. */
  closed: boolean;
}

export type RowChangeKind = 'new' | 'changed' | 'closed';

export interface RowChange {
  key: string;
  kind: RowChangeKind;
  /** Which fields differ from the previous snapshot ('state', 'unread', ...); empty for new rows. */
  fields: string[];
}

/** Bytes a call handed back to the program (recv, recvfrom, the data of accept ...). */
export interface BytesShown {
  /** The call that returned them, as typed: "conn.recv(1024)". */
  label: string;
  data: Uint8Array;
  /** For recvfrom: who sent them, '127.0.0.1:51968'. */
  from?: string;
}

export interface PyErrorInfo {
  /** The exception's class as CPython prints it: 'OSError', 'socket.gaierror', 'KeyboardInterrupt'. */
  type: string;
  /** The text after the colon (may be empty). */
  message: string;
  /** For SyntaxError: 1-based column of the caret in the statement. */
  column?: number;
}

export interface StatementResult {
  /** 1-based count of statements run in this session. */
  index: number;
  source: string;
  /** Exactly what CPython's interactive console prints, the traceback reduced to its last line. */
  output: string;
  error: PyErrorInfo | null;
  /** Every socket after the statement ran. */
  rows: SocketRow[];
  changes: RowChange[];
  bytes: BytesShown[];
  startedAt: number;
  durationMs: number;
  /** The statement called exit() or quit(). */
  exit?: boolean;
}

/** What a blocked call is waiting for, so the screen can say it and how to release it. */
export interface BlockedInfo {
  /** 'accept()', 'recv(1024)', 'connect()', 'select()', 'sleep(2)'. */
  call: string;
  /** 'a client on 127.0.0.1:9999'. */
  waitingFor: string;
  /** 'try nc 127.0.0.1 9999 in another terminal', or '' when there is nothing to suggest. */
  hint: string;
  since: number;
  /** The socket's timeout, or null when it waits forever. */
  timeoutMs: number | null;
}
