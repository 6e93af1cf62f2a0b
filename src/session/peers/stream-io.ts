// Sending and receiving on one peer connection: the non-blocking syscalls of sys/, retried after the
// reactor says the fd is ready, each wait bounded or tied to a signal. Failures are values, not throws.
import { ERRNO, SYS, SysError, recv, send, type Reactor } from '../../sys';
import type { PeerSocket } from './socket-book';
import { waitFd } from './waits';

export type IoFailure = { ok: false; why: 'timeout' | 'aborted' | 'closed' } | { ok: false; why: 'error'; error: SysError };

const closedFailure: IoFailure = { ok: false, why: 'closed' };

/** A SysError other than "not yet" becomes a failure; anything that is not a SysError is a bug: thrown. */
function failure(e: unknown): IoFailure | 'again' {
  if (!(e instanceof SysError)) throw e;
  if (e.errno === ERRNO.EAGAIN) return 'again';
  // EBADF: the fd was closed by another action while this one waited.
  if (e.errno === ERRNO.EBADF) return closedFailure;
  return { ok: false, why: 'error', error: e };
}

function remaining(deadline: number): number | null {
  return deadline === Infinity ? null : Math.max(0, deadline - performance.now());
}

/**
 * The next data on the connection, up to `max` bytes; an empty Buffer at end of stream. Waits at most
 * `timeoutMs` (null: until data, end of stream, a close or the signal).
 */
export async function receive(
  reactor: Reactor,
  sock: PeerSocket,
  max: number,
  timeoutMs: number | null,
  signal: AbortSignal,
): Promise<{ ok: true; data: Buffer } | IoFailure> {
  const deadline = timeoutMs === null ? Infinity : performance.now() + timeoutMs;
  for (;;) {
    if (sock.closed) return closedFailure;
    try {
      return { ok: true, data: recv(sock.fd, max) };
    } catch (e) {
      const f = failure(e);
      if (f !== 'again') return f;
    }
    const waited = await waitFd(reactor, sock.fd, SYS.POLLIN, remaining(deadline), signal);
    if (sock.closed) return closedFailure;
    if (!waited.ok) return waited;
  }
}

/**
 * One send(): waits (at most `timeoutMs`) until the kernel takes some bytes, and returns how many it
 * took, which may be fewer than given.
 */
export async function sendOnce(
  reactor: Reactor,
  sock: PeerSocket,
  data: Uint8Array,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<{ ok: true; sent: number } | IoFailure> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (sock.closed) return closedFailure;
    try {
      return { ok: true, sent: send(sock.fd, data) };
    } catch (e) {
      const f = failure(e);
      if (f !== 'again') return f;
    }
    const waited = await waitFd(reactor, sock.fd, SYS.POLLOUT, remaining(deadline), signal);
    if (sock.closed) return closedFailure;
    if (!waited.ok) return waited;
  }
}

export interface SendAllResult {
  sent: number;
  failure: IoFailure | null;
}

/**
 * Sends every byte, waiting for room as often as needed; gives up when the other side takes nothing
 * for `stallMs` (it is not reading), saying how much went out.
 */
export async function sendAll(
  reactor: Reactor,
  sock: PeerSocket,
  data: Uint8Array,
  stallMs: number,
  signal: AbortSignal,
): Promise<SendAllResult> {
  let sent = 0;
  do {
    const once = await sendOnce(reactor, sock, data.subarray(sent), stallMs, signal);
    if (!once.ok) return { sent, failure: once };
    sent += once.sent;
  } while (sent < data.length);
  return { sent, failure: null };
}

const FLOOD_CHUNK = Buffer.alloc(1 << 16, 0x78);

/** Sends up to `count` bytes of b'x' as long as the kernel takes them, never waiting. */
export function flood(sock: PeerSocket, count: number): { sent: number; error: SysError | null } {
  let sent = 0;
  while (sent < count && !sock.closed) {
    try {
      sent += send(sock.fd, FLOOD_CHUNK.subarray(0, Math.min(FLOOD_CHUNK.length, count - sent)));
    } catch (e) {
      const f = failure(e);
      if (f === 'again') break;
      return { sent, error: f.why === 'error' ? f.error : null };
    }
  }
  return { sent, error: null };
}

/**
 * What is waiting unread, read now without waiting (at most `limit` bytes). Closing a socket with
 * unread data makes the kernel reset the connection, so a server reads it before a polite close.
 */
export function drainUnread(sock: PeerSocket, limit: number): Buffer[] {
  const chunks: Buffer[] = [];
  let total = 0;
  while (!sock.closed && total < limit) {
    let data: Buffer;
    try {
      data = recv(sock.fd, Math.min(1 << 16, limit - total));
    } catch {
      break;
    }
    if (data.length === 0) break;
    chunks.push(data);
    total += data.length;
  }
  return chunks;
}
