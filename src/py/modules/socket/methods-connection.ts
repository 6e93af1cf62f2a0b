// socket.socket methods that set up and tear down connections: bind, listen, accept, connect,
// connect_ex, shutdown, close, detach, fileno, getsockname, getpeername.
import {
  ERRNO,
  SYS,
  accept as sysAccept,
  bind as sysBind,
  connect as sysConnect,
  getpeername,
  getsockname,
  listen as sysListen,
  shutdown as sysShutdown,
  SysError,
  type SockAddr,
} from '../../../sys';
import type { CallContext } from '../../events';
import { None } from '../../objects/none';
import { PyInt, newInt } from '../../objects/int';
import { newTuple } from '../../objects/tuple';
import { OSError, PyException, TimeoutError } from '../../exceptions/classes';
import { asCInt, asParsedInt } from '../../native/convert';
import { addressToPy, parseAddress, andThen, type Maybe } from './address';
import { acceptWords, callLabel, connectWords } from './describe';
import { asPyError, isInProgress, isWouldBlock } from './errors';
import type { SocketMethodSpec } from './method-kit';
import { PySocket } from './socket-object';
import { blockingCall, deadlineFor, timeoutMsOf, waitReady, whileBlocked } from './wait';

function rememberPeer(sock: PySocket): void {
  try {
    sock.peer = getpeername(sock.liveFd());
  } catch {
    sock.peer = null;
  }
}

/**
 * connect(2) again on a connect in progress: the kernel answers with the outcome (EISCONN once
 * connected, or the error that ended the attempt) and, unlike reading SO_ERROR, returns the socket to
 * the state a failed blocking connect leaves it in, so the learner's next connect() behaves as in CPython.
 * Returns false while the handshake is still going on.
 */
function connectOutcome(sock: PySocket, to: SockAddr): boolean {
  try {
    sysConnect(sock.liveFd(), to);
    return true;
  } catch (error) {
    if (error instanceof SysError && error.errno === ERRNO.EISCONN) return true;
    if (error instanceof SysError && (error.errno === ERRNO.EALREADY || error.errno === ERRNO.EINPROGRESS)) return false;
    throw asPyError(error);
  }
}

/** Waits for a connect in progress to finish. */
async function finishConnect(sock: PySocket, to: SockAddr, ctx: CallContext, name: string): Promise<void> {
  const reactor = sock.env.reactor;
  // The loopback handshake is usually over by now: look once before telling anyone we wait.
  const now = await reactor.wait(sock.liveFd(), SYS.POLLOUT, { timeoutMs: 0 });
  if (now !== 'timeout' && connectOutcome(sock, to)) return;
  const deadline = deadlineFor(sock.timeout);
  const words = connectWords(to, callLabel(ctx.callText, name));
  await whileBlocked(ctx, words, timeoutMsOf(sock.timeout), async () => {
    for (;;) {
      await waitReady(reactor, sock.liveFd(), SYS.POLLOUT, deadline, ctx);
      if (connectOutcome(sock, to)) return;
    }
  });
}

/** connect(2) with CPython's waiting rules: resolves when connected, or throws the Python exception. */
export function connectTo(sock: PySocket, to: SockAddr, ctx: CallContext, name: string): Maybe<void> {
  try {
    sysConnect(sock.liveFd(), to);
  } catch (error) {
    if (isInProgress(error) && sock.timeout !== 0) return finishConnect(sock, to, ctx, name).then(() => rememberPeer(sock));
    // A full AF_UNIX backlog answers EAGAIN: a blocking connect waits and tries again.
    if (isWouldBlock(error) && sock.timeout !== 0) {
      const retry = () => sysConnect(sock.liveFd(), to);
      return andThen(
        blockingCall(sock, retry, SYS.POLLOUT, ctx, () => connectWords(to, callLabel(ctx.callText, name))),
        () => rememberPeer(sock),
      );
    }
    throw asPyError(error);
  }
  rememberPeer(sock);
}

/** connect_ex's result for a failed connect: the errno (EWOULDBLOCK for a timeout); others rethrown. */
function errnoOf(error: unknown): number {
  const py = asPyError(error);
  if (py instanceof PyException && py.exc.type.isSubtypeOf(OSError)) {
    const errno = py.exc.slot('errno');
    if (errno instanceof PyInt) return Number(errno.value);
    if (py.exc.type === TimeoutError) return ERRNO.EWOULDBLOCK;
  }
  throw py;
}

export const connectionMethods: readonly SocketMethodSpec[] = [
  {
    name: 'bind',
    style: 'one',
    params: ['address'],
    doc:
      'bind(address) gives the socket its local address, a (host, port) tuple such as (\'127.0.0.1\', 9999) ' +
      "(a 4-tuple for IPv6). Servers bind; clients usually let connect() pick a port. Host '' means every " +
      'interface, port 0 lets the kernel choose. Returns None. The classic mistake is passing two arguments ' +
      'instead of one tuple; a port in use gives "[Errno 98] Address already in use".',
    call: (sock, [address], ctx) =>
      andThen(parseAddress(sock.family, address!, 'bind', ctx), (addr) => {
        sysBind(sock.liveFd(), addr);
        return None;
      }),
  },
  {
    name: 'listen',
    style: 'tuple',
    params: ['backlog?'],
    doc:
      'listen([backlog]) turns a bound TCP socket into a listening one: from now on the kernel completes ' +
      'handshakes with clients by itself and queues up to backlog of them until accept() takes them ' +
      '(without an argument, min(SOMAXCONN, 128)). Returns None at once; it never waits.',
    call: (sock, [backlogArg]) => {
      let backlog = backlogArg === undefined ? Math.min(SYS.SOMAXCONN, 128) : asParsedInt(backlogArg);
      if (backlog < 0) backlog = 0;
      sysListen(sock.liveFd(), backlog);
      sock.env.registry.listened(sock.entry, backlog);
      return None;
    },
  },
  {
    name: 'accept',
    style: 'python',
    flavor: 'python',
    doc:
      'accept() -> (conn, address): takes the next client from the listening socket\'s queue and returns a ' +
      'NEW socket for talking to that client, plus its (host, port). It blocks until a client connects. ' +
      'The listening socket keeps listening; send and recv on conn, not on the listening socket. On a ' +
      'socket that is not listening it fails with "[Errno 22] Invalid argument".',
    call: (sock, _args, ctx) => {
      const accepted = blockingCall(sock, () => sysAccept(sock.liveFd()), SYS.POLLIN, ctx, () =>
        acceptWords(sock, callLabel(ctx.callText, 'accept')),
      );
      return andThen(accepted, ({ fd, addr }) => {
        const conn = new PySocket(sock.type, sock.env, fd, sock.family, sock.sockType, sock.proto, sock.env.defaultTimeout);
        conn.peer = addr;
        return newTuple([conn, addressToPy(addr, sock.family)]);
      });
    },
  },
  {
    name: 'connect',
    style: 'one',
    params: ['address'],
    doc:
      'connect(address) opens a connection to a server at (host, port): the kernel picks a local port and ' +
      'does the TCP handshake. It blocks until the server\'s kernel answers. Returns None. Nobody listening ' +
      'gives ConnectionRefusedError; on a UDP socket it only sets the default destination.',
    call: (sock, [address], ctx) =>
      andThen(parseAddress(sock.family, address!, 'connect', ctx), (to) => andThen(connectTo(sock, to, ctx, 'connect'), () => None)),
  },
  {
    name: 'connect_ex',
    style: 'one',
    params: ['address'],
    doc:
      'connect_ex(address) is connect() that returns an error number instead of raising: 0 when connected, ' +
      '111 (ECONNREFUSED) when nobody listens, 11 when the timeout ran out. Handy for checking whether a ' +
      'port is open. Errors in the address itself still raise.',
    call: (sock, [address], ctx) =>
      andThen(parseAddress(sock.family, address!, 'connect_ex', ctx), (to) => {
        try {
          const done = connectTo(sock, to, ctx, 'connect_ex');
          if (done instanceof Promise) return done.then(() => newInt(0), (error: unknown) => newInt(errnoOf(error)));
          return newInt(0);
        } catch (error) {
          return newInt(errnoOf(error));
        }
      }),
  },
  {
    name: 'shutdown',
    style: 'one',
    params: ['how'],
    doc:
      'shutdown(how) ends one direction of a connection without closing the socket: SHUT_WR sends a FIN ' +
      "(the peer's recv returns b'') while you can still receive; SHUT_RD stops receiving; SHUT_RDWR both. " +
      'Returns None.',
    call: (sock, [how]) => {
      const value = asCInt(how!);
      sysShutdown(sock.liveFd(), value);
      return None;
    },
  },
  {
    name: 'close',
    style: 'python',
    flavor: 'python',
    doc:
      'close() releases the socket: the kernel sends a FIN to the peer (whose recv then returns b\'\') and ' +
      'the fd is freed. Any call on it afterwards gives "[Errno 9] Bad file descriptor"; a second close() ' +
      'is fine. In socklab `del s` does not close a socket: it stays open until close() or the end of ' +
      'the session.',
    call: (sock) => {
      sock.closeNow();
      return None;
    },
  },
  {
    name: 'detach',
    style: 'python',
    flavor: 'python',
    doc:
      'detach() -> fd: the socket object lets go of its file descriptor without closing it and returns the ' +
      'number; socket.socket(fileno=fd) can wrap it again. socklab closes a detached fd when the session ends.',
    call: (sock) => newInt(sock.detachFd()),
  },
  {
    name: 'fileno',
    style: 'noargs',
    doc: "fileno() -> int: the socket's file descriptor number in this process (-1 once closed).",
    call: (sock) => newInt(sock.fd),
  },
  {
    name: 'getsockname',
    style: 'noargs',
    doc:
      "getsockname() -> address: this socket's own address, e.g. ('127.0.0.1', 9999). Before bind or " +
      "connect it is ('0.0.0.0', 0); after connect it shows the port the kernel picked.",
    call: (sock) => addressToPy(getsockname(sock.liveFd()), sock.family),
  },
  {
    name: 'getpeername',
    style: 'noargs',
    doc:
      "getpeername() -> address: the address of the other end of a connection. On a socket that is not " +
      'connected (a listening socket, a fresh one) it fails with "[Errno 107] Transport endpoint is not connected".',
    call: (sock) => addressToPy(getpeername(sock.liveFd()), sock.family),
  },
];
