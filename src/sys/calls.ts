// Socket system calls: synchronous, never blocking (every fd is non-blocking), a value or a SysError.
// Functions are declared once, and errno is read right after each call, before any other JS can run
// a libc call. Sending and receiving are in transfer.ts.
import { koffi, libc } from './libc';
import { ERRNO, sysError } from './errno';
import { checkFd, checkInt } from './checks';
import { SYS } from './platform';
import { decodeSockaddr, encodeSockaddr, type SockAddr } from './sockaddr';

const EINTR = ERRNO.EINTR;
const NEW_FD_FLAGS = SYS.SOCK_NONBLOCK | SYS.SOCK_CLOEXEC;

const socketC = libc.func('int socket(int domain, int type, int protocol)');
const socketpairC = libc.func('int socketpair(int domain, int type, int protocol, void *sv)');
const bindC = libc.func('int bind(int fd, const void *addr, uint32_t len)');
const listenC = libc.func('int listen(int fd, int backlog)');
const accept4C = libc.func('int accept4(int fd, void *addr, void *len, int flags)');
const connectC = libc.func('int connect(int fd, const void *addr, uint32_t len)');
const shutdownC = libc.func('int shutdown(int fd, int how)');
const closeC = libc.func('int close(int fd)');
const getsocknameC = libc.func('int getsockname(int fd, void *addr, void *len)');
const getpeernameC = libc.func('int getpeername(int fd, void *addr, void *len)');
const ioctlC = libc.func('int ioctl(int fd, unsigned long request, ...)');

// Scratch space shared by every call: JS is single-threaded and each call reads it back at once.
const addrScratch = Buffer.alloc(SYS.SIZEOF_SOCKADDR_STORAGE);
const lenScratch = new Uint32Array(1);
const intScratch = new Int32Array(1);
const pairScratch = new Int32Array(2);

/** A new socket, always non-blocking and close-on-exec. */
export function socket(family: number, type: number, proto = 0): number {
  checkInt(family, 'family');
  checkInt(type, 'type');
  checkInt(proto, 'protocol');
  const fd = socketC(family, type | NEW_FD_FLAGS, proto) as number;
  if (fd < 0) throw sysError(koffi.errno(), 'socket');
  return fd;
}

/** Two connected sockets (AF_UNIX), both non-blocking and close-on-exec. */
export function socketpair(family: number, type: number, proto = 0): [number, number] {
  checkInt(family, 'family');
  checkInt(type, 'type');
  checkInt(proto, 'protocol');
  if ((socketpairC(family, type | NEW_FD_FLAGS, proto, pairScratch) as number) < 0) {
    throw sysError(koffi.errno(), 'socketpair');
  }
  return [pairScratch[0]!, pairScratch[1]!];
}

export function bind(fd: number, addr: SockAddr): void {
  checkFd(fd, 'bind');
  const raw = encodeSockaddr(addr);
  if ((bindC(fd, raw, raw.length) as number) < 0) throw sysError(koffi.errno(), 'bind');
}

export function listen(fd: number, backlog: number): void {
  checkFd(fd, 'listen');
  checkInt(backlog, 'backlog');
  if ((listenC(fd, backlog) as number) < 0) throw sysError(koffi.errno(), 'listen');
}

export interface Accepted {
  fd: number;
  addr: SockAddr | null;
}

/** The next waiting connection (EAGAIN when there is none), non-blocking and close-on-exec. */
export function accept(fd: number): Accepted {
  checkFd(fd, 'accept');
  let newFd: number;
  do {
    lenScratch[0] = addrScratch.length;
    newFd = accept4C(fd, addrScratch, lenScratch, NEW_FD_FLAGS) as number;
  } while (newFd < 0 && koffi.errno() === EINTR);
  if (newFd < 0) throw sysError(koffi.errno(), 'accept');
  return { fd: newFd, addr: decodeSockaddr(addrScratch, lenScratch[0]!) };
}

/**
 * Starts connecting. On a stream socket the handshake continues in the kernel: this throws SysError
 * EINPROGRESS, and the outcome is read with socketError() once the fd is writable.
 */
export function connect(fd: number, addr: SockAddr): void {
  checkFd(fd, 'connect');
  const raw = encodeSockaddr(addr);
  if ((connectC(fd, raw, raw.length) as number) < 0) throw sysError(koffi.errno(), 'connect');
}

export function shutdown(fd: number, how: number): void {
  checkFd(fd, 'shutdown');
  checkInt(how, 'how');
  if ((shutdownC(fd, how) as number) < 0) throw sysError(koffi.errno(), 'shutdown');
}

type CloseListener = (fd: number) => void;
const closeListeners = new Set<CloseListener>();

/**
 * Calls `listener` right after each close() through this module, so a poller can stop watching the
 * fd before its number is reused. Returns the function that unsubscribes.
 */
export function onFdClosed(listener: CloseListener): () => void {
  closeListeners.add(listener);
  return () => closeListeners.delete(listener);
}

/** Closes the fd (never retried: Linux releases the fd even when close reports EINTR). */
export function close(fd: number): void {
  checkFd(fd, 'close');
  const rc = closeC(fd) as number;
  const errno = rc < 0 ? koffi.errno() : 0;
  if (errno !== ERRNO.EBADF) for (const listener of closeListeners) listener(fd);
  if (rc < 0 && errno !== EINTR) throw sysError(errno, 'close');
}

function nameOf(fd: number, call: (fd: number, addr: Buffer, len: Uint32Array) => number, syscall: string) {
  checkFd(fd, syscall);
  lenScratch[0] = addrScratch.length;
  if (call(fd, addrScratch, lenScratch) < 0) throw sysError(koffi.errno(), syscall);
  return decodeSockaddr(addrScratch, lenScratch[0]!);
}

/** The local address (0.0.0.0:0 before bind for AF_INET; null for an unnamed AF_UNIX socket). */
export function getsockname(fd: number): SockAddr | null {
  return nameOf(fd, getsocknameC as (fd: number, addr: Buffer, len: Uint32Array) => number, 'getsockname');
}

/** The peer's address; SysError ENOTCONN when not connected. */
export function getpeername(fd: number): SockAddr | null {
  return nameOf(fd, getpeernameC as (fd: number, addr: Buffer, len: Uint32Array) => number, 'getpeername');
}

// For what only shows an address (a repr, a table row, a record of a closed socket): where the kernel
// gives none, because the fd is closed or the socket is not connected, there is none to show.
function orNull(read: (fd: number) => SockAddr | null, fd: number): SockAddr | null {
  try {
    return read(fd);
  } catch {
    return null;
  }
}

/** getsockname(), or null where it fails. */
export function getsocknameOrNull(fd: number): SockAddr | null {
  return orNull(getsockname, fd);
}

/** getpeername(), or null where it fails (not connected, among others). */
export function getpeernameOrNull(fd: number): SockAddr | null {
  return orNull(getpeername, fd);
}

/** An `int`-valued ioctl (FIONREAD, SIOCOUTQ ...). ioctl is variadic: the argument's type goes with it. */
export function ioctlInt(fd: number, request: number): number {
  checkFd(fd, 'ioctl');
  if ((ioctlC(fd, request, 'int *', intScratch) as number) < 0) throw sysError(koffi.errno(), 'ioctl');
  return intScratch[0]!;
}

/** Bytes received and not yet read (for a datagram socket: the size of the next datagram). */
export function unreadBytes(fd: number): number {
  return ioctlInt(fd, SYS.FIONREAD);
}

/** Bytes in the send queue: not yet sent, or sent and not yet acknowledged (SIOCOUTQ). */
export function unsentBytes(fd: number): number {
  return ioctlInt(fd, SYS.SIOCOUTQ);
}
