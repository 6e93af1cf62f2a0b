// A udp-server peer: bound when the lesson starts, it answers each datagram with its reply template,
// sent back to the datagram's sender.
import type { PeerAction, SendToAction, UdpServerSpec } from '../../lesson/model';
import { ERRNO, SYS, SysError, bind, formatAddr, sendto, setsockoptInt, type SockAddr } from '../../sys';
import { receiveDatagram } from './datagram-io';
import { fillReply } from './fill-reply';
import { Peer, serverDisplayName } from './peer';
import { familyOf, loopbackAddress, portNumber, type PeerContext } from './peer-context';
import { PeerStartError } from './peer-start-error';
import type { PeerSocket } from './socket-book';
import { shownBytes } from './shown-bytes';
import { yieldTurn } from './waits';

/** Datagrams handled in a row before other work gets a turn (a learner may send thousands). */
const BURST = 64;

export class UdpServerPeer extends Peer {
  readonly kind = 'udp-server';
  private sock: PeerSocket | null = null;

  constructor(
    private readonly spec: UdpServerSpec,
    ctx: PeerContext,
  ) {
    super(spec.name, serverDisplayName(spec.name), ctx);
  }

  override start(): void {
    const port = portNumber(this.ctx, this.spec.port);
    if (port === null) throw new PeerStartError(this.name, `${this.display} cannot start: this lesson has no ${this.spec.port}`);
    const addr = loopbackAddress(this.spec.host, port);
    let sock: PeerSocket | null = null;
    try {
      sock = this.ctx.book.create(this.display, familyOf(this.spec.host), SYS.SOCK_DGRAM);
      setsockoptInt(sock.fd, SYS.SOL_SOCKET, SYS.SO_REUSEADDR, 1);
      bind(sock.fd, addr);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      if (sock) this.ctx.book.close(sock);
      throw new PeerStartError(this.name, `${this.display} could not bind ${formatAddr(addr)}: ${e.message}`);
    }
    this.sock = sock;
    this.note('listen', `${this.display} waiting for datagrams on ${formatAddr(addr)}`);
    this.ctx.spawn(this.name, () => this.serve(sock));
  }

  async act(action: PeerAction): Promise<void> {
    if (action.type === 'sendto') return this.sendDatagram(action);
    if (action.type !== 'stop') return this.cannot(action);
    if (this.sock === null) {
      this.note('error', `${this.display} is not running`, action.line);
      return;
    }
    const where = this.sock.localAddress();
    this.ctx.book.close(this.sock);
    this.sock = null;
    this.note('stop', `${this.display} closed its socket${where ? ` on ${formatAddr(where)}` : ''}`, action.line);
  }

  state(): string {
    return this.sock === null ? 'CLOSED' : 'UNCONN';
  }

  connections(): number {
    return 0;
  }

  closeAll(): void {
    if (this.sock) this.ctx.book.close(this.sock);
    this.sock = null;
  }

  private async serve(sock: PeerSocket): Promise<void> {
    let burst = 0;
    for (;;) {
      const got = await receiveDatagram(this.ctx.reactor, sock, this.spec.recvSize, null, this.ctx.lifetime);
      if (!got.ok) {
        if (got.why !== 'error') return;
        this.note('error', `${this.display} recvfrom() failed: ${got.error.message}`);
      } else {
        this.record(got.data);
        const from = got.from ? ` from ${formatAddr(got.from)}` : '';
        this.note('recv', `${this.display} received ${shownBytes(got.data)}${from}`);
        if (this.spec.reply !== null && got.from !== null) {
          this.reply(sock, fillReply(this.spec.reply, got.data, this.spec.encoding), got.from, null);
        }
      }
      if (++burst >= BURST) {
        burst = 0;
        await yieldTurn();
      }
    }
  }

  private reply(sock: PeerSocket, data: Uint8Array, to: SockAddr, line: number | null): void {
    try {
      sendto(sock.fd, data, to);
      this.note('send', `${this.display} sent ${shownBytes(data)} to ${formatAddr(to)}`, line);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      const why = e.errno === ERRNO.EAGAIN ? 'its send buffer is full, the datagram was dropped' : e.message;
      this.note('error', `${this.display} could not send to ${formatAddr(to)}: ${why}`, line);
    }
  }

  private sendDatagram(action: SendToAction): void {
    const port = portNumber(this.ctx, action.port);
    if (this.sock === null || port === null) {
      const why = this.sock === null ? 'it is not running' : `this lesson has no ${action.port}`;
      this.note('error', `${this.display} cannot sendto(): ${why}`, action.line);
      return;
    }
    this.reply(this.sock, action.data.bytes, loopbackAddress(action.host, port), action.line);
  }
}
