// Socket addresses between Python and sys/: parsing the learner's `(host, port)` tuples the way
// CPython's getsockaddrarg does (same checks, same order, same texts), resolving host names
// (numeric hosts at once, names through getaddrinfo on a worker thread), and making the tuples
// CPython returns (makesockaddr).
import { domainToASCII } from 'node:url';
import {
  SYS,
  formatIPv6,
  getaddrinfo,
  parseNumericHost,
  type SockAddr,
} from '../../../sys';
import type { PyObject } from '../../objects/object';
import { None } from '../../objects/none';
import { newInt } from '../../objects/int';
import { PyStr, newStr } from '../../objects/str';
import { PyBytes, isBytesLike, latin1Text } from '../../objects/bytes';
import { PyTuple, newTuple } from '../../objects/tuple';
import { OverflowError, PyException } from '../../exceptions/classes';
import { overflowError, typeError } from '../../exceptions/raise';
import { asIndex, asParsedInt } from '../../native/convert';
import type { CallContext } from '../../events';
import { callLabel, resolveWords } from './describe';
import { asPyError, plainOSError } from './errors';
import { interruptible } from './wait';

const AF_INET = SYS.AF_INET;
const AF_INET6 = SYS.AF_INET6;
const AF_UNIX = SYS.AF_UNIX;

function ipv4Text(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.');
}

const ANY_V4 = ipv4Text(SYS.INADDR_ANY);
const BROADCAST_V4 = ipv4Text(SYS.INADDR_BROADCAST);
const ANY_V6 = formatIPv6(new Uint8Array(16));

/** A value that may need a thread hop (name resolution) before it is known. */
export type Maybe<T> = T | Promise<T>;

export function andThen<T, U>(value: Maybe<T>, next: (v: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** CPython's idna_converter: the host text of a str, bytes or bytearray. */
export function hostText(obj: PyObject): string {
  let text: string;
  if (obj instanceof PyStr) {
    text = obj.value;
    // Non-ASCII names go to the resolver in their IDNA (punycode) form, as CPython's idna codec gives.
    if (!/^[\x00-\x7f]*$/.test(text)) text = domainToASCII(text) || text;
  } else if (isBytesLike(obj)) {
    text = latin1Text(obj.data);
  } else {
    throw typeError(`str, bytes or bytearray expected, not ${obj.type.name}`);
  }
  if (text.includes('\0')) throw typeError('host name must not contain null character');
  return text;
}

/**
 * The numeric address of a host for a family (CPython's setipaddr): '' is the wildcard address,
 * '<broadcast>' INADDR_BROADCAST, numeric hosts are used as they are, names are resolved.
 */
export function resolveHost(host: string, family: number, ctx: CallContext, caller: string): Maybe<string> {
  if (host === '') return family === AF_INET6 ? ANY_V6 : ANY_V4;
  if (host === '<broadcast>' || host === BROADCAST_V4) {
    if (family !== AF_INET && family !== SYS.AF_UNSPEC) throw plainOSError('address family mismatched');
    return BROADCAST_V4;
  }
  if (family === AF_INET && parseNumericHost(AF_INET, host) !== null) return host;
  if (family === AF_INET6) {
    const bytes = parseNumericHost(AF_INET6, host);
    if (bytes !== null) return formatIPv6(bytes);
  }
  const lookup = interruptible(getaddrinfo(host, null, { family }), ctx, () => resolveWords(host, callLabel(ctx.callText, caller)));
  return lookup.then(
    (found) => {
      const addr = found[0]?.addr;
      if (addr === undefined || addr.family === 1) throw plainOSError('getaddrinfo returned no address');
      return addr.host;
    },
    (error: unknown) => {
      throw asPyError(error);
    },
  );
}

/** An int argument of the tuple; an OverflowError there is reported as CPython reports the port. */
function portOf(obj: PyObject, caller: string): number {
  try {
    return asParsedInt(obj);
  } catch (error) {
    if (error instanceof PyException && error.exc.type.isSubtypeOf(OverflowError)) {
      throw overflowError(`${caller}(): port must be 0-65535.`);
    }
    throw error;
  }
}

/** The 'I' format: any int, masked to 32 bits. */
function unsignedMask(obj: PyObject): number {
  return Number(BigInt.asUintN(32, asIndex(obj)));
}

function checkPort(port: number, caller: string): void {
  if (port < 0 || port > 0xffff) throw overflowError(`${caller}(): port must be 0-65535.`);
}

function familyName(family: number): string {
  return family === AF_INET6 ? 'AF_INET6' : 'AF_INET';
}

/**
 * The address a socket call was given, as sys/ takes it: `caller` names the call in the messages
 * ('bind', 'connect', 'connect_ex', 'sendto'). Host names are resolved for the socket's family.
 */
export function parseAddress(family: number, obj: PyObject, caller: string, ctx: CallContext): Maybe<SockAddr> {
  if (family === AF_UNIX) return parseUnixAddress(obj);
  if (!(obj instanceof PyTuple)) {
    throw typeError(`${caller}(): ${familyName(family)} address must be tuple, not ${obj.type.name}`);
  }
  const items = obj.items;
  if (family === AF_INET) {
    if (items.length !== 2) throw typeError('AF_INET address must be a pair (host, port)');
    const host = hostText(items[0] as PyObject);
    const port = portOf(items[1] as PyObject, caller);
    return andThen(resolveHost(host, AF_INET, ctx, caller), (numeric) => {
      checkPort(port, caller);
      return { family: 2, host: numeric, port };
    });
  }
  if (items.length < 2 || items.length > 4) {
    throw typeError('AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])');
  }
  const host = hostText(items[0] as PyObject);
  const port = portOf(items[1] as PyObject, caller);
  const flowinfo = items[2] === undefined ? 0 : unsignedMask(items[2]);
  const scopeId = items[3] === undefined ? 0 : unsignedMask(items[3]);
  return andThen(resolveHost(host, AF_INET6, ctx, caller), (numeric) => {
    checkPort(port, caller);
    if (flowinfo > 0xfffff) throw overflowError(`${caller}(): flowinfo must be 0-1048575.`);
    return { family: 10, host: numeric, port, flowinfo, scopeId };
  });
}

function parseUnixAddress(obj: PyObject): SockAddr {
  let path: string;
  if (obj instanceof PyStr) path = obj.value;
  else if (isBytesLike(obj)) path = Buffer.from(obj.data).toString('utf8');
  else throw typeError(`a bytes-like object is required, not '${obj.type.name}'`);
  const length = Buffer.byteLength(path, 'utf8');
  const abstract = length > 0 && path.charCodeAt(0) === 0;
  if (abstract ? length > SYS.UNIX_PATH_MAX : length >= SYS.UNIX_PATH_MAX) throw plainOSError('AF_UNIX path too long');
  return { family: 1, path };
}

/**
 * The Python value of an address (CPython's makesockaddr): (host, port) for IPv4, (host, port,
 * flowinfo, scope_id) for IPv6, a str path (bytes for an abstract name) for AF_UNIX, '' for an
 * unnamed AF_UNIX socket, None when there is no address.
 */
export function addressToPy(addr: SockAddr | null, family: number): PyObject {
  if (addr === null) return family === AF_UNIX ? newStr('') : None;
  switch (addr.family) {
    case 2:
      return newTuple([newStr(addr.host), newInt(addr.port)]);
    case 10:
      return newTuple([newStr(addr.host), newInt(addr.port), newInt(addr.flowinfo), newInt(addr.scopeId)]);
    case 1:
      return addr.path.startsWith('\0') ? new PyBytes(Buffer.from(addr.path, 'utf8')) : newStr(addr.path);
  }
}
