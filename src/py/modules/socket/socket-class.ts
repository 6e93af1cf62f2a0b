// The socket.socket class of one session: constructor, repr, attributes and methods. Each session
// gets its own class object, so `socket.socket(...)` knows which registry records the new socket.
import { ERRNO, SYS, getpeername, getsockname, getsockoptInt, socket as sysSocket, type SockAddr } from '../../../sys';
import type { Kwargs, PyObject, PyType } from '../../objects/object';
import { None } from '../../objects/none';
import { newInt } from '../../objects/int';
import { defineMethod } from '../../objects/function';
import { isTruthy } from '../../ops/basic';
import { str } from '../../ops/repr';
import { osError } from '../../exceptions/oserror';
import { attributeError, valueError } from '../../exceptions/raise';
import { parseArgs, sig } from '../../native/args';
import { asCInt } from '../../native/convert';
import { defineNativeClass } from '../../native/native-class';
import { addressToPy } from './address';
import { AddressFamily, SocketKind, enumOrInt } from './constants';
import { asPyError } from './errors';
import { guarded } from './method-kit';
import { connectionMethods } from './methods-connection';
import { optionMethods, timeoutToPy } from './methods-options';
import { rawMethods } from './methods-raw';
import { transferMethods } from './methods-transfer';
import { PySocket, type SocketEnv } from './socket-object';

const SUPPORTED_FAMILIES = new Set([SYS.AF_INET, SYS.AF_INET6, SYS.AF_UNIX]);
const TYPE_FLAGS = SYS.SOCK_NONBLOCK | SYS.SOCK_CLOEXEC;
const INIT = sig('__init__', 'python', ['family?', 'type?', 'proto?', 'fileno?'], { qualname: 'socket.__init__', method: true });

const CLASS_DOC =
  'socket(family=AF_INET, type=SOCK_STREAM, proto=0) makes a new socket: AF_INET for IPv4 or AF_INET6 ' +
  'for IPv6, SOCK_STREAM for TCP or SOCK_DGRAM for UDP. It connects nothing yet: a server then calls ' +
  'bind, listen and accept; a client calls connect (TCP) or sendto (UDP). Every call runs on a real ' +
  'socket of the kernel. In socklab a socket stays open until close() or the end of the session, even ' +
  'after `del`.';

/** proto and timeout belong to the C type in CPython (a member and a getset), each with its own error. */
function readOnlyMember(name: string): never {
  const message = name === 'proto' ? 'readonly attribute' : `attribute '${name}' of '_socket.socket' objects is not writable`;
  throw attributeError(message, null, null);
}

function intArg(arg: PyObject | undefined): number {
  return arg === undefined ? -1 : asCInt(arg);
}

function construct(cls: PyType, env: SocketEnv, args: PyObject[], kwargs: Kwargs): PySocket {
  const [familyArg, typeArg, protoArg, filenoArg] = parseArgs(INIT, args, kwargs);
  let family = intArg(familyArg);
  let type = intArg(typeArg);
  let proto = intArg(protoArg);
  if (filenoArg !== undefined && filenoArg !== None) return adopt(cls, env, filenoArg, family, type, proto);
  if (family === -1) family = SYS.AF_INET;
  if (type === -1) type = SYS.SOCK_STREAM;
  if (proto === -1) proto = 0;
  return createSocket(cls, env, family, type, proto);
}

/** A new socket of the session's class: socket(2), then the Python-level mode from the type flags. */
export function createSocket(cls: PyType, env: SocketEnv, family: number, type: number, proto: number): PySocket {
  // The address codecs know these families; others are refused as the kernel refuses unknown ones.
  if (!SUPPORTED_FAMILIES.has(family)) throw osError(ERRNO.EAFNOSUPPORT);
  let fd: number;
  try {
    fd = sysSocket(family, type, proto);
  } catch (error) {
    throw asPyError(error);
  }
  const timeout = (type & SYS.SOCK_NONBLOCK) !== 0 ? 0 : env.defaultTimeout;
  return new PySocket(cls, env, fd, family, type & ~TYPE_FLAGS, proto, timeout);
}

/** socket(fileno=fd): only an fd that detach() gave out in this session can be wrapped again. */
function adopt(cls: PyType, env: SocketEnv, filenoArg: PyObject, family: number, type: number, proto: number): PySocket {
  const fd = asCInt(filenoArg);
  if (fd < 0) throw valueError('negative file descriptor');
  if (!env.registry.takeDetached(fd)) throw osError(ERRNO.EBADF);
  const kernel = kernelKind(fd);
  return new PySocket(
    cls,
    env,
    fd,
    family === -1 ? kernel.family : family,
    (type === -1 ? kernel.type : type) & ~TYPE_FLAGS,
    proto === -1 ? kernel.proto : proto,
    env.defaultTimeout,
  );
}

/** What the kernel says the fd is (SO_DOMAIN, SO_TYPE, SO_PROTOCOL), as CPython asks when given only an fd. */
function kernelKind(fd: number): { family: number; type: number; proto: number } {
  try {
    return {
      family: getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_DOMAIN),
      type: getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_TYPE),
      proto: getsockoptInt(fd, SYS.SOL_SOCKET, SYS.SO_PROTOCOL),
    };
  } catch (error) {
    throw asPyError(error);
  }
}

function addressPart(label: string, read: () => SockAddr | null, family: number): string {
  try {
    const value = addressToPy(read(), family);
    return isTruthy(value) ? `, ${label}=${str(value)}` : '';
  } catch {
    return '';
  }
}

/** CPython's socket.__repr__: laddr and raddr when the kernel has them. */
function socketRepr(obj: PyObject): string {
  const sock = obj as PySocket;
  let text = `<socket.socket${sock.closed ? ' [closed]' : ''} fd=${sock.fd}, family=${sock.family}, type=${sock.sockType}, proto=${sock.proto}`;
  if (!sock.closed && sock.fd >= 0) {
    const fd = sock.fd;
    text += addressPart('laddr', () => getsockname(fd), sock.family);
    text += addressPart('raddr', () => getpeername(fd), sock.family);
  }
  return `${text}>`;
}

export function defineSocketClass(env: SocketEnv): PyType {
  const type = defineNativeClass({
    name: 'socket',
    module: 'socket',
    doc: CLASS_DOC,
    construct: (cls, args, kwargs) => construct(cls, env, args, kwargs),
    repr: socketRepr,
    methods: [...connectionMethods, ...transferMethods, ...optionMethods].map(guarded),
    properties: [
      {
        name: 'family',
        doc: 'The address family: AF_INET (IPv4), AF_INET6 (IPv6) or AF_UNIX.',
        get: (self) => enumOrInt(AddressFamily, (self as PySocket).family),
      },
      {
        name: 'type',
        doc: 'The socket type: SOCK_STREAM (TCP) or SOCK_DGRAM (UDP).',
        get: (self) => enumOrInt(SocketKind, (self as PySocket).sockType),
      },
      {
        name: 'proto',
        doc: 'The protocol number (0: the default for the family and type).',
        get: (self) => newInt((self as PySocket).proto),
        set: () => readOnlyMember('proto'),
      },
      {
        name: 'timeout',
        doc: 'The timeout in seconds, None in blocking mode, 0.0 in non-blocking mode (see settimeout).',
        get: (self) => timeoutToPy((self as PySocket).timeout),
        set: () => readOnlyMember('timeout'),
      },
    ],
  });
  for (const method of rawMethods) defineMethod(type, method);
  return type;
}
