// The operating system, as the layers above see it. Only this directory knows the platform.
export { PLATFORMS, SYS, UnsupportedPlatformError, checkPlatform, isSupportedPlatform } from './platform';
export type { PlatformConstants } from './platform';
export { ERRNO, GaiError, SysError, errnoName, gaiStrerror, strerror, sysError } from './errno';
export type { ErrnoName } from './errno';
export {
  AddressError,
  decodeSockaddr,
  encodeSockaddr,
  formatAddr,
  formatIPv6,
  parseNumericHost,
  sameAddr,
} from './sockaddr';
export type { Inet4Addr, Inet6Addr, SockAddr, UnixAddr } from './sockaddr';
export {
  accept,
  bind,
  close,
  connect,
  getpeername,
  getpeernameOrNull,
  getsockname,
  getsocknameOrNull,
  ioctlInt,
  listen,
  onFdClosed,
  shutdown,
  socket,
  socketpair,
  unreadBytes,
  unsentBytes,
} from './calls';
export type { Accepted } from './calls';
export { RECV_CHUNK, recv, recvfrom, recvfromInto, recvInto, send, sendto } from './transfer';
export { KEPT_FREE_BYTES, keepFreedMemory } from './malloc-tuning';
export type { Received, ReceivedInto } from './transfer';
export {
  MAX_SOCKOPT_LEN,
  fileStatusFlags,
  getsockoptBytes,
  getsockoptInt,
  isCloseOnExec,
  isNonBlocking,
  lingerBytes,
  setsockoptBytes,
  setsockoptInt,
  socketError,
} from './sockopt';
export { eventfdCreate, eventfdDrain, eventfdSignal } from './eventfd';
export { gethostname, getaddrinfo, getaddrinfoLibc, getaddrinfoNumeric } from './resolve';
export type { AddrInfo, AddrInfoHints } from './resolve';
export { Reactor, defaultReactor } from './reactor';
export { pollNow } from './poll-set';
export type { Interest, WaitOptions } from './reactor';
export { TCP_STATE_NUMBERS, tcpStateName } from './tcp-states';
export type { TcpStateName } from './tcp-states';
export { probeFd, readTcpInfo, socketInode } from './kernel-view';
export type { FdView } from './kernel-view';
export { PROC_NET_PROTOS, parseProcNet, readProcNet } from './proc-net';
export type { ProcNetProto, ProcSocket } from './proc-net';
export { closeSockDiag, findTcpConnection, listSockets } from './sock-diag';
