// A tcp-client peer: inert until an action drives it; may hold several connections (connect count=N).
// A connection the server's full accept queue leaves in SYN_SENT stays connecting, and is seen through
// when the kernel completes it later.
import type { ConnectAction, PeerAction } from '../../lesson/model';
import { ERRNO, SYS, SysError, connect, formatAddr, socketError } from '../../sys';
import { familyOf, loopbackAddress, portNumber, type PeerContext } from './peer-context';
import { StreamPeer, type StreamConn } from './stream-peer';
import { waitFd } from './waits';

interface ClientConn extends StreamConn {
  slot: number;
  phase: 'connecting' | 'open';
}

export class TcpClientPeer extends StreamPeer {
  readonly kind = 'tcp-client';
  /** Its connections not yet closed, in the order they were opened. */
  private conns: ClientConn[] = [];

  constructor(name: string, ctx: PeerContext) {
    super(name, name, ctx);
  }

  async act(action: PeerAction, signal: AbortSignal): Promise<void> {
    if (action.type === 'connect') return this.connectAll(action, signal);
    return this.streamAction(action, signal);
  }

  state(): string {
    const latest = this.conns[this.conns.length - 1];
    return latest === undefined ? 'CLOSED' : latest.sock.tcpState();
  }

  connections(): number {
    return this.conns.filter((c) => c.phase === 'open').length;
  }

  closeAll(): void {
    for (const c of this.conns) this.ctx.book.close(c.sock);
    this.conns = [];
  }

  protected liveConns(): StreamConn[] {
    return this.conns.filter((c) => c.phase === 'open' && !c.sock.closed);
  }

  protected heldConns(): StreamConn[] {
    return this.conns.filter((c) => !c.sock.closed);
  }

  protected connClosed(c: StreamConn): void {
    this.conns = this.conns.filter((x) => x !== c);
  }

  /** 'client' for its first open connection, 'client #2' ... for the next ones at the same time. */
  private freeSlot(): number {
    const used = new Set(this.conns.map((c) => c.slot));
    let slot = 1;
    while (used.has(slot)) slot++;
    return slot;
  }

  private async connectAll(action: ConnectAction, signal: AbortSignal): Promise<void> {
    const port = portNumber(this.ctx, action.port);
    if (port === null) {
      this.note('error', `${this.display} cannot connect: this lesson has no ${action.port}`, action.line);
      return;
    }
    const addr = loopbackAddress(action.host, port);
    const handshakes: Promise<void>[] = [];
    for (let i = 0; i < action.count; i++) {
      const slot = this.freeSlot();
      const who = slot === 1 ? this.name : `${this.name} #${slot}`;
      let conn: ClientConn;
      try {
        const sock = this.ctx.book.create(who, familyOf(action.host), SYS.SOCK_STREAM, addr);
        conn = { sock, who, other: formatAddr(addr), namesOther: false, slot, phase: 'connecting' };
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        this.note('error', `${who} could not create a socket: ${e.message}`, action.line);
        break;
      }
      this.conns.push(conn);
      try {
        connect(conn.sock.fd, addr);
        this.settle(conn, 0, action.line);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        if (e.errno === ERRNO.EINPROGRESS) handshakes.push(this.handshake(conn, action.line, signal));
        else this.settle(conn, e.errno, action.line);
      }
    }
    await Promise.all(handshakes);
  }

  private async handshake(conn: ClientConn, line: number, signal: AbortSignal): Promise<void> {
    const waited = await waitFd(this.ctx.reactor, conn.sock.fd, SYS.POLLOUT, this.ctx.limits.connectMs, signal);
    if (conn.sock.closed) return;
    if (waited.ok) {
      this.settle(conn, socketError(conn.sock.fd), line);
      return;
    }
    if (waited.why === 'timeout') {
      this.note(
        'timeout',
        `${conn.who} is still connecting to ${conn.other}: no answer yet (a full accept queue leaves it in SYN_SENT)`,
        line,
      );
    }
    // The kernel goes on retrying the handshake: follow it to its end, as long as the lesson runs.
    this.ctx.spawn(this.name, async () => {
      const later = await waitFd(this.ctx.reactor, conn.sock.fd, SYS.POLLOUT, null, this.ctx.lifetime);
      if (later.ok && !conn.sock.closed) this.settle(conn, socketError(conn.sock.fd), null);
    });
  }

  /** The handshake's outcome: errno 0 is a connection; anything else closes the socket. */
  private settle(conn: ClientConn, errno: number, line: number | null): void {
    if (errno === 0) {
      conn.phase = 'open';
      const local = conn.sock.localAddress();
      this.note('connect', `${conn.who} connected to ${conn.other}${local ? ` from ${formatAddr(local)}` : ''}`, line);
      return;
    }
    this.note('error', `${conn.who} could not connect to ${conn.other}: ${new SysError(errno, 'connect').message}`, line);
    this.ctx.book.close(conn.sock);
    this.connClosed(conn);
  }
}
