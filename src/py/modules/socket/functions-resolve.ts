// Name resolution in the socket module: getaddrinfo, gethostbyname, gethostbyname_ex, gethostname.
// Names are resolved by libc's getaddrinfo on a worker thread (the event loop never waits for DNS);
// numeric hosts are answered at once.
import { domainToASCII } from 'node:url';
import { SYS, getaddrinfo as sysGetaddrinfo, getaddrinfoLibc, gethostname as sysGethostname, type AddrInfo } from '../../../sys';
import type { PyObject } from '../../objects/object';
import { None } from '../../objects/none';
import { PyInt, intType, newInt } from '../../objects/int';
import { PyStr, newStr } from '../../objects/str';
import { PyBytes, isBytesLike, latin1Text } from '../../objects/bytes';
import { PyList } from '../../objects/list';
import { newTuple } from '../../objects/tuple';
import type { PyNativeFunction } from '../../objects/function';
import { osErrorOfClass } from '../../exceptions/oserror';
import { typeError } from '../../exceptions/raise';
import { asCLong, asParsedInt } from '../../native/convert';
import { checkedFunction } from '../../native/define';
import { addressToPy, resolveHost, andThen } from './address';
import { AddressFamily, SocketKind, enumOrInt } from './constants';
import type { CallContext } from '../../events';
import { callLabel, resolveWords } from './describe';
import { asPyError, herror, plainOSError } from './errors';
import { interruptible } from './wait';

/** getaddrinfo's host argument: None, a str (IDNA for non-ASCII names) or bytes. */
function hostArg(obj: PyObject): string | null {
  if (obj === None) return null;
  if (obj instanceof PyStr) {
    const text = /^[\x00-\x7f]*$/.test(obj.value) ? obj.value : domainToASCII(obj.value) || obj.value;
    if (text.includes('\0')) throw typeError('getaddrinfo() argument 1 must be string or None');
    return text;
  }
  if (obj instanceof PyBytes) return latin1Text(obj.data);
  throw typeError('getaddrinfo() argument 1 must be string or None');
}

/** getaddrinfo's port argument: an exact int, a str or bytes service, or None. */
function portArg(obj: PyObject): string | null {
  if (obj === None) return null;
  if (obj instanceof PyInt && obj.type === intType) return String(asCLong(obj));
  if (obj instanceof PyStr) return obj.value;
  if (obj instanceof PyBytes) return latin1Text(obj.data);
  throw plainOSError('Int or String expected');
}

function resultToPy(found: readonly AddrInfo[]): PyList {
  return new PyList(
    found.map((ai) =>
      newTuple([
        enumOrInt(AddressFamily, ai.family),
        enumOrInt(SocketKind, ai.type),
        newInt(ai.protocol),
        newStr(ai.canonname),
        addressToPy(ai.addr, ai.family),
      ]),
    ),
  );
}

/** The addresses for a host and port, with CPython's errors (socket.gaierror ...). */
export function lookup(ctx: CallContext, caller: string, host: PyObject, port: PyObject, family = 0, type = 0, proto = 0, flags = 0): Promise<AddrInfo[]> {
  const hostText = hostArg(host);
  const service = portArg(port);
  const words = () => resolveWords(hostText ?? '', callLabel(ctx.callText, caller));
  return interruptible(sysGetaddrinfo(hostText, service, { family, type, protocol: proto, flags }), ctx, words).catch((error: unknown) => {
    throw asPyError(error);
  });
}

function textArg(obj: PyObject, fname: string): string {
  if (obj instanceof PyStr) return obj.value;
  if (isBytesLike(obj)) return latin1Text(obj.data);
  throw typeError(`${fname}() argument 1 must be str, bytes or bytearray, not ${obj.type.name}`);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

export function resolveFunctions(): PyNativeFunction[] {
  return [
    checkedFunction({
      name: 'getaddrinfo',
      flavor: 'python',
      module: 'socket',
      style: 'python',
      params: ['host', 'port', 'family?', 'type?', 'proto?', 'flags?'],
      doc:
        'getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> list of (family, type, proto, ' +
        "canonname, address) tuples: every way to reach host:port, e.g. getaddrinfo('localhost', 80, " +
        'AF_INET, SOCK_STREAM). What connect() and create_connection() use to turn a name into addresses. ' +
        'An unknown host raises socket.gaierror: [Errno -2] Name or service not known.',
      call: ([host, port, family, type, proto, flags], ctx) => {
        const ints = [family, type, proto, flags].map((v) => (v === undefined ? 0 : asParsedInt(v)));
        return lookup(ctx, 'getaddrinfo', host!, port!, ints[0], ints[1], ints[2], ints[3]).then(resultToPy);
      },
    }),
    checkedFunction({
      name: 'gethostbyname',
      module: 'socket',
      style: 'tuple',
      params: ['hostname'],
      doc:
        "gethostbyname(hostname) -> str: the IPv4 address of a host name, e.g. gethostbyname('localhost') " +
        "is '127.0.0.1'. A numeric address comes back as it is; an unknown name raises socket.gaierror.",
      call: ([hostname], ctx) => andThen(resolveHost(textArg(hostname!, 'gethostbyname'), SYS.AF_INET, ctx, 'gethostbyname'), newStr),
    }),
    checkedFunction({
      name: 'gethostbyname_ex',
      module: 'socket',
      style: 'tuple',
      params: ['hostname'],
      doc:
        'gethostbyname_ex(hostname) -> (name, aliases, addresses): the canonical name of a host, its other ' +
        "names and all its IPv4 addresses, e.g. ('localhost', [], ['127.0.0.1']).",
      call: ([hostname], ctx) => {
        const text = textArg(hostname!, 'gethostbyname_ex');
        return andThen(resolveHost(text, SYS.AF_INET, ctx, 'gethostbyname_ex'), async () => {
          if (text === '') throw osErrorOfClass(herror, 3, 'Unknown server error');
          let found: AddrInfo[];
          try {
            found = await interruptible(getaddrinfoLibc(text, null, { family: SYS.AF_INET, type: SYS.SOCK_STREAM, flags: SYS.AI_CANONNAME }), ctx, () =>
              resolveWords(text, callLabel(ctx.callText, 'gethostbyname_ex')),
            );
          } catch (error) {
            throw asPyError(error);
          }
          const name = found[0]?.canonname || text;
          const addresses = unique(found.map((ai) => (ai.addr.family === 2 ? ai.addr.host : '')).filter((h) => h !== ''));
          return newTuple([newStr(name), new PyList([]), new PyList(addresses.map(newStr))]);
        });
      },
    }),
    checkedFunction({
      name: 'gethostname',
      module: 'socket',
      style: 'noargs',
      signature: { qualname: '_socket.gethostname' },
      doc: "gethostname() -> str: this machine's host name. A server that binds to it accepts clients on that name's address.",
      call: () => {
        try {
          return newStr(sysGethostname());
        } catch (error) {
          throw asPyError(error);
        }
      },
    }),
  ];
}
