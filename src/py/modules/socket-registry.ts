// The learner's sockets, as the session sees them: every socket.socket a statement created or accepted,
// with a serial number that is never reused, its fd while it is open, and the addresses it had just
// before it was closed. One registry per session; the socket module keeps it up to date.
//
// Dropping the last reference to a socket (`del s`) does not close it in socklab: an fd stays open
// until close() or until the session ends with closeAll().
import type { PyObject } from '../objects/object';
import { close, type SockAddr } from '../../sys';
import { errorMessage } from '../../sys/error-text';

export interface TrackedSocket {
  /** 1, 2, 3 ... per registry, never reused. */
  readonly serial: number;
  /** The socket.socket Python object. */
  readonly object: PyObject;
  /** The fd now; -1 once closed. */
  readonly fd: number;
  readonly family: number;
  readonly type: number;
  readonly proto: number;
  /** The backlog listen() passed to the kernel, or null before listen(). */
  readonly backlog: number | null;
  /** Date.now() when it was closed, or null while open. */
  readonly closedAt: number | null;
  /** The addresses it had just before it was closed (read with getsockname/getpeername right before
   *  close(2)), so the session can follow the connection through FIN_WAIT2 / TIME_WAIT in the kernel. */
  readonly lastLocal: SockAddr | null;
  readonly lastRemote: SockAddr | null;
}

/** What the socket module needs from a socket object to close it when the session ends. */
export interface ClosableSocket {
  readonly fd: number;
  /** Closes the fd (recording the last addresses first); a second call does nothing. */
  closeNow(): void;
}

class Entry implements TrackedSocket {
  backlog: number | null = null;
  closedAt: number | null = null;
  lastLocal: SockAddr | null = null;
  lastRemote: SockAddr | null = null;

  constructor(
    readonly serial: number,
    readonly socket: ClosableSocket & PyObject,
    readonly family: number,
    readonly type: number,
    readonly proto: number,
  ) {}

  get object(): PyObject {
    return this.socket;
  }

  get fd(): number {
    return this.closedAt === null ? this.socket.fd : -1;
  }
}

export type TrackedEntry = Entry;

export class SocketRegistry {
  private nextSerial = 1;
  private readonly open = new Map<number, Entry>();
  private closed: Entry[] = [];
  private readonly byObj = new WeakMap<PyObject, Entry>();
  private readonly listeners = new Set<() => void>();
  /** fds taken out of their socket object by detach(): still open, closed when the session ends. */
  private readonly detached = new Set<number>();
  private notifying = false;
  private notifyAgain = false;
  private batching = false;

  /** Open sockets, in creation order. */
  live(): TrackedSocket[] {
    return [...this.open.values()];
  }

  /** Sockets closed since the last call, each returned once, in the order they were closed. */
  takeClosed(): TrackedSocket[] {
    const taken = this.closed;
    this.closed = [];
    return taken;
  }

  /** The record of a socket object of this registry (open or closed), or undefined. */
  byObject(obj: PyObject): TrackedSocket | undefined {
    return this.byObj.get(obj);
  }

  /** Calls `listener` after a socket is created, accepted, starts listening or is closed. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes every open socket and every detached fd. Idempotent, never throws; live() is empty after. */
  closeAll(): void {
    // One notification for the whole batch, after every socket is closed.
    this.batching = true;
    let changed = false;
    try {
      for (const entry of [...this.open.values()]) {
        try {
          entry.socket.closeNow();
        } catch {
          // A socket whose close failed is still gone from the learner's view.
        }
        this.markClosed(entry, null, null);
        changed = true;
      }
      for (const fd of this.detached) {
        try {
          close(fd);
        } catch {
          // The fd may already be gone; nothing else can be done at the end of a session.
        }
      }
      this.detached.clear();
    } finally {
      this.batching = false;
    }
    if (changed) this.changed();
  }

  // ---- for the socket module ----

  /** Records a new socket (created, accepted, or made from a detached fd). */
  track(socket: ClosableSocket & PyObject, family: number, type: number, proto: number): TrackedEntry {
    const entry = new Entry(this.nextSerial++, socket, family, type, proto);
    this.open.set(entry.serial, entry);
    this.byObj.set(socket, entry);
    this.changed();
    return entry;
  }

  listened(entry: TrackedEntry, backlog: number): void {
    entry.backlog = backlog;
    this.changed();
  }

  /** The socket's fd was closed (or detached): it leaves live() and joins takeClosed(). */
  markClosed(entry: TrackedEntry, local: SockAddr | null, remote: SockAddr | null): void {
    if (!this.open.delete(entry.serial)) return;
    entry.lastLocal = local;
    entry.lastRemote = remote;
    entry.closedAt = Date.now();
    this.closed.push(entry);
    if (!this.batching) this.changed();
  }

  addDetached(fd: number): void {
    this.detached.add(fd);
  }

  /** Takes back a detached fd for socket(fileno=fd); false when it is not one of this registry's. */
  takeDetached(fd: number): boolean {
    return this.detached.delete(fd);
  }

  private changed(): void {
    // A listener that reacts by closing a socket must not recurse into itself: the change it makes is
    // announced once the current round of listeners is done.
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    try {
      do {
        this.notifyAgain = false;
        for (const listener of [...this.listeners]) {
          try {
            listener();
          } catch (error) {
            // The learner's statement must not fail because a view of it did.
            process.emitWarning(`a socket registry listener failed: ${errorMessage(error)}`);
          }
        }
      } while (this.notifyAgain);
    } finally {
      this.notifying = false;
    }
  }
}
