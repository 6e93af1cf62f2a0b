// Every socket the peers of one lesson run hold: what the sockets table lists as theirs, and the ones
// closed since the table last looked, with the addresses they had just before close.
import {
  SYS,
  SysError,
  close as closeFd,
  getpeername,
  getsockname,
  lingerBytes,
  readTcpInfo,
  setsockoptBytes,
  socket,
  tcpStateName,
  type SockAddr,
} from '../../sys';
import type { ClosedSocket, HeldSocket } from '../socket-table';

export class PeerSocket {
  closed = false;

  constructor(
    readonly key: string,
    /** What the sockets table calls it: 'web server', 'client #2', 'web server ← 127.0.0.1:51968'. */
    readonly name: string,
    readonly fd: number,
    readonly family: number,
    readonly type: number,
    /** The address it was asked to reach, or the client it was accepted from; refreshed at close. */
    public remote: SockAddr | null = null,
  ) {}

  /** The local address now (null once closed or when the kernel cannot say). */
  localAddress(): SockAddr | null {
    if (this.closed) return null;
    try {
      return getsockname(this.fd);
    } catch {
      return null;
    }
  }

  /** The kernel's TCP state: 'ESTABLISHED', 'SYN_SENT' ...; 'CLOSED' once closed. */
  tcpState(): string {
    if (this.closed) return 'CLOSED';
    const info = readTcpInfo(this.fd);
    return (info === null ? undefined : tcpStateName(info.state)) ?? 'CLOSE';
  }
}

export class SocketBook {
  private serial = 0;
  private readonly open = new Map<string, PeerSocket>();
  private closedSince: ClosedSocket[] = [];
  private sealed = false;

  constructor(private readonly keyPrefix = 'P') {}

  /** A new non-blocking socket of the peers (SysError when the kernel refuses one: EMFILE ...). */
  create(name: string, family: number, type: number, remote: SockAddr | null = null): PeerSocket {
    if (this.sealed) throw new Error('the peers have stopped: they open no more sockets');
    return this.adopt(socket(family, type), name, family, type, remote);
  }

  /** An fd the peers got from the kernel (accept): theirs to close from now on. */
  adopt(fd: number, name: string, family: number, type: number, remote: SockAddr | null = null): PeerSocket {
    if (this.sealed) {
      closeFd(fd);
      throw new Error('the peers have stopped: they open no more sockets');
    }
    const sock = new PeerSocket(`${this.keyPrefix}${++this.serial}`, name, fd, family, type, remote);
    this.open.set(sock.key, sock);
    return sock;
  }

  /**
   * Closes the socket (once; a second call does nothing). `reset` sets SO_LINGER {1, 0} first, so the
   * kernel answers with an RST instead of a FIN. Never throws: the fd is released either way.
   */
  close(sock: PeerSocket, reset = false): void {
    if (sock.closed) return;
    const local = sock.localAddress();
    let remote = sock.remote;
    try {
      remote = getpeername(sock.fd) ?? remote;
    } catch {
      // Not connected (any more): keep the address it was connecting to or accepted from.
    }
    if (reset) {
      try {
        setsockoptBytes(sock.fd, SYS.SOL_SOCKET, SYS.SO_LINGER, lingerBytes(true, 0));
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
      }
    }
    sock.closed = true;
    this.open.delete(sock.key);
    try {
      closeFd(sock.fd);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
    }
    this.closedSince.push({
      key: sock.key,
      name: sock.name,
      owner: 'peer',
      family: sock.family,
      type: sock.type,
      local,
      remote,
    });
  }

  closeAll(): void {
    for (const sock of [...this.open.values()]) this.close(sock);
  }

  /** Closes every socket and refuses new ones: the lesson run is over. */
  seal(): void {
    this.sealed = true;
    this.closeAll();
  }

  /** The open sockets, in the order they were opened. */
  held(): HeldSocket[] {
    return [...this.open.values()].map((s) => ({ key: s.key, name: s.name, owner: 'peer' as const, fd: s.fd, type: s.type }));
  }

  /** The sockets closed since the last call, each reported once. */
  takeClosed(): ClosedSocket[] {
    const closed = this.closedSince;
    this.closedSince = [];
    return closed;
  }

  get openCount(): number {
    return this.open.size;
  }
}
