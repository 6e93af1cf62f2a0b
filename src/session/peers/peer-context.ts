// What every peer of one lesson run shares: the reactor, the sockets book, the log, the record of
// received bytes, the time limits, and the lifetime that stop() ends.
import type { LoopbackHost, PortName } from '../../lesson/model';
import { SYS, type Reactor, type SockAddr } from '../../sys';
import type { PeerEventKind, PeerLog } from './peer-log';
import type { SocketBook } from './socket-book';

export interface PeerLimits {
  /** How long a connect action waits for its handshake before leaving the socket connecting. */
  connectMs: number;
  /** How long a recv action waits for data or the end of the stream. */
  recvMs: number;
  /** How long a send waits while the other side takes no byte (it is not reading). */
  sendStallMs: number;
  /** The largest HTTP request head the web server reads before answering 431. */
  requestHeadBytes: number;
  /** Bytes kept per peer for received(): beyond this they are counted, not kept. */
  recordBytes: number;
  /** Events the log keeps. */
  logEvents: number;
}

/**
 * A learner types slowly: a recv action may wait minutes for the learner's sendall, but not forever.
 * A handshake on loopback takes microseconds unless the accept queue is full, so connect waits briefly.
 */
export const DEFAULT_PEER_LIMITS: Readonly<PeerLimits> = Object.freeze({
  connectMs: 3000,
  recvMs: 300_000,
  sendStallMs: 300_000,
  requestHeadBytes: 64 * 1024,
  recordBytes: 16 * 1024 * 1024,
  logEvents: 1000,
});

/** Every byte each peer has read, in arrival order, up to a limit per peer. */
export class ReceivedRecords {
  private readonly byPeer = new Map<string, { chunks: Uint8Array[]; kept: number; dropped: number }>();

  constructor(private readonly limit: number) {}

  /** Adds the bytes; returns false when some did not fit (they are only counted). */
  add(peer: string, data: Uint8Array): boolean {
    if (data.length === 0) return true;
    let record = this.byPeer.get(peer);
    if (record === undefined) {
      record = { chunks: [], kept: 0, dropped: 0 };
      this.byPeer.set(peer, record);
    }
    const room = this.limit - record.kept;
    const kept = Math.min(room, data.length);
    if (kept > 0) {
      // A copy: sys/ hands out views of buffers it may reuse.
      record.chunks.push(Uint8Array.prototype.slice.call(data, 0, kept));
      record.kept += kept;
    }
    record.dropped += data.length - kept;
    return kept === data.length;
  }

  bytes(peer: string): Uint8Array {
    const record = this.byPeer.get(peer);
    if (record === undefined) return new Uint8Array(0);
    if (record.chunks.length > 1) record.chunks = [Buffer.concat(record.chunks)];
    return new Uint8Array(record.chunks[0] ?? new Uint8Array(0));
  }
}

export interface PeerContext {
  reactor: Reactor;
  book: SocketBook;
  log: PeerLog;
  records: ReceivedRecords;
  limits: PeerLimits;
  ports: Partial<Record<PortName, number>>;
  /** Aborted by stop(): every wait of every peer ends. */
  lifetime: AbortSignal;
  /** Runs a task beside the actions (a server's accept loop, a conversation); stop() waits for it. */
  spawn(peer: string, task: () => Promise<void>): void;
  note(peer: string, kind: PeerEventKind, text: string, line?: number | null): void;
}

export function familyOf(host: LoopbackHost): number {
  return host === '::1' ? SYS.AF_INET6 : SYS.AF_INET;
}

export function loopbackAddress(host: LoopbackHost, port: number): SockAddr {
  return host === '::1'
    ? { family: 10, host: '::1', port, flowinfo: 0, scopeId: 0 }
    : { family: 2, host: '127.0.0.1', port };
}

/** The lesson's port for a name, or null when the lesson reserved no such port. */
export function portNumber(ctx: PeerContext, name: PortName): number | null {
  const port = ctx.ports[name];
  return typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 0xffff ? port : null;
}
