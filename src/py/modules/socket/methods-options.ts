// socket.socket methods for options and modes: getsockopt, setblocking, getblocking, settimeout,
// gettimeout (setsockopt parses its own arguments: methods-raw.ts).
import { getsockoptBytes, getsockoptInt } from '../../../sys';
import type { PyObject } from '../../objects/object';
import { None } from '../../objects/none';
import { newBool, newInt } from '../../objects/int';
import { newFloat } from '../../objects/float';
import { PyBytes } from '../../objects/bytes';
import { valueError } from '../../exceptions/raise';
import { asCInt, asParsedInt, asSeconds } from '../../native/convert';
import { plainOSError } from './errors';
import type { SocketMethodSpec } from './method-kit';

// CPython's getsockopt reads at most this many bytes.
const MAX_GETSOCKOPT_LEN = 1024;

/**
 * A timeout in seconds as CPython stores it (whole nanoseconds, rounded up), or null for None;
 * `Timeout value out of range` for a negative one.
 */
export function timeoutOf(arg: PyObject): number | null {
  if (arg === None) return null;
  const seconds = asSeconds(arg);
  if (seconds < 0) throw valueError('Timeout value out of range');
  return Math.ceil(seconds * 1e9) / 1e9;
}

export function timeoutToPy(timeout: number | null): PyObject {
  return timeout === null ? None : newFloat(timeout);
}

export const optionMethods: readonly SocketMethodSpec[] = [
  {
    name: 'getsockopt',
    style: 'tuple',
    params: ['level', 'optname', 'buflen?'],
    doc:
      'getsockopt(level, option[, buflen]) -> int or bytes: reads a socket option, e.g. ' +
      'getsockopt(SOL_SOCKET, SO_REUSEADDR) or getsockopt(SOL_SOCKET, SO_RCVBUF). With buflen it returns ' +
      'that many raw bytes (for options that are structs, like SO_LINGER).',
    call: (sock, [levelArg, nameArg, lenArg]) => {
      const level = asParsedInt(levelArg!);
      const name = asParsedInt(nameArg!);
      const buflen = lenArg === undefined ? 0 : asParsedInt(lenArg);
      if (buflen === 0) return newInt(getsockoptInt(sock.liveFd(), level, name));
      if (buflen < 0 || buflen > MAX_GETSOCKOPT_LEN) throw plainOSError('getsockopt buflen out of range');
      const bytes = getsockoptBytes(sock.liveFd(), level, name, buflen);
      return new PyBytes(new Uint8Array(bytes));
    },
  },
  {
    name: 'setblocking',
    style: 'one',
    params: ['flag'],
    doc:
      'setblocking(flag): setblocking(True) makes calls wait (the default); setblocking(False) makes every ' +
      'call that would wait raise BlockingIOError at once instead (same as settimeout(0.0)).',
    call: (sock, [flag]) => {
      sock.timeout = asCInt(flag!) !== 0 ? null : 0;
      sock.liveFd();
      return None;
    },
  },
  {
    name: 'getblocking',
    style: 'noargs',
    doc: 'getblocking() -> bool: True when calls on this socket wait (blocking mode or a timeout), False when non-blocking.',
    call: (sock) => newBool(sock.timeout !== 0),
  },
  {
    name: 'settimeout',
    style: 'one',
    params: ['value'],
    doc:
      'settimeout(seconds): calls that wait give up after that many seconds with TimeoutError: timed out. ' +
      'None waits forever (blocking mode); 0 never waits (non-blocking mode).',
    call: (sock, [value]) => {
      sock.timeout = timeoutOf(value!);
      sock.liveFd();
      return None;
    },
  },
  {
    name: 'gettimeout',
    style: 'noargs',
    doc: 'gettimeout() -> float or None: the timeout in seconds; None when calls wait forever.',
    call: (sock) => timeoutToPy(sock.timeout),
  },
];
