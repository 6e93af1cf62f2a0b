// socket.socket methods that move bytes: send, sendall, recv, recv_into, recvfrom, recvfrom_into
// (sendto is in methods-raw.ts: its arguments are parsed by hand, as CPython does).
import {
  SYS,
  formatAddr,
  recv as sysRecv,
  recvInto as sysRecvInto,
  recvfrom as sysRecvfrom,
  recvfromInto as sysRecvfromInto,
  send as sysSend,
  type SockAddr,
} from '../../../sys';
import type { CallContext } from '../../events';
import type { PyObject } from '../../objects/object';
import { None } from '../../objects/none';
import { newInt } from '../../objects/int';
import { PyByteArray, PyBytes } from '../../objects/bytes';
import { newTuple } from '../../objects/tuple';
import { overflowError, typeError, valueError } from '../../exceptions/raise';
import { asBytesLike, asIndex, asParsedInt, asSsize } from '../../native/convert';
import { addressToPy, andThen, type Maybe } from './address';
import { callLabel, receiveWords, sendWords } from './describe';
import { asPyError, isWouldBlock } from './errors';
import type { SocketMethodSpec } from './method-kit';
import type { PySocket } from './socket-object';
import { blockingCall, deadlineFor, retryAfter, timeoutMsOf, waitReady, whileBlocked } from './wait';

// PyBytes_FromStringAndSize refuses sizes past PY_SSIZE_T_MAX minus its header (33 bytes).
const MAX_BYTES = (1n << 63n) - 1n - 33n;

function flagsOf(arg: PyObject | undefined): number {
  return arg === undefined ? 0 : asParsedInt(arg);
}

/** A recv size: CPython's checks for Py_ssize_t, negative sizes and impossible byte strings. */
function bufsizeOf(arg: PyObject, call: string): number {
  const size = asSsize(arg);
  if (size < 0) throw valueError(`negative buffersize in ${call}`);
  if (asIndex(arg) > MAX_BYTES) throw overflowError('byte string is too large');
  // sys/ reads what is waiting, never a buffer of this size: beyond 2**53 it is all the same.
  return Math.min(size, Number.MAX_SAFE_INTEGER);
}

/**
 * The bytearray of the *_into methods and how much of it to fill: nbytes 0 or left out means all of
 * it. `tooBig` is the method's own message for an nbytes past its end.
 */
function intoTarget(bufferArg: PyObject, sizeArg: PyObject | undefined, call: string, tooBig: string): { target: PyByteArray; size: number } {
  if (!(bufferArg instanceof PyByteArray)) {
    throw typeError(`${call}() argument 1 must be read-write bytes-like object, not ${bufferArg.type.name}`);
  }
  const size = sizeArg === undefined ? 0 : asSsize(sizeArg);
  if (size < 0) throw valueError(`negative buffersize in ${call}`);
  if (size > bufferArg.data.length) throw valueError(tooBig);
  return { target: bufferArg, size: size === 0 ? bufferArg.data.length : size };
}

/** A plain Uint8Array over the same memory (Buffer.slice would share memory where bytes code copies). */
function plain(data: Uint8Array): Uint8Array {
  return data.constructor === Uint8Array ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

// Where recv() reads. A small read (recv(1), recv(1024)) goes straight into a slice of a shared 8 KiB
// pool, the way Node's Buffer pool works: the bytes object is a view of it, with no copy and no
// allocation of its own. Reads up to 64 KiB go into one scratch buffer: a short result is copied out,
// a long one takes the scratch buffer over and a new one is made. Larger reads, and MSG_TRUNC (whose
// result may be longer than the buffer), use sys/ recv.
const POOL_SIZE = 8192;
const SMALL_READ = POOL_SIZE >>> 1;
let pool = new ArrayBuffer(POOL_SIZE);
let poolUsed = 0;

const SCRATCH_SIZE = 65536;
let scratch: Uint8Array | null = null;

function receiveSmall(fd: number, size: number, flags: number): Uint8Array {
  if (POOL_SIZE - poolUsed < size) {
    pool = new ArrayBuffer(POOL_SIZE);
    poolUsed = 0;
  }
  const view = new Uint8Array(pool, poolUsed, size);
  const n = sysRecvInto(fd, view, size, flags);
  // Only what was read is taken; the next read starts on an 8-byte boundary, as in Node's pool.
  poolUsed += (n + 7) & ~7;
  return n === size ? view : view.subarray(0, n);
}

function receive(fd: number, size: number, flags: number): Uint8Array {
  if ((flags & SYS.MSG_TRUNC) !== 0 || size > SCRATCH_SIZE) return plain(sysRecv(fd, size, flags));
  if (size < SMALL_READ) return receiveSmall(fd, size, flags);
  const buf = (scratch ??= plain(Buffer.allocUnsafeSlow(SCRATCH_SIZE)));
  const n = sysRecvInto(fd, buf, size, flags);
  if (n < SCRATCH_SIZE >>> 1) return buf.slice(0, n);
  scratch = null;
  return buf.subarray(0, n);
}

function fromText(addr: SockAddr | null): string | undefined {
  const text = addr === null ? '' : formatAddr(addr);
  return text === '' ? undefined : text;
}

function emitBytes(ctx: CallContext, data: Uint8Array, from: string | undefined): void {
  ctx.emit(from === undefined ? { type: 'bytes', label: ctx.callText, data } : { type: 'bytes', label: ctx.callText, data, from });
}

const isStream = (sock: PySocket): boolean => sock.sockType !== SYS.SOCK_DGRAM;

/** Sends what the kernel takes now, from `from` on; returns the new count, or -1 when it takes nothing. */
function sendFrom(sock: PySocket, data: Uint8Array, from: number, flags: number): number {
  let sent = from;
  do {
    try {
      sent += sysSend(sock.liveFd(), sent === 0 ? data : data.subarray(sent), flags);
    } catch (error) {
      if (!isWouldBlock(error) || sock.timeout === 0) throw asPyError(error);
      return sent === from ? -1 : sent;
    }
  } while (sent < data.length);
  return sent;
}

/**
 * Sends every byte of `data`, waiting for room in the send buffer as often as needed (sendall, and
 * send on a blocking stream socket, which the kernel does the same way). Resolves with the count.
 */
export function sendEverything(sock: PySocket, data: Uint8Array, flags: number, ctx: CallContext, name: string): Maybe<number> {
  const first = sendFrom(sock, data, 0, flags);
  if (first === data.length) return first;
  const deadline = deadlineFor(sock.timeout);
  let sent = Math.max(first, 0);
  return whileBlocked(ctx, sendWords(sock, callLabel(ctx.callText, name)), timeoutMsOf(sock.timeout), async () => {
    for (;;) {
      await waitReady(sock.env.reactor, sock.liveFd(), SYS.POLLOUT, deadline, ctx);
      sent = Math.max(sendFrom(sock, data, sent, flags), sent);
      if (sent === data.length) return sent;
    }
  });
}

/** recv's result: the bytes, reported to the screen with the peer they came from. */
function received(sock: PySocket, ctx: CallContext, data: Uint8Array): PyBytes {
  emitBytes(ctx, data, sock.peerText());
  return new PyBytes(data);
}

export const transferMethods: readonly SocketMethodSpec[] = [
  {
    name: 'send',
    style: 'tuple',
    params: ['data', 'flags?'],
    doc:
      'send(data[, flags]) -> int: hands bytes to the kernel to send and returns how many it took. On a ' +
      'blocking TCP socket that is all of them (it waits while the send buffer is full); with a timeout or ' +
      "non-blocking it may be fewer, so check the count or use sendall(). data must be bytes: send('hi') " +
      "fails; send('hi'.encode()) or send(b'hi') works. send(b'') sends nothing at all.",
    call: (sock, [dataArg, flagsArg], ctx) => {
      const data = asBytesLike(dataArg!);
      const flags = flagsOf(flagsArg);
      if (isStream(sock) && sock.timeout === null) return andThen(sendEverything(sock, data, flags, ctx, 'send'), newInt);
      const sent = blockingCall(sock, () => sysSend(sock.liveFd(), data, flags), SYS.POLLOUT, ctx, () =>
        sendWords(sock, callLabel(ctx.callText, 'send')),
      );
      return andThen(sent, newInt);
    },
  },
  {
    name: 'sendall',
    style: 'tuple',
    params: ['data', 'flags?'],
    doc:
      'sendall(data[, flags]) sends every byte of data, calling send as often as needed; it blocks while the ' +
      "peer's receive buffer and this socket's send buffer are full (the other side is not reading). " +
      'Returns None, or raises when an error (or the timeout) stops it part way.',
    call: (sock, [dataArg, flagsArg], ctx) => {
      const data = asBytesLike(dataArg!);
      const flags = flagsOf(flagsArg);
      return andThen(sendEverything(sock, data, flags, ctx, 'sendall'), () => None);
    },
  },
  {
    name: 'recv',
    style: 'tuple',
    params: ['bufsize', 'flags?'],
    doc:
      "recv(bufsize[, flags]) -> bytes: at most bufsize bytes that arrived, as soon as there are any. TCP " +
      "is a byte stream: one recv may return part of a send, or two sends glued together. b'' means the " +
      'peer closed the connection. It blocks until data arrives; on a TCP socket that is not connected it ' +
      'fails with "[Errno 107] Transport endpoint is not connected".',
    call: (sock, [sizeArg, flagsArg], ctx) => {
      const size = bufsizeOf(sizeArg!, 'recv');
      const flags = flagsOf(flagsArg);
      if (size === 0) return new PyBytes(new Uint8Array(0));
      let buf: Uint8Array;
      try {
        buf = receive(sock.liveFd(), size, flags);
      } catch (error) {
        const retry = () => receive(sock.liveFd(), size, flags);
        return retryAfter(error, sock, retry, SYS.POLLIN, ctx, () => receiveWords(sock, callLabel(ctx.callText, 'recv'))).then((later) =>
          received(sock, ctx, later),
        );
      }
      return received(sock, ctx, buf);
    },
  },
  {
    name: 'recvfrom',
    style: 'tuple',
    params: ['bufsize', 'flags?'],
    doc:
      'recvfrom(bufsize[, flags]) -> (bytes, address): the next datagram and who sent it, for UDP servers ' +
      'that reply with sendto(data, address). A datagram longer than bufsize is cut off and the rest is ' +
      'lost. It blocks until a datagram arrives.',
    call: (sock, [sizeArg, flagsArg], ctx) => {
      const size = bufsizeOf(sizeArg!, 'recvfrom');
      const flags = flagsOf(flagsArg);
      const got = blockingCall(sock, () => sysRecvfrom(sock.liveFd(), size, flags), SYS.POLLIN, ctx, () =>
        receiveWords(sock, callLabel(ctx.callText, 'recvfrom')),
      );
      return andThen(got, ({ data: buf, addr }) => {
        const data = plain(buf);
        emitBytes(ctx, data, fromText(addr));
        return newTuple([new PyBytes(data), addressToPy(addr, sock.family)]);
      });
    },
  },
  {
    name: 'recv_into',
    style: 'clinic',
    params: ['buffer', 'nbytes?', 'flags?'],
    doc:
      'recv_into(buffer[, nbytes[, flags]]) -> int: like recv, but writes into a bytearray you made ' +
      '(at most nbytes, default its length) and returns how many bytes it wrote.',
    call: (sock, [bufferArg, sizeArg, flagsArg], ctx) => {
      const { target, size } = intoTarget(bufferArg!, sizeArg, 'recv_into', 'buffer too small for requested bytes');
      const flags = flagsOf(flagsArg);
      if (size === 0) return newInt(0);
      const got = blockingCall(sock, () => sysRecvInto(sock.liveFd(), target.data, size, flags), SYS.POLLIN, ctx, () =>
        receiveWords(sock, callLabel(ctx.callText, 'recv_into')),
      );
      return andThen(got, (n) => {
        emitBytes(ctx, target.data.slice(0, Math.min(n, size)), sock.peerText());
        return newInt(n);
      });
    },
  },
  {
    name: 'recvfrom_into',
    style: 'clinic',
    params: ['buffer', 'nbytes?', 'flags?'],
    doc:
      'recvfrom_into(buffer[, nbytes[, flags]]) -> (int, address): like recvfrom, but writes into a ' +
      'bytearray you made and returns how many bytes it wrote and who sent them.',
    call: (sock, [bufferArg, sizeArg, flagsArg], ctx) => {
      const { target, size } = intoTarget(bufferArg!, sizeArg, 'recvfrom_into', 'nbytes is greater than the length of the buffer');
      const flags = flagsOf(flagsArg);
      const got = blockingCall(sock, () => sysRecvfromInto(sock.liveFd(), target.data, size, flags), SYS.POLLIN, ctx, () =>
        receiveWords(sock, callLabel(ctx.callText, 'recvfrom_into')),
      );
      return andThen(got, ({ n, addr }) => {
        emitBytes(ctx, target.data.slice(0, Math.min(n, size)), fromText(addr));
        return newTuple([newInt(n), addressToPy(addr, sock.family)]);
      });
    },
  },
];
