// What the TCP server peers share: a listener bound with SO_REUSEADDR when the lesson starts, an accept
// loop that serves each client in its own task (the curriculum's "threaded" server) and holds at most
// max_clients at once (later clients wait in the kernel's accept queue), and a polite close that reads
// what is waiting first, so unread bytes do not turn the FIN into an RST.
import type { HttpServerSpec, PeerAction, TcpServerSpec } from '../../lesson/model';
import { ERRNO, SYS, SysError, accept, bind, formatAddr, listen, setsockoptInt, type Accepted } from '../../sys';
import { serverDisplayName } from './peer';
import { familyOf, loopbackAddress, portNumber, type PeerContext } from './peer-context';
import { PeerStartError } from './peer-start-error';
import type { PeerSocket } from './socket-book';
import { drainUnread, sendAll } from './stream-io';
import { StreamPeer, type StreamConn } from './stream-peer';
import { Notifier, pause, waitFd } from './waits';

/** How long the accept loop rests when the process is out of file descriptors. */
const NO_FD_PAUSE_MS = 200;

export abstract class ListeningPeer extends StreamPeer {
  protected listener: PeerSocket | null = null;
  /** Accepted connections not yet closed, in the order they were accepted. */
  protected served: StreamConn[] = [];
  private readonly slotFreed = new Notifier();

  constructor(
    protected readonly server: HttpServerSpec | TcpServerSpec,
    ctx: PeerContext,
  ) {
    super(server.name, serverDisplayName(server.name), ctx);
  }

  /** One client's conversation, from accept to close. */
  protected abstract converse(conn: StreamConn): Promise<void>;

  override start(): void {
    const spec = this.server;
    const port = portNumber(this.ctx, spec.port);
    if (port === null) throw new PeerStartError(this.name, `${this.display} cannot start: this lesson has no ${spec.port}`);
    const addr = loopbackAddress(spec.host, port);
    let sock: PeerSocket | null = null;
    try {
      sock = this.ctx.book.create(this.display, familyOf(spec.host), SYS.SOCK_STREAM);
      setsockoptInt(sock.fd, SYS.SOL_SOCKET, SYS.SO_REUSEADDR, 1);
      bind(sock.fd, addr);
      listen(sock.fd, spec.backlog);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      if (sock) this.ctx.book.close(sock);
      throw new PeerStartError(this.name, `${this.display} could not listen on ${formatAddr(addr)}: ${e.message}`);
    }
    this.listener = sock;
    this.note('listen', `${this.display} listening on ${formatAddr(addr)} (backlog ${spec.backlog})`);
    this.ctx.spawn(this.name, () => this.acceptLoop(sock));
  }

  async act(action: PeerAction, signal: AbortSignal): Promise<void> {
    if (action.type !== 'stop') return this.streamAction(action, signal);
    if (this.listener === null) {
      this.note('error', `${this.display} is not listening`, action.line);
      return;
    }
    const where = this.listener.localAddress();
    this.ctx.book.close(this.listener);
    this.listener = null;
    this.note(
      'stop',
      `${this.display} stopped listening${where ? ` on ${formatAddr(where)}` : ''}: new clients are refused, open connections go on`,
      action.line,
    );
  }

  /** README's peer_state: the latest accepted connection, or LISTEN while it has none. */
  state(): string {
    const latest = this.served[this.served.length - 1];
    if (latest !== undefined) return latest.sock.tcpState();
    return this.listener === null ? 'CLOSED' : 'LISTEN';
  }

  connections(): number {
    return this.served.length;
  }

  closeAll(): void {
    if (this.listener) this.ctx.book.close(this.listener);
    this.listener = null;
    for (const c of this.served) this.ctx.book.close(c.sock);
    this.served = [];
    this.slotFreed.notify();
  }

  protected liveConns(): StreamConn[] {
    return this.served.filter((c) => !c.sock.closed);
  }

  protected heldConns(): StreamConn[] {
    return this.liveConns();
  }

  protected connClosed(c: StreamConn): void {
    this.served = this.served.filter((x) => x !== c);
    this.slotFreed.notify();
  }

  private async acceptLoop(listener: PeerSocket): Promise<void> {
    const { reactor, lifetime } = this.ctx;
    while (!listener.closed && !lifetime.aborted) {
      if (this.served.length >= this.server.maxClients) {
        await this.slotFreed.next(lifetime);
        continue;
      }
      const waited = await waitFd(reactor, listener.fd, SYS.POLLIN, null, lifetime);
      if (listener.closed || !waited.ok) return;
      let accepted: Accepted;
      try {
        accepted = accept(listener.fd);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        if (e.errno === ERRNO.EAGAIN || e.errno === ERRNO.ECONNABORTED || e.errno === ERRNO.EINTR) continue;
        if (e.errno === ERRNO.EBADF || e.errno === ERRNO.EINVAL) return;
        this.note('error', `${this.display} could not accept: ${e.message}`);
        await pause(NO_FD_PAUSE_MS, lifetime);
        continue;
      }
      const other = formatAddr(accepted.addr);
      const name = `${this.display} ← ${other}`;
      const sock = this.ctx.book.adopt(accepted.fd, name, listener.family, SYS.SOCK_STREAM, accepted.addr);
      const conn: StreamConn = { sock, who: this.display, other, namesOther: true };
      this.served.push(conn);
      this.note('accept', `${this.display} accepted a connection from ${other}`);
      this.ctx.spawn(this.name, async () => {
        try {
          await this.converse(conn);
        } finally {
          if (!conn.sock.closed && !lifetime.aborted) this.closeConn(conn, false, null);
        }
      });
    }
  }

  /**
   * Sends all of `data`, bounded by the stall limit; says so in the log. On failure the connection is
   * closed and false returned: the conversation is over.
   */
  protected async write(conn: StreamConn, data: Uint8Array, what: string): Promise<boolean> {
    const result = await sendAll(this.ctx.reactor, conn.sock, data, this.ctx.limits.sendStallMs, this.ctx.lifetime);
    if (result.failure === null) {
      this.note('send', `${this.display} sent ${what} to ${conn.other}`);
      return true;
    }
    if (result.failure.why === 'timeout') {
      this.note('timeout', `${this.display} timed out sending to ${conn.other} (the client is not reading): closing the connection`);
    } else this.failed(conn, result.failure, 'send', null);
    if (!conn.sock.closed && !this.ctx.lifetime.aborted) this.closeConn(conn, false, null);
    return false;
  }

  /** The server ends the conversation: reads what is waiting (keeping it in the record), then closes. */
  protected retire(conn: StreamConn): void {
    if (conn.sock.closed) return;
    for (const chunk of drainUnread(conn.sock, this.ctx.limits.recordBytes)) this.record(chunk);
    this.closeConn(conn, false, null);
  }
}
