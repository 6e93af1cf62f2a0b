// Receiving one datagram on a peer's UDP socket: recvfrom, retried after the reactor says the fd is
// readable, the wait bounded or tied to a signal. Failures are values, not throws.
import { ERRNO, SYS, SysError, recvfrom, type Reactor, type SockAddr } from '../../sys';
import type { PeerSocket } from './socket-book';
import type { IoFailure } from './stream-io';
import { waitFd } from './waits';

export async function receiveDatagram(
  reactor: Reactor,
  sock: PeerSocket,
  max: number,
  timeoutMs: number | null,
  signal: AbortSignal,
): Promise<{ ok: true; data: Buffer; from: SockAddr | null } | IoFailure> {
  const deadline = timeoutMs === null ? Infinity : performance.now() + timeoutMs;
  for (;;) {
    if (sock.closed) return { ok: false, why: 'closed' };
    try {
      const got = recvfrom(sock.fd, max);
      return { ok: true, data: got.data, from: got.addr };
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      if (e.errno === ERRNO.EBADF) return { ok: false, why: 'closed' };
      if (e.errno !== ERRNO.EAGAIN) return { ok: false, why: 'error', error: e };
    }
    const left = deadline === Infinity ? null : Math.max(0, deadline - performance.now());
    const waited = await waitFd(reactor, sock.fd, SYS.POLLIN, left, signal);
    if (sock.closed) return { ok: false, why: 'closed' };
    if (!waited.ok) return waited;
  }
}

