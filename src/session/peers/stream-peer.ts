// The actions a peer takes on its TCP connections, shared by clients and servers: send, sendall,
// recv, shutdown, close, reset, flood. Each runs on every connection the peer has open, at once.
import type { PeerAction } from '../../lesson/model';
import { SYS, shutdown as shutdownFd, SysError } from '../../sys';
import { Peer } from './peer';
import type { PeerSocket } from './socket-book';
import { flood, receive, sendAll, sendOnce, type IoFailure } from './stream-io';
import { byteCount, shownBytes } from './shown-bytes';

export interface StreamConn {
  sock: PeerSocket;
  /** Who acts, in the log: 'client #2', 'hello server'. */
  who: string;
  /** The other end ('127.0.0.1:40123'), named in every sentence when the peer has several partners. */
  other: string;
  /** Whether data sentences name the other end (a server's clients) or not (a client's one server). */
  namesOther: boolean;
}

const HOW = { read: SYS.SHUT_RD, write: SYS.SHUT_WR, both: SYS.SHUT_RDWR } as const;
const HOW_WORDS = {
  read: 'reading',
  write: "writing (a half-close: the other side's recv() returns b'')",
  both: 'reading and writing',
} as const;

export abstract class StreamPeer extends Peer {
  /** Connections that can send and receive (connected, not closed). */
  protected abstract liveConns(): StreamConn[];
  /** Every connection it holds, also one still connecting (for close, reset, shutdown). */
  protected abstract heldConns(): StreamConn[];

  protected async streamAction(action: PeerAction, signal: AbortSignal): Promise<void> {
    switch (action.type) {
      case 'send':
      case 'sendall':
        return this.forEach(action, this.liveConns(), (c) => this.sendTo(c, action.data.bytes, action.type === 'sendall', action.line, signal));
      case 'recv':
        return this.forEach(action, this.liveConns(), (c) => this.recvFrom(c, action.max, action.line, signal));
      case 'flood':
        return this.forEach(action, this.liveConns(), async (c) => this.floodTo(c, action.count, action.line));
      case 'shutdown':
        return this.forEach(action, this.heldConns(), async (c) => this.shutdownConn(c, action.how, action.line));
      case 'close':
      case 'reset':
        return this.forEach(action, this.heldConns(), async (c) => this.closeConn(c, action.type === 'reset', action.line));
      default:
        this.cannot(action);
    }
  }

  private async forEach(action: PeerAction, conns: StreamConn[], run: (c: StreamConn) => Promise<void>): Promise<void> {
    if (conns.length === 0) {
      this.note('error', `${this.display} has no open connection to ${action.type}() on`, action.line);
      return;
    }
    await Promise.all(conns.map(run));
  }

  protected to(c: StreamConn): string {
    return c.namesOther ? ` to ${c.other}` : '';
  }

  protected from(c: StreamConn): string {
    return c.namesOther ? ` from ${c.other}` : '';
  }

  /** The log's words for a failed send or recv (none for a wait that was cancelled). */
  protected failed(c: StreamConn, f: IoFailure, doing: string, line: number | null): void {
    if (f.why === 'error') this.note('error', `${c.who} could not ${doing}${this.to(c)}: ${f.error.message}`, line);
    else if (f.why === 'closed') this.note('error', `${c.who} could not ${doing}: the connection was closed meanwhile`, line);
  }

  private async sendTo(c: StreamConn, data: Uint8Array, all: boolean, line: number, signal: AbortSignal): Promise<void> {
    const { reactor, limits } = this.ctx;
    if (all) {
      const result = await sendAll(reactor, c.sock, data, limits.sendStallMs, signal);
      if (result.failure === null) this.note('send', `${c.who} sent ${shownBytes(data)}${this.to(c)}`, line);
      else if (result.failure.why === 'timeout') {
        this.note(
          'timeout',
          `${c.who} timed out sending${this.to(c)}: ${result.sent} of ${byteCount(data.length)} went out (the other side is not reading)`,
          line,
        );
      } else this.failed(c, result.failure, 'send', line);
      return;
    }
    const result = await sendOnce(reactor, c.sock, data, limits.sendStallMs, signal);
    if (!result.ok) {
      if (result.why === 'timeout') this.note('timeout', `${c.who} timed out: the send buffer stayed full${this.to(c)}`, line);
      else this.failed(c, result, 'send', line);
    } else if (result.sent === data.length) {
      this.note('send', `${c.who} sent ${shownBytes(data)}${this.to(c)}`, line);
    } else {
      this.note(
        'send',
        `${c.who} sent ${result.sent} of ${byteCount(data.length)}${this.to(c)} (send() took what fit): ${shownBytes(data.subarray(0, result.sent))}`,
        line,
      );
    }
  }

  private async recvFrom(c: StreamConn, max: number, line: number, signal: AbortSignal): Promise<void> {
    const result = await receive(this.ctx.reactor, c.sock, max, this.ctx.limits.recvMs, signal);
    if (!result.ok) {
      if (result.why === 'timeout') this.note('timeout', `${c.who} timed out waiting for data${this.from(c)}`, line);
      else this.failed(c, result, 'recv', line);
      return;
    }
    if (result.data.length === 0) {
      this.note('recv', `${c.who} received b''${this.from(c)}: the other side closed its end`, line);
      return;
    }
    this.record(result.data);
    this.note('recv', `${c.who} received ${shownBytes(result.data)}${this.from(c)}`, line);
  }

  private floodTo(c: StreamConn, count: number, line: number): void {
    const result = flood(c.sock, count);
    if (result.error !== null) {
      this.note('error', `${c.who} could not send${this.to(c)} after ${byteCount(result.sent)}: ${result.error.message}`, line);
    } else if (result.sent < count) {
      this.note('send', `${c.who} flooded ${result.sent} of ${byteCount(count)} of b'x'${this.to(c)}: the buffers are full`, line);
    } else {
      this.note('send', `${c.who} flooded ${byteCount(count)} of b'x'${this.to(c)}`, line);
    }
  }

  private shutdownConn(c: StreamConn, how: 'read' | 'write' | 'both', line: number): void {
    try {
      shutdownFd(c.sock.fd, HOW[how]);
      this.note('shutdown', `${c.who} shut down ${HOW_WORDS[how]} on its connection to ${c.other}`, line);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      this.note('error', `${c.who} could not shut down its connection to ${c.other}: ${e.message}`, line);
    }
  }

  protected closeConn(c: StreamConn, reset: boolean, line: number | null): void {
    this.ctx.book.close(c.sock, reset);
    this.connClosed(c);
    if (reset) this.note('reset', `${c.who} reset its connection to ${c.other} (SO_LINGER 0: the kernel sends RST)`, line);
    else this.note('close', `${c.who} closed its connection to ${c.other}`, line);
  }

  /** Called after one of its connections was closed, so the peer can forget it. */
  protected abstract connClosed(c: StreamConn): void;
}
