// Socket options and fd flags: synchronous, a value or a SysError.
import { koffi, libc } from './libc';
import { SysError } from './errno';
import { checkFd, checkInt } from './checks';
import { SYS } from './platform';

const setsockoptC = libc.func('int setsockopt(int fd, int level, int name, const void *value, uint32_t len)');
const getsockoptC = libc.func('int getsockopt(int fd, int level, int name, void *value, void *len)');
const fcntlC = libc.func('int fcntl(int fd, int cmd, ...)');

const intScratch = new Int32Array(1);
const lenScratch = new Uint32Array(1);

/** Largest option value getsockoptBytes reads (TCP_INFO is under 300 bytes; nothing sane is near this). */
export const MAX_SOCKOPT_LEN = 65536;

export function setsockoptInt(fd: number, level: number, name: number, value: number): void {
  checkFd(fd, 'setsockopt');
  checkInt(level, 'level');
  checkInt(name, 'option');
  checkInt(value, 'option value');
  intScratch[0] = value;
  if ((setsockoptC(fd, level, name, intScratch, 4) as number) < 0) throw new SysError(koffi.errno(), 'setsockopt');
}

export function setsockoptBytes(fd: number, level: number, name: number, value: Uint8Array): void {
  checkFd(fd, 'setsockopt');
  checkInt(level, 'level');
  checkInt(name, 'option');
  if ((setsockoptC(fd, level, name, value, value.length) as number) < 0) {
    throw new SysError(koffi.errno(), 'setsockopt');
  }
}

export function getsockoptInt(fd: number, level: number, name: number): number {
  checkFd(fd, 'getsockopt');
  checkInt(level, 'level');
  checkInt(name, 'option');
  intScratch[0] = 0;
  lenScratch[0] = 4;
  if ((getsockoptC(fd, level, name, intScratch, lenScratch) as number) < 0) {
    throw new SysError(koffi.errno(), 'getsockopt');
  }
  return intScratch[0]!;
}

/** The option's bytes, as many as the kernel wrote (at most `len`). */
export function getsockoptBytes(fd: number, level: number, name: number, len: number): Buffer {
  checkFd(fd, 'getsockopt');
  checkInt(level, 'level');
  checkInt(name, 'option');
  if (!Number.isInteger(len) || len < 0 || len > MAX_SOCKOPT_LEN) {
    throw new RangeError(`option length must be 0-${MAX_SOCKOPT_LEN}, got ${String(len)}`);
  }
  const buf = Buffer.alloc(len);
  lenScratch[0] = len;
  if ((getsockoptC(fd, level, name, buf, lenScratch) as number) < 0) throw new SysError(koffi.errno(), 'getsockopt');
  return lenScratch[0]! === len ? buf : buf.subarray(0, lenScratch[0]);
}

/** SO_ERROR: the pending error (0 if none), cleared by reading it. How a non-blocking connect ends. */
export function socketError(fd: number): number {
  return getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_ERROR);
}

/** SO_LINGER as bytes: {1, 0} makes close() reset the connection (RST) instead of a FIN. */
export function lingerBytes(onoff: boolean, seconds: number): Buffer {
  checkInt(seconds, 'linger seconds');
  const buf = Buffer.alloc(SYS.SIZEOF_LINGER);
  buf.writeInt32LE(onoff ? 1 : 0, 0);
  buf.writeInt32LE(seconds, 4);
  return buf;
}

/** The file status flags (F_GETFL). fcntl is variadic: F_GETFL takes no third argument. */
export function fileStatusFlags(fd: number): number {
  checkFd(fd, 'fcntl');
  const flags = fcntlC(fd, SYS.F_GETFL) as number;
  if (flags < 0) throw new SysError(koffi.errno(), 'fcntl');
  return flags;
}

export function isNonBlocking(fd: number): boolean {
  return (fileStatusFlags(fd) & SYS.O_NONBLOCK) !== 0;
}

export function isCloseOnExec(fd: number): boolean {
  checkFd(fd, 'fcntl');
  const flags = fcntlC(fd, SYS.F_GETFD) as number;
  if (flags < 0) throw new SysError(koffi.errno(), 'fcntl');
  return (flags & SYS.FD_CLOEXEC) !== 0;
}
