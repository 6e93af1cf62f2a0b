// Sending and receiving: synchronous and non-blocking, the hot path. The only allocation per call is
// the Buffer handed back (and none at all for the *Into variants).
import { koffi, libc } from './libc';
import { ERRNO, sysError } from './errno';
import { checkFd, checkSize } from './checks';
import { SYS } from './platform';
import { keepFreedMemory } from './malloc-tuning';
import { decodeSockaddr, encodeSockaddr, type SockAddr } from './sockaddr';

// Each read hands back a new Buffer: let the memory of the ones collected be reused warm.
keepFreedMemory();

const EINTR = ERRNO.EINTR;
// Node ignores SIGPIPE already; MSG_NOSIGNAL keeps EPIPE an error code even if something changes that.
const SEND_FLAGS = SYS.MSG_NOSIGNAL;
const FIONREAD = SYS.FIONREAD;

const sendC = libc.func('intptr_t send(int fd, const void *buf, size_t len, int flags)');
const recvC = libc.func('intptr_t recv(int fd, void *buf, size_t len, int flags)');
const sendtoC = libc.func(
  'intptr_t sendto(int fd, const void *buf, size_t len, int flags, const void *addr, uint32_t alen)',
);
const recvfromC = libc.func('intptr_t recvfrom(int fd, void *buf, size_t len, int flags, void *addr, void *alen)');
const ioctlC = libc.func('int ioctl(int fd, unsigned long request, ...)');

// Scratch space shared by every call: JS is single-threaded and each call reads it back at once.
const addrScratch = Buffer.alloc(SYS.SIZEOF_SOCKADDR_STORAGE);
const lenScratch = new Uint32Array(1);
const intScratch = new Int32Array(1);

/** Bytes read per recv when the caller asks for more: recv may return fewer, so this is still recv. */
export const RECV_CHUNK = 65536;

/** Bytes the kernel accepted (possibly fewer than given; EAGAIN when none fit). */
export function send(fd: number, data: Uint8Array, flags = 0): number {
  checkFd(fd, 'send');
  let n: number;
  do {
    n = sendC(fd, data, data.length, flags | SEND_FLAGS) as number;
  } while (n < 0 && koffi.errno() === EINTR);
  if (n < 0) throw sysError(koffi.errno(), 'send');
  return n;
}

export function sendto(fd: number, data: Uint8Array, addr: SockAddr, flags = 0): number {
  checkFd(fd, 'sendto');
  const raw = encodeSockaddr(addr);
  let n: number;
  do {
    n = sendtoC(fd, data, data.length, flags | SEND_FLAGS, raw, raw.length) as number;
  } while (n < 0 && koffi.errno() === EINTR);
  if (n < 0) throw sysError(koffi.errno(), 'sendto');
  return n;
}

/**
 * How many bytes to read for a request of `max`: all of it up to RECV_CHUNK, beyond that only what
 * is waiting (a whole datagram: FIONREAD gives the next datagram's size) or RECV_CHUNK, so a
 * recv(10**9) reads what is there instead of allocating a gigabyte.
 */
function readSize(fd: number, max: number): number {
  if (max <= RECV_CHUNK) return max;
  const pending = (ioctlC(fd, FIONREAD, 'int *', intScratch) as number) < 0 ? 0 : intScratch[0]!;
  return Math.min(max, Math.max(pending, RECV_CHUNK));
}

// Node's shared pool serves Buffers below this size without an allocation of their own.
const POOLED = Buffer.poolSize >>> 1;

// A small read (recv(1), recv(1024)) goes straight into a Buffer cut from Node's pool: the cheapest
// memory Node hands out, and a short result is a view of it, with no copy. Reads up to RECV_CHUNK
// share one spare buffer: a big read is handed back as is (no copy) and a new spare is made next
// time; a small one is copied out and the spare is kept. So a recv(65536) that gets 1 byte neither
// allocates 64 KiB nor pins it.
let spare: Buffer | null = null;

function readBuffer(size: number): Buffer {
  if (size < POOLED) return Buffer.allocUnsafe(size);
  if (size <= RECV_CHUNK) {
    spare ??= Buffer.allocUnsafe(RECV_CHUNK);
    return spare;
  }
  return Buffer.allocUnsafe(size);
}

/**
 * The `n` bytes read into `buf`. With MSG_TRUNC the kernel reports a datagram's real length, which may
 * exceed the buffer: like CPython, the result then has that length (here the part past the buffer is
 * zeros, where CPython leaves whatever was in memory).
 */
function result(buf: Buffer, size: number, n: number): Buffer {
  if (n > size) {
    const whole = Buffer.alloc(n);
    buf.copy(whole, 0, 0, size);
    return whole;
  }
  if (buf === spare) {
    if (n < RECV_CHUNK >>> 1) return Buffer.from(buf.subarray(0, n));
    spare = null;
  } else if (buf.length > RECV_CHUNK && n < buf.length >>> 1) {
    return Buffer.from(buf.subarray(0, n));
  }
  return n === buf.length ? buf : buf.subarray(0, n);
}

/** Up to `max` bytes; b'' (length 0) at end of stream; EAGAIN when nothing is waiting. */
export function recv(fd: number, max: number, flags = 0): Buffer {
  checkFd(fd, 'recv');
  checkSize(max, 'recv size');
  const size = readSize(fd, max);
  const buf = readBuffer(size);
  let n: number;
  do {
    n = recvC(fd, buf, size, flags) as number;
  } while (n < 0 && koffi.errno() === EINTR);
  if (n < 0) throw sysError(koffi.errno(), 'recv');
  return result(buf, size, n);
}

export interface Received {
  data: Buffer;
  /** The sender; null on a connected stream socket (the kernel gives no address there). */
  addr: SockAddr | null;
}

export function recvfrom(fd: number, max: number, flags = 0): Received {
  checkFd(fd, 'recvfrom');
  checkSize(max, 'recvfrom size');
  const size = readSize(fd, max);
  const buf = readBuffer(size);
  let n: number;
  do {
    lenScratch[0] = addrScratch.length;
    n = recvfromC(fd, buf, size, flags, addrScratch, lenScratch) as number;
  } while (n < 0 && koffi.errno() === EINTR);
  if (n < 0) throw sysError(koffi.errno(), 'recvfrom');
  return { data: result(buf, size, n), addr: decodeSockaddr(addrScratch, lenScratch[0]!) };
}

function checkInto(buf: Uint8Array, nbytes: number, syscall: string): void {
  if (!(buf instanceof Uint8Array)) throw new TypeError(`${syscall} needs a Uint8Array to read into`);
  checkSize(nbytes, `${syscall} size`);
  if (nbytes > buf.length) throw new RangeError(`${syscall}: ${nbytes} bytes do not fit a ${buf.length}-byte buffer`);
}

/**
 * Reads into the caller's buffer (CPython's recv_into): no allocation at all, for callers that reuse
 * one buffer. Returns what recv returned (with MSG_TRUNC, possibly more than `nbytes`).
 */
export function recvInto(fd: number, buf: Uint8Array, nbytes: number = buf.length, flags = 0): number {
  checkFd(fd, 'recv');
  checkInto(buf, nbytes, 'recv_into');
  let n: number;
  do {
    n = recvC(fd, buf, nbytes, flags) as number;
  } while (n < 0 && koffi.errno() === EINTR);
  if (n < 0) throw sysError(koffi.errno(), 'recv');
  return n;
}

export interface ReceivedInto {
  n: number;
  addr: SockAddr | null;
}

export function recvfromInto(fd: number, buf: Uint8Array, nbytes: number = buf.length, flags = 0): ReceivedInto {
  checkFd(fd, 'recvfrom');
  checkInto(buf, nbytes, 'recvfrom_into');
  let n: number;
  do {
    lenScratch[0] = addrScratch.length;
    n = recvfromC(fd, buf, nbytes, flags, addrScratch, lenScratch) as number;
  } while (n < 0 && koffi.errno() === EINTR);
  if (n < 0) throw sysError(koffi.errno(), 'recvfrom');
  return { n, addr: decodeSockaddr(addrScratch, lenScratch[0]!) };
}
