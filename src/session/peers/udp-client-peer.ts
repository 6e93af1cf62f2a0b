// A udp-client peer: inert until an action drives it. Its socket is made by its first sendto() (one
// per address family), and the kernel gives it a port then, as for any client.
import type { PeerAction, RecvAction, SendToAction } from '../../lesson/model';
import { ERRNO, SYS, SysError, formatAddr, sendto } from '../../sys';
import { receiveDatagram } from './datagram-io';
import { Peer } from './peer';
import { familyOf, loopbackAddress, portNumber, type PeerContext } from './peer-context';
import type { PeerSocket } from './socket-book';
import { shownBytes } from './shown-bytes';

export class UdpClientPeer extends Peer {
  readonly kind = 'udp-client';
  private socks: PeerSocket[] = [];

  constructor(name: string, ctx: PeerContext) {
    super(name, name, ctx);
  }

  async act(action: PeerAction, signal: AbortSignal): Promise<void> {
    switch (action.type) {
      case 'sendto':
        return this.sendDatagram(action);
      case 'recv':
        return this.receiveAll(action, signal);
      case 'close':
        if (this.socks.length === 0) this.note('error', `${this.display} has no socket to close`, action.line);
        for (const sock of this.socks) {
          this.ctx.book.close(sock);
          this.note('close', `${sock.name} closed its socket`, action.line);
        }
        this.socks = [];
        return;
      default:
        this.cannot(action);
    }
  }

  state(): string {
    return this.socks.length > 0 ? 'UNCONN' : 'CLOSED';
  }

  connections(): number {
    return 0;
  }

  closeAll(): void {
    for (const sock of this.socks) this.ctx.book.close(sock);
    this.socks = [];
  }

  private socketFor(family: number): PeerSocket {
    const existing = this.socks.find((s) => s.family === family);
    if (existing) return existing;
    const name = this.socks.length === 0 ? this.name : `${this.name} #${this.socks.length + 1}`;
    const sock = this.ctx.book.create(name, family, SYS.SOCK_DGRAM);
    this.socks.push(sock);
    return sock;
  }

  private sendDatagram(action: SendToAction): void {
    const port = portNumber(this.ctx, action.port);
    if (port === null) {
      this.note('error', `${this.display} cannot sendto(): this lesson has no ${action.port}`, action.line);
      return;
    }
    const addr = loopbackAddress(action.host, port);
    let sock: PeerSocket;
    try {
      sock = this.socketFor(familyOf(action.host));
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      this.note('error', `${this.display} could not create a socket: ${e.message}`, action.line);
      return;
    }
    const data = action.data.bytes;
    try {
      sendto(sock.fd, data, addr);
      this.note('send', `${sock.name} sent ${shownBytes(data)} to ${formatAddr(addr)}`, action.line);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      const why = e.errno === ERRNO.EAGAIN ? 'its send buffer is full, the datagram was dropped' : e.message;
      this.note('error', `${sock.name} could not send to ${formatAddr(addr)}: ${why}`, action.line);
    }
  }

  private async receiveAll(action: RecvAction, signal: AbortSignal): Promise<void> {
    if (this.socks.length === 0) {
      this.note('error', `${this.display} has no socket yet: it has one once it has sent with sendto()`, action.line);
      return;
    }
    await Promise.all(
      this.socks.map(async (sock) => {
        const got = await receiveDatagram(this.ctx.reactor, sock, action.max, this.ctx.limits.recvMs, signal);
        if (got.ok) {
          this.record(got.data);
          this.note('recv', `${sock.name} received ${shownBytes(got.data)}${got.from ? ` from ${formatAddr(got.from)}` : ''}`, action.line);
        } else if (got.why === 'timeout') {
          this.note('timeout', `${sock.name} timed out waiting for data`, action.line);
        } else if (got.why === 'error') {
          this.note('error', `${sock.name} could not recv: ${got.error.message}`, action.line);
        }
      }),
    );
  }
}
