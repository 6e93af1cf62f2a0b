// The sockets table of a session: every socket the learner or a peer holds, read from the kernel after
// each statement, plus the kernel's sockets that no fd holds (TIME_WAIT, a connection waiting in an
// accept queue) and the far end of a connection when another program holds it.
//
// Cheap by design: one probe per fd (a few microseconds each) and targeted sock_diag lookups for the
// connections it follows; the kernel's whole table is dumped only while a learner's listener has
// connections waiting, to find who is waiting.
import {
  SYS,
  SysError,
  findTcpConnection,
  formatAddr,
  listSockets,
  probeFd,
  type FdView,
  type ProcSocket,
  type SockAddr,
} from '../sys';
import type { Protocol, SocketOwner, SocketRow } from './types';

/** A socket some program of this session holds by an fd. */
export interface HeldSocket {
  key: string;
  name: string;
  owner: 'learner' | 'peer';
  fd: number;
  /** SOCK_STREAM or SOCK_DGRAM when the holder knows it, which spares asking the kernel. */
  type?: number;
}

/** A socket closed since the last snapshot, with the addresses it had. */
export interface ClosedSocket {
  key: string;
  name: string;
  owner: 'learner' | 'peer';
  family: number;
  type: number;
  local: SockAddr | null;
  remote: SockAddr | null;
}

/** A connection the table keeps showing while the kernel still has it. */
interface Followed {
  local: SockAddr;
  remote: SockAddr;
  name: string;
  owner: SocketOwner;
}

type InetAddr = Exclude<SockAddr, { family: 1 }>;

const isInet = (a: SockAddr | null): a is InetAddr => a !== null && a.family !== SYS.AF_UNIX;
const WILDCARDS = new Set(['0.0.0.0', '::']);
const tupleKey = (local: SockAddr, remote: SockAddr): string => `${formatAddr(local)}>${formatAddr(remote)}`;

function protocolOf(family: number, type: number): Protocol {
  if (family === SYS.AF_UNIX) return 'UNIX';
  const udp = type === SYS.SOCK_DGRAM;
  if (family === SYS.AF_INET6) return udp ? 'UDP6' : 'TCP6';
  return udp ? 'UDP' : 'TCP';
}

/** null for an address that names nothing yet (0.0.0.0:0 before bind, an unnamed unix socket). */
function shownAddress(a: SockAddr | null): string | null {
  if (a === null) return null;
  if (isInet(a) && a.port === 0 && WILDCARDS.has(a.host)) return null;
  const text = formatAddr(a);
  return text === '' ? null : text;
}

/** TCP: the kernel's state. AF_UNIX streams: listening or connected. Datagrams: with a default peer or not. */
function stateOf(view: FdView, proto: Protocol, stream: boolean): SocketRow['state'] {
  if (stream && proto !== 'UNIX') return view.tcpState ?? 'CLOSE';
  if (stream) return view.listening ? 'LISTEN' : view.connected ? 'ESTABLISHED' : 'UNCONN';
  return view.connected ? 'CONNECTED' : 'UNCONN';
}

function rowFromView(held: HeldSocket, view: FdView): SocketRow {
  const proto = protocolOf(view.family, view.type);
  const stream = view.type === SYS.SOCK_STREAM;
  const row: SocketRow = {
    key: held.key,
    name: held.name,
    owner: held.owner,
    fd: held.fd,
    proto,
    local: shownAddress(view.local),
    remote: shownAddress(view.remote),
    state: stateOf(view, proto, stream),
    closed: false,
  };
  if (view.tcpState === 'LISTEN') {
    row.acceptQueue = view.acceptQueue ?? 0;
    row.backlog = view.backlog ?? 0;
  } else {
    row.unread = view.unread;
    // A socket back in CLOSE (a refused connect, a reset) keeps a stale count of what it never sent.
    if (view.unsent !== undefined && view.tcpState !== 'CLOSE') row.unsent = view.unsent;
  }
  return row;
}

function rowFromKernel(key: string, name: string, owner: SocketOwner, p: ProcSocket): SocketRow {
  const row: SocketRow = {
    key,
    name,
    owner,
    fd: null,
    proto: p.proto === 'tcp' ? 'TCP' : p.proto === 'tcp6' ? 'TCP6' : p.proto === 'udp' ? 'UDP' : 'UDP6',
    local: shownAddress(p.local),
    remote: shownAddress(p.remote),
    state: p.state,
    closed: false,
  };
  if (p.state === 'LISTEN') row.acceptQueue = p.rxQueue;
  else {
    row.unread = p.rxQueue;
    row.unsent = p.txQueue;
  }
  return row;
}

const OWNER_ORDER: Record<SocketOwner, number> = { learner: 0, peer: 1, outside: 2, kernel: 3 };

export class SocketTable {
  /** Connections followed in the kernel, by their local>remote tuple. */
  private readonly followed = new Map<string, Followed>();

  /**
   * The rows now. `held` are the open sockets (learner's first, in creation order); `closed` are the
   * sockets closed since the last snapshot, shown once more, marked closed.
   */
  snapshot(held: readonly HeldSocket[], closed: readonly ClosedSocket[]): SocketRow[] {
    const rows: SocketRow[] = [];
    const ours = new Set<string>();
    const connected: { row: SocketRow; local: InetAddr; remote: InetAddr; name: string }[] = [];
    const listeners: { row: SocketRow; local: InetAddr }[] = [];

    for (const h of held) {
      let view: FdView;
      try {
        view = probeFd(h.fd, h.type);
      } catch (e) {
        // Closed behind the session's back (or not a socket): nothing the kernel can say about it.
        if (e instanceof SysError) continue;
        throw e;
      }
      const row = rowFromView(h, view);
      rows.push(row);
      if (view.type !== SYS.SOCK_STREAM || !isInet(view.local)) continue;
      if (isInet(view.remote)) {
        ours.add(tupleKey(view.local, view.remote));
        connected.push({ row, local: view.local, remote: view.remote, name: h.name });
      } else if (view.tcpState === 'LISTEN') {
        listeners.push({ row, local: view.local });
      }
    }

    for (const c of closed) {
      rows.push({
        key: c.key,
        name: c.name,
        owner: c.owner,
        fd: null,
        proto: protocolOf(c.family, c.type),
        local: shownAddress(c.local),
        remote: shownAddress(c.remote),
        state: 'CLOSED',
        closed: true,
      });
      // The kernel goes on with a closed connection (FIN_WAIT, TIME_WAIT ...): keep showing it.
      if (c.type === SYS.SOCK_STREAM && isInet(c.local) && isInet(c.remote)) {
        this.followed.set(tupleKey(c.local, c.remote), { local: c.local, remote: c.remote, name: c.name, owner: 'kernel' });
      }
    }

    // The far end of a learner's or peer's connection, when no socket of ours holds it. (A connection
    // to one of our listeners that is not accepted yet is the accept queue's business, below.)
    for (const c of connected) {
      const reverse = tupleKey(c.remote, c.local);
      if (listeners.some((l) => servedBy(l.local, c.remote))) continue;
      if (!ours.has(reverse) && !this.followed.has(reverse)) {
        this.followed.set(reverse, { local: c.remote, remote: c.local, name: `other end of ${c.name || 'a socket'}`, owner: 'outside' });
      }
    }

    for (const [key, f] of this.followed) {
      if (ours.has(key)) {
        this.followed.delete(key);
        continue;
      }
      const found = findTcpConnection(f.local, f.remote);
      if (found === null) {
        this.followed.delete(key);
        continue;
      }
      const owner: SocketOwner = found.inode === 0 ? 'kernel' : f.owner;
      rows.push(rowFromKernel(`K:${key}`, f.name, owner, found));
    }

    const waiting = listeners.filter((l) => (l.row.acceptQueue ?? 0) > 0);
    if (waiting.length > 0) rows.push(...this.acceptQueueRows(waiting, ours, rows));

    return rows.sort((a, b) => OWNER_ORDER[a.owner] - OWNER_ORDER[b.owner]);
  }

  /** Forget every followed connection (a new session, a rewound lesson). */
  clear(): void {
    this.followed.clear();
  }

  /**
   * Connections a learner's listener has completed but not yet accepted: the server's side, which only
   * the kernel holds until accept(), and the client's side when another program holds it.
   */
  private acceptQueueRows(
    listeners: { row: SocketRow; local: InetAddr }[],
    ours: Set<string>,
    shown: SocketRow[],
  ): SocketRow[] {
    const shownKeys = new Set(shown.map((r) => r.key));
    const heldEnds = new Set(shown.filter((r) => r.fd !== null && r.local && r.remote).map((r) => `${r.local}>${r.remote}`));
    // A held client still in SYN_SENT (a full queue dropped its SYN) has no peer name yet: known by its local address alone.
    const heldConnecting = new Set(shown.filter((r) => r.fd !== null && r.local && r.remote === null && r.state === 'SYN_SENT').map((r) => r.local));
    const rows: SocketRow[] = [];
    let table: ProcSocket[];
    try {
      table = listSockets(['tcp', 'tcp6']);
    } catch {
      return rows;
    }
    for (const p of table) {
      if (p.state === 'LISTEN' || !isInet(p.local) || !isInet(p.remote)) continue;
      const key = tupleKey(p.local, p.remote);
      if (ours.has(key) || heldEnds.has(key) || shownKeys.has(`K:${key}`)) continue;
      for (const l of listeners) {
        if (p.inode === 0 && servedBy(l.local, p.local)) {
          rows.push(rowFromKernel(`K:${key}`, `waiting for ${l.row.name || 'accept()'}.accept()`, 'kernel', p));
        } else if (p.inode !== 0 && servedBy(l.local, p.remote) && !heldConnecting.has(formatAddr(p.local))) {
          rows.push(rowFromKernel(`K:${key}`, 'another program', 'outside', p));
        }
      }
    }
    return rows;
  }
}

/** Does a listener bound to `listener` accept connections to `addr`? (A wildcard host serves them all.) */
function servedBy(listener: InetAddr, addr: InetAddr): boolean {
  if (listener.port !== addr.port) return false;
  if (WILDCARDS.has(listener.host)) return true;
  return listener.host === addr.host || (listener.family === SYS.AF_INET6 && addr.host === `::ffff:${listener.host}`);
}
