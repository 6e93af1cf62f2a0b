// The `socket` module of one session: the socket class, the functions, the constants and the
// exceptions, under the names CPython 3.11 gives them.
import type { PyObject } from '../../objects/object';
import { PyModule } from '../../objects/module';
import { None } from '../../objects/none';
import { True } from '../../objects/int';
import { newStr } from '../../objects/str';
import { PyList } from '../../objects/list';
import { OSError, TimeoutError } from '../../exceptions/classes';
import { checkedFunction } from '../../native/define';
import { AddressFamily, AddressInfo, MsgFlag, SocketKind, socketConstants } from './constants';
import { gaierror, herror } from './errors';
import { connectFunctions } from './functions-connect';
import { convertFunctions } from './functions-convert';
import { resolveFunctions } from './functions-resolve';
import { timeoutOf, timeoutToPy } from './methods-options';
import { defineSocketClass } from './socket-class';
import type { SocketEnv } from './socket-object';

/** Where CPython 3.11's socket module lives on a Debian or Ubuntu system (its repr shows it). */
export const SOCKET_MODULE_FILE = '/usr/lib/python3.11/socket.py';

const MODULE_DOC =
  'Sockets: socket() makes one, and its methods bind, listen, accept, connect, send, recv ... each run ' +
  'on a real socket of the kernel. Also name resolution (getaddrinfo, gethostbyname), the shortcuts ' +
  'create_connection and create_server, and the constants (AF_INET, SOCK_STREAM, SOL_SOCKET, ...).';

// Left out of __all__ (and so of `from socket import *`) as in CPython: the two flag enums.
const NOT_EXPORTED = new Set(['MsgFlag', 'AddressInfo']);

function timeoutFunctions(env: SocketEnv) {
  return [
    checkedFunction({
      name: 'getdefaulttimeout',
      module: 'socket',
      style: 'noargs',
      signature: { qualname: '_socket.getdefaulttimeout' },
      doc: 'getdefaulttimeout() -> float or None: the timeout new sockets start with (None: they block).',
      call: () => timeoutToPy(env.defaultTimeout),
    }),
    checkedFunction({
      name: 'setdefaulttimeout',
      module: 'socket',
      style: 'one',
      params: ['timeout'],
      signature: { qualname: '_socket.setdefaulttimeout' },
      doc: 'setdefaulttimeout(seconds): the timeout every socket made from now on starts with (None: block forever).',
      call: ([timeout]) => {
        env.defaultTimeout = timeoutOf(timeout!);
        return None;
      },
    }),
    checkedFunction({
      name: 'has_dualstack_ipv6',
      flavor: 'python',
      module: 'socket',
      style: 'python',
      doc: 'has_dualstack_ipv6() -> bool: whether one AF_INET6 socket can accept both IPv4 and IPv6 clients (True on Linux).',
      call: () => True,
    }),
  ];
}

export function buildSocketModule(env: SocketEnv): PyModule {
  const module = new PyModule('socket', { file: SOCKET_MODULE_FILE, doc: MODULE_DOC });
  const cls = defineSocketClass(env);
  const names = new Map<string, PyObject>([
    ['socket', cls],
    ['error', OSError],
    ['timeout', TimeoutError],
    ['gaierror', gaierror],
    ['herror', herror],
    ['AddressFamily', AddressFamily.type],
    ['SocketKind', SocketKind.type],
    ['MsgFlag', MsgFlag.type],
    ['AddressInfo', AddressInfo.type],
    ['has_ipv6', True],
  ]);
  for (const fn of [...resolveFunctions(), ...connectFunctions(cls, env), ...convertFunctions(), ...timeoutFunctions(env)]) {
    names.set(fn.name, fn);
  }
  for (const [name, value] of socketConstants()) names.set(name, value);
  for (const [name, value] of names) module.set(name, value);
  const exported = [...names.keys()].filter((n) => !NOT_EXPORTED.has(n));
  module.set('__all__', new PyList(exported.map(newStr)));
  return module;
}
