// socket.create_connection and socket.create_server, step for step as CPython 3.11's socket.py writes
// them, except that a socket made by a call that then fails is always closed (no fd ever leaks).
import { SYS, bind as sysBind, listen as sysListen, setsockoptInt } from '../../../sys';
import type { PyObject, PyType } from '../../objects/object';
import { None } from '../../objects/none';
import { PyInt } from '../../objects/int';
import { newStr } from '../../objects/str';
import type { PyNativeFunction } from '../../objects/function';
import { isTruthy } from '../../ops/basic';
import { collect, isIterable } from '../../ops/iter';
import { repr, str } from '../../ops/repr';
import { OSError, PyException, instantiateException } from '../../exceptions/classes';
import { typeError, valueError } from '../../exceptions/raise';
import { asCInt, asParsedInt } from '../../native/convert';
import { checkedFunction } from '../../native/define';
import { parseAddress } from './address';
import { asPyError, plainOSError } from './errors';
import { lookup } from './functions-resolve';
import { connectTo } from './methods-connection';
import { timeoutOf } from './methods-options';
import { createSocket } from './socket-class';
import type { PySocket, SocketEnv } from './socket-object';

/** `host, port = address`, with the unpacking errors Python gives. */
async function unpackPair(address: PyObject): Promise<[PyObject, PyObject]> {
  if (!isIterable(address)) throw typeError(`cannot unpack non-iterable ${address.type.name} object`);
  const items = await collect(address);
  if (items.length > 2) throw valueError('too many values to unpack (expected 2)');
  if (items.length < 2) throw valueError(`not enough values to unpack (expected 2, got ${items.length})`);
  return [items[0] as PyObject, items[1] as PyObject];
}

function isOSError(error: unknown): error is PyException {
  return error instanceof PyException && error.exc.type.isSubtypeOf(OSError);
}

function closeQuietly(sock: PySocket | null): void {
  try {
    sock?.closeNow();
  } catch {
    // The failure being reported matters more than one from close().
  }
}

/** create_server's bind error: `[Errno 98] Address already in use (while attempting to bind on address ...)`. */
function bindFailure(error: PyException, address: PyObject): PyException {
  const message = `${str(error.exc.slot('strerror'))} (while attempting to bind on address ${repr(address)})`;
  return new PyException(instantiateException(OSError, [error.exc.slot('errno'), newStr(message)]));
}

function listenBacklog(arg: PyObject | undefined): number {
  const backlog = arg === undefined || arg === None ? Math.min(SYS.SOMAXCONN, 128) : asParsedInt(arg);
  return backlog < 0 ? 0 : backlog;
}

export function connectFunctions(cls: PyType, env: SocketEnv): PyNativeFunction[] {
  return [
    checkedFunction({
      name: 'create_connection',
      flavor: 'python',
      module: 'socket',
      style: 'python',
      params: ['address', 'timeout?', 'source_address?', '*all_errors?'],
      doc:
        'create_connection((host, port), timeout=..., source_address=None) -> socket: the client side in one ' +
        'call: resolves host, makes a TCP socket for each address found and connects it, returning the first ' +
        'that connects. It blocks during the handshake. Nobody listening raises ConnectionRefusedError; an ' +
        'unknown host raises socket.gaierror.',
      call: async ([address, timeoutArg, sourceArg], ctx) => {
        const [host, port] = await unpackPair(address!);
        const found = await lookup(ctx, 'create_connection', host, port, 0, SYS.SOCK_STREAM);
        let last: PyException | null = null;
        for (const ai of found) {
          let sock: PySocket | null = null;
          try {
            sock = createSocket(cls, env, ai.family, ai.type, ai.protocol);
            if (timeoutArg !== undefined) sock.timeout = timeoutOf(timeoutArg);
            if (sourceArg !== undefined && isTruthy(sourceArg)) sysBind(sock.liveFd(), await parseAddress(ai.family, sourceArg, 'bind', ctx));
            await connectTo(sock, ai.addr, ctx, 'create_connection');
            return sock;
          } catch (error) {
            closeQuietly(sock);
            const py = asPyError(error);
            if (!isOSError(py)) throw py;
            last = py;
          }
        }
        throw last ?? plainOSError('getaddrinfo returns an empty list');
      },
    }),
    checkedFunction({
      name: 'create_server',
      flavor: 'python',
      module: 'socket',
      style: 'python',
      params: ['address', '*family?', '*backlog?', '*reuse_port?', '*dualstack_ipv6?'],
      doc:
        'create_server(address, *, family=AF_INET, backlog=None, reuse_port=False, dualstack_ipv6=False) -> ' +
        'socket: the server side in one call: a TCP socket with SO_REUSEADDR set, bound to address and ' +
        'listening. A port in use raises "[Errno 98] Address already in use (while attempting to bind on ' +
        'address ...)".',
      call: async ([address, familyArg, backlogArg, reusePort, dualstack], ctx) => {
        const dual = dualstack !== undefined && isTruthy(dualstack);
        const familyIs6 = familyArg instanceof PyInt && familyArg.value === BigInt(SYS.AF_INET6);
        if (dual && !familyIs6) throw valueError('dualstack_ipv6 requires AF_INET6 family');
        const family = familyArg === undefined ? SYS.AF_INET : asCInt(familyArg);
        const sock = createSocket(cls, env, family, SYS.SOCK_STREAM, 0);
        try {
          const fd = sock.liveFd();
          try {
            setsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_REUSEADDR, 1);
          } catch {
            // As in CPython: a system without the option fails later, at bind.
          }
          if (reusePort !== undefined && isTruthy(reusePort)) setsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_REUSEPORT, 1);
          if (family === SYS.AF_INET6) setsockoptInt(fd, SYS.IPPROTO_IPV6, SYS.IPV6_V6ONLY, dual ? 0 : 1);
          try {
            sysBind(fd, await parseAddress(family, address!, 'bind', ctx));
          } catch (error) {
            const py = asPyError(error);
            throw isOSError(py) ? bindFailure(py, address!) : py;
          }
          const backlog = listenBacklog(backlogArg);
          sysListen(fd, backlog);
          sock.env.registry.listened(sock.entry, backlog);
          return sock;
        } catch (error) {
          closeQuietly(sock);
          throw asPyError(error);
        }
      },
    }),
  ];
}
