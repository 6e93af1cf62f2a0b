// What the kernel knows about one socket fd, read after every call: a handful of cheap syscalls.
import { readlinkSync } from 'node:fs';
import { koffi, libc } from './libc';
import { ERRNO, SysError } from './errno';
import { checkFd } from './checks';
import { SYS } from './platform';
import { decodeSockaddr, type SockAddr } from './sockaddr';
import { tcpStateName, type TcpStateName } from './tcp-states';

export interface FdView {
  fd: number;
  family: number;
  type: number;
  local: SockAddr | null;
  remote: SockAddr | null;
  /** TCP sockets only. */
  tcpState?: TcpStateName;
  /** LISTEN only: connections the kernel completed that accept() has not taken yet. */
  acceptQueue?: number;
  /** LISTEN only: the backlog in force (listen()'s argument capped by somaxconn). */
  backlog?: number;
  /** Bytes waiting to be read. For a datagram socket: the size of the next datagram (Linux FIONREAD). */
  unread: number;
  /** Connected TCP only: bytes not yet sent or not yet acknowledged. */
  unsent?: number;
  /** A stream socket that listen() made passive (SO_ACCEPTCONN): how AF_UNIX shows LISTEN. */
  listening: boolean;
  /** getpeername() works: connected, even to an unnamed AF_UNIX peer (whose address is null). */
  connected: boolean;
}

const getsockoptC = libc.func('int getsockopt(int fd, int level, int name, void *value, void *len)');
const getsocknameC = libc.func('int getsockname(int fd, void *addr, void *len)');
const getpeernameC = libc.func('int getpeername(int fd, void *addr, void *len)');
const ioctlC = libc.func('int ioctl(int fd, unsigned long request, ...)');

// struct tcp_info (linux/tcp.h): the state byte first; for a listener, tcpi_unacked holds the accept
// queue length and tcpi_sacked the backlog.
const TCP_INFO_SIZE = 256;
const TCPI_STATE = 0;
const TCPI_UNACKED = 24;
const TCPI_SACKED = 28;
const LISTEN = 10;

const tcpInfo = Buffer.alloc(TCP_INFO_SIZE);
const addrScratch = Buffer.alloc(SYS.SIZEOF_SOCKADDR_STORAGE);
const lenScratch = new Uint32Array(1);
const intScratch = new Int32Array(1);

function intOption(fd: number, level: number, name: number): number {
  lenScratch[0] = 4;
  if ((getsockoptC(fd, level, name, intScratch, lenScratch) as number) < 0) {
    throw new SysError(koffi.errno(), 'getsockopt');
  }
  return intScratch[0]!;
}

function address(fd: number, call: typeof getsocknameC): { ok: boolean; addr: SockAddr | null } {
  lenScratch[0] = addrScratch.length;
  if ((call(fd, addrScratch, lenScratch) as number) < 0) return { ok: false, addr: null };
  return { ok: true, addr: decodeSockaddr(addrScratch, lenScratch[0]!) };
}

/** An int ioctl, or null when the socket does not support it (FIONREAD on a listener: EINVAL). */
function ioctlOrNull(fd: number, request: number): number | null {
  return (ioctlC(fd, request, 'int *', intScratch) as number) < 0 ? null : intScratch[0]!;
}

/** The state byte and, for LISTEN, the queue and backlog; null when TCP_INFO is not available. */
export function readTcpInfo(fd: number): { state: number; unacked: number; sacked: number } | null {
  lenScratch[0] = TCP_INFO_SIZE;
  if ((getsockoptC(fd, SYS.IPPROTO_TCP, SYS.TCP_INFO, tcpInfo, lenScratch) as number) < 0) return null;
  if (lenScratch[0]! < TCPI_SACKED + 4) return null;
  return {
    state: tcpInfo[TCPI_STATE]!,
    unacked: tcpInfo.readUInt32LE(TCPI_UNACKED),
    sacked: tcpInfo.readUInt32LE(TCPI_SACKED),
  };
}

/**
 * The kernel's view of a socket fd. Throws SysError EBADF for a closed fd and ENOTSOCK for an fd
 * that is not a socket; everything else a socket cannot answer is simply left out. `knownType`, when
 * the caller made the socket and knows its type (it never changes), saves asking SO_TYPE.
 */
export function probeFd(fd: number, knownType?: number): FdView {
  checkFd(fd, 'getsockopt');
  const type = knownType ?? intOption(fd, SYS.SOL_SOCKET, SYS.SO_TYPE);
  // getsockname writes the family even before bind, which saves asking SO_DOMAIN (which, when
  // getsockname fails, says EBADF or ENOTSOCK by throwing).
  lenScratch[0] = addrScratch.length;
  const named = (getsocknameC(fd, addrScratch, lenScratch) as number) >= 0 && lenScratch[0]! >= 2;
  const family = named ? addrScratch.readUInt16LE(0) : intOption(fd, SYS.SOL_SOCKET, SYS.SO_DOMAIN);
  const local = named ? decodeSockaddr(addrScratch, lenScratch[0]!) : null;
  const inet = family === SYS.AF_INET || family === SYS.AF_INET6;
  // An internet socket without a port was never bound, connected or listening (connect, even a
  // refused one, leaves a port behind): it has no peer and nothing queued, so the other calls can
  // be spared.
  if (inet && local !== null && 'port' in local && local.port === 0) {
    const view: FdView = { fd, family, type, local, remote: null, unread: 0, listening: false, connected: false };
    if (type === SYS.SOCK_STREAM) view.tcpState = 'CLOSE';
    return view;
  }
  const peer = address(fd, getpeernameC);
  const view: FdView = { fd, family, type, local, remote: peer.addr, unread: 0, listening: false, connected: peer.ok };
  if (!inet && type === SYS.SOCK_STREAM) view.listening = intOption(fd, SYS.SOL_SOCKET, SYS.SO_ACCEPTCONN) === 1;
  if (inet && type === SYS.SOCK_STREAM) {
    const info = readTcpInfo(fd);
    const state = info === null ? undefined : tcpStateName(info.state);
    if (state !== undefined) view.tcpState = state;
    if (info !== null && info.state === LISTEN) {
      view.listening = true;
      view.acceptQueue = info.unacked;
      view.backlog = info.sacked;
      return view;
    }
    const unsent = ioctlOrNull(fd, SYS.SIOCOUTQ);
    if (unsent !== null) view.unsent = unsent;
  }
  view.unread = ioctlOrNull(fd, SYS.FIONREAD) ?? 0;
  return view;
}

const SOCKET_LINK = /^socket:\[(\d+)\]$/;

/** The inode of the socket behind an fd (the `inode` column of /proc/net); null if it is not a socket. */
export function socketInode(fd: number): number | null {
  checkFd(fd, 'readlink');
  let link: string;
  try {
    link = readlinkSync(`/proc/self/fd/${fd}`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new SysError(ERRNO.EBADF, 'readlink');
    throw e;
  }
  const m = SOCKET_LINK.exec(link);
  return m ? Number(m[1]) : null;
}
