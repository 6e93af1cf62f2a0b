// A socket.socket object: a kernel fd (always non-blocking in the kernel), the Python-level mode
// (blocking, a timeout, or non-blocking) that the socket module emulates on top of it, and the
// session it belongs to (its registry of sockets, its reactor, its default timeout).
import { close as closeFd, formatAddr, getpeernameOrNull, getsocknameOrNull, type Reactor, type SockAddr } from '../../../sys';
import { PyObject, type PyType } from '../../objects/object';
import type { SocketRegistry, TrackedEntry } from '../socket-registry';
import { badFd } from './errors';

/** One session's socket world. */
export interface SocketEnv {
  readonly reactor: Reactor;
  readonly registry: SocketRegistry;
  /** socket.setdefaulttimeout(): seconds, or null for blocking. */
  defaultTimeout: number | null;
}

export class PySocket extends PyObject {
  /** The fd; -1 once closed or detached. */
  fd: number;
  readonly family: number;
  /** The type without SOCK_NONBLOCK / SOCK_CLOEXEC, as CPython reports it. */
  readonly sockType: number;
  readonly proto: number;
  /** null: blocking; 0: non-blocking; > 0: seconds to wait at most. */
  timeout: number | null;
  /** close() or detach() was called (the repr then says [closed]). */
  closed = false;
  /** The peer this socket was accepted from or connected to (for what the screen shows). */
  peer: SockAddr | null = null;
  private shownPeer: SockAddr | null = null;
  private shownPeerText: string | undefined = undefined;
  readonly env: SocketEnv;
  readonly entry: TrackedEntry;

  constructor(type: PyType, env: SocketEnv, fd: number, family: number, sockType: number, proto: number, timeout: number | null) {
    super(type);
    this.fd = fd;
    this.family = family;
    this.sockType = sockType;
    this.proto = proto;
    this.timeout = timeout;
    this.env = env;
    this.entry = env.registry.track(this, family, sockType, proto);
  }

  /** The peer as 'host:port' for the screen, or undefined when not known (kept: recv reports it each time). */
  peerText(): string | undefined {
    if (this.peer !== this.shownPeer) {
      this.shownPeer = this.peer;
      const text = this.peer === null ? '' : formatAddr(this.peer);
      this.shownPeerText = text === '' ? undefined : text;
    }
    return this.shownPeerText;
  }

  /** The fd for a system call, or `OSError: [Errno 9] Bad file descriptor` once closed. */
  liveFd(): number {
    if (this.fd < 0) throw badFd();
    return this.fd;
  }

  /**
   * Closes the fd: the addresses are read first (the session follows the connection in the kernel
   * after it), then close(2), then the registry learns of it. A second call does nothing.
   */
  closeNow(): void {
    this.closed = true;
    const fd = this.fd;
    if (fd < 0) return;
    const local = getsocknameOrNull(fd);
    const remote = getpeernameOrNull(fd);
    this.fd = -1;
    try {
      closeFd(fd);
    } finally {
      this.env.registry.markClosed(this.entry, local, remote);
    }
  }

  /** detach(): the object lets go of its fd without closing it; the session closes it at the end. */
  detachFd(): number {
    this.closed = true;
    const fd = this.fd;
    if (fd < 0) return -1;
    const local = getsocknameOrNull(fd);
    const remote = getpeernameOrNull(fd);
    this.fd = -1;
    this.env.registry.addDetached(fd);
    this.env.registry.markClosed(this.entry, local, remote);
    return fd;
  }
}
