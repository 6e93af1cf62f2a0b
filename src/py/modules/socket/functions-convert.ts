// The socket module's small conversions: inet_aton / inet_ntoa / inet_pton / inet_ntop between address
// text and packed bytes, and htons / ntohs / htonl / ntohl between host and network byte order.
import { ERRNO, SYS, formatIPv6, parseNumericHost } from '../../../sys';
import type { PyObject } from '../../objects/object';
import { PyInt, newInt } from '../../objects/int';
import { PyStr, newStr } from '../../objects/str';
import { PyBytes } from '../../objects/bytes';
import type { PyNativeFunction } from '../../objects/function';
import { osError } from '../../exceptions/oserror';
import { overflowError, typeError, valueError } from '../../exceptions/raise';
import { asBytesLike, asCLong, asParsedInt, asUnsigned } from '../../native/convert';
import { checkedFunction } from '../../native/define';
import { plainOSError } from './errors';

function strArg(obj: PyObject, fname: string, position = 1): string {
  if (!(obj instanceof PyStr)) throw typeError(`${fname}() argument ${position} must be str, not ${obj.type.name}`);
  if (obj.value.includes('\0')) throw valueError('embedded null character');
  return obj.value;
}

/** strtoul(text, &end, 0) for text starting with a digit: [value, characters read]. */
function cNumber(text: string): [bigint, number] {
  const hex = /^0[xX]([0-9a-fA-F]+)/.exec(text);
  if (hex) return [BigInt(`0x${hex[1]}`), hex[0].length];
  const octal = /^0[0-7]*/.exec(text);
  if (octal) return [octal[0].length > 1 ? BigInt(`0o${octal[0].slice(1)}`) : 0n, octal[0].length];
  const decimal = /^[0-9]+/.exec(text) as RegExpExecArray;
  return [BigInt(decimal[0]), decimal[0].length];
}

const PART_MAX = [0xffffffffn, 0xffffffn, 0xffffn, 0xffn];
const SPACE = /^[ \t\n\v\f\r]/;

/** glibc's inet_aton: 1 to 4 parts in C notation (hex, octal, decimal), the last one filling the rest. */
export function inetAton(text: string): Uint8Array | null {
  const parts: bigint[] = [];
  let at = 0;
  let value: bigint;
  for (;;) {
    if (!/^[0-9]/.test(text.slice(at))) return null;
    const [n, length] = cNumber(text.slice(at));
    if (n > 0xffffffffn) return null;
    value = n;
    at += length;
    if (text[at] !== '.') break;
    if (parts.length > 2 || value > 0xffn) return null;
    parts.push(value);
    at++;
  }
  if (at < text.length && !SPACE.test(text.slice(at))) return null;
  if (value > (PART_MAX[parts.length] as bigint)) return null;
  const out = new Uint8Array(4);
  parts.forEach((p, i) => (out[i] = Number(p)));
  for (let i = 3; i >= parts.length; i--) {
    out[i] = Number(value & 0xffn);
    value >>= 8n;
  }
  return out;
}

function swap16(n: number): number {
  return ((n & 0xff) << 8) | (n >>> 8);
}

function swap32(n: number): number {
  return (((n & 0xff) << 24) | ((n & 0xff00) << 8) | ((n >>> 8) & 0xff00) | (n >>> 24)) >>> 0;
}

function order16(name: string): PyNativeFunction {
  return checkedFunction({
    name,
    module: 'socket',
    style: 'tuple',
    params: ['x'],
    doc: `${name}(x) -> int: swaps the two bytes of a 16-bit number between host order (little-endian here) and network order (big-endian), e.g. ${name}(80) == 20480.`,
    call: ([x]) => {
      asCLong(x!);
      return newInt(swap16(asUnsigned(x!, 16, name)));
    },
  });
}

function order32(name: string): PyNativeFunction {
  return checkedFunction({
    name,
    module: 'socket',
    style: 'one',
    params: ['x'],
    signature: { qualname: `_socket.${name}` },
    doc: `${name}(x) -> int: swaps the four bytes of a 32-bit number between host order and network order.`,
    call: ([x]) => {
      if (!(x instanceof PyInt)) throw typeError(`expected int, ${x!.type.name} found`);
      if (x.value < 0n) throw overflowError("can't convert negative value to unsigned int");
      if (x.value > 0xffffffffffffffffn) throw overflowError('Python int too large to convert to C unsigned long');
      if (x.value > 0xffffffffn) throw overflowError('int larger than 32 bits');
      return newInt(swap32(Number(x.value)));
    },
  });
}

export function convertFunctions(): PyNativeFunction[] {
  return [
    checkedFunction({
      name: 'inet_aton',
      module: 'socket',
      style: 'tuple',
      params: ['ip'],
      doc: "inet_aton(ip) -> bytes: an IPv4 address as 4 packed bytes, inet_aton('127.0.0.1') == b'\\x7f\\x00\\x00\\x01'.",
      call: ([ip]) => {
        const packed = inetAton(strArg(ip!, 'inet_aton'));
        if (packed === null) throw plainOSError('illegal IP address string passed to inet_aton');
        return new PyBytes(packed);
      },
    }),
    checkedFunction({
      name: 'inet_ntoa',
      module: 'socket',
      style: 'tuple',
      params: ['packed'],
      doc: "inet_ntoa(packed) -> str: 4 packed bytes as IPv4 text, inet_ntoa(b'\\x7f\\x00\\x00\\x01') == '127.0.0.1'.",
      call: ([packed]) => {
        const data = asBytesLike(packed!);
        if (data.length !== 4) throw plainOSError('packed IP wrong length for inet_ntoa');
        return newStr(Array.from(data).join('.'));
      },
    }),
    checkedFunction({
      name: 'inet_pton',
      module: 'socket',
      style: 'tuple',
      params: ['family', 'ip'],
      doc: 'inet_pton(family, ip) -> bytes: an IPv4 (AF_INET) or IPv6 (AF_INET6) address as packed bytes.',
      call: ([familyArg, ip]) => {
        const family = asParsedInt(familyArg!);
        const text = strArg(ip!, 'inet_pton', 2);
        if (family !== SYS.AF_INET && family !== SYS.AF_INET6) throw osError(ERRNO.EAFNOSUPPORT);
        const packed = parseNumericHost(family, text);
        if (packed === null) throw plainOSError('illegal IP address string passed to inet_pton');
        return new PyBytes(new Uint8Array(packed));
      },
    }),
    checkedFunction({
      name: 'inet_ntop',
      module: 'socket',
      style: 'tuple',
      params: ['family', 'packed'],
      doc: 'inet_ntop(family, packed) -> str: packed address bytes as text, for AF_INET or AF_INET6.',
      call: ([familyArg, packed]) => {
        const family = asParsedInt(familyArg!);
        const data = asBytesLike(packed!);
        const wanted = family === SYS.AF_INET ? 4 : family === SYS.AF_INET6 ? 16 : -1;
        if (wanted < 0) throw valueError(`unknown address family ${family}`);
        if (data.length !== wanted) throw valueError('invalid length of packed IP address string');
        return newStr(family === SYS.AF_INET ? Array.from(data).join('.') : formatIPv6(data));
      },
    }),
    order16('htons'),
    order16('ntohs'),
    order32('htonl'),
    order32('ntohl'),
  ];
}
