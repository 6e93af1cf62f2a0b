// Socket addresses as plain data, and their C layout (Linux: no sin_len, family little-endian u16 first).
// Hosts here are numeric. IPv6 text goes through libc's inet_pton/inet_ntop so it is exactly what
// CPython prints ('::1', '::ffff:127.0.0.1', '::1.2.3.4').
import { libc } from './libc';
import { SYS } from './platform';

export interface Inet4Addr {
  family: 2;
  host: string;
  port: number;
}

export interface Inet6Addr {
  family: 10;
  host: string;
  port: number;
  flowinfo: number;
  scopeId: number;
}

/**
 * A filesystem path, or a Linux abstract name starting with '\0'. Path bytes are UTF-8 (as CPython
 * encodes a str path); an unnamed AF_UNIX address decodes to null.
 */
export interface UnixAddr {
  family: 1;
  path: string;
}

export type SockAddr = Inet4Addr | Inet6Addr | UnixAddr;

/** An address that cannot be encoded (not numeric, port out of range, path too long ...). */
export class AddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressError';
  }
}

// The address types carry Linux's family numbers (the contract above); the values come from the table.
const AF_INET = SYS.AF_INET as Inet4Addr['family'];
const AF_INET6 = SYS.AF_INET6 as Inet6Addr['family'];
const AF_UNIX = SYS.AF_UNIX as UnixAddr['family'];
const UNIX_PATH_MAX = SYS.UNIX_PATH_MAX;
const SUN_PATH_OFFSET = 2;

const inetPtonC = libc.func('int inet_pton(int af, const char *src, void *dst)');
const inetNtopC = libc.func('const char *inet_ntop(int af, const void *src, char *dst, uint32_t size)');
const ntopScratch = Buffer.alloc(64);

// glibc's inet_pton for AF_INET: exactly four decimal parts 0-255, no leading zeros, nothing else.
const IPV4_PART = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const IPV4_TEXT = new RegExp(`^${IPV4_PART}\\.${IPV4_PART}\\.${IPV4_PART}\\.${IPV4_PART}$`);

/**
 * The network-order bytes of a numeric host (4 for AF_INET, 16 for AF_INET6), or null when `text`
 * is not a valid numeric address of that family (inet_pton's rules: no names, no '127.1', no '%scope').
 */
export function parseNumericHost(family: number, text: string): Buffer | null {
  if (typeof text !== 'string') return null;
  if (family === AF_INET) {
    if (!IPV4_TEXT.test(text)) return null;
    const out = Buffer.allocUnsafe(4);
    const parts = text.split('.');
    for (let i = 0; i < 4; i++) out[i] = Number(parts[i]);
    return out;
  }
  if (family === AF_INET6) {
    // A C string ends at NUL: text with one inside would be checked only up to it.
    if (text.length > 64 || text.includes('\0')) return null;
    const out = Buffer.alloc(16);
    return inetPtonC(AF_INET6, text, out) === 1 ? out : null;
  }
  return null;
}

/** Text of a 16-byte IPv6 address in network order, as inet_ntop writes it. */
export function formatIPv6(bytes: Uint8Array): string {
  if (bytes.length < 16) throw new AddressError('an IPv6 address has 16 bytes');
  const text = inetNtopC(AF_INET6, bytes, ntopScratch, ntopScratch.length) as string | null;
  if (text === null) throw new AddressError('inet_ntop could not format this IPv6 address');
  return text;
}

function formatIPv4(buf: Uint8Array, at: number): string {
  return `${buf[at]}.${buf[at + 1]}.${buf[at + 2]}.${buf[at + 3]}`;
}

function checkPort(port: unknown): number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 0xffff) {
    throw new AddressError(`port must be 0-65535, got ${String(port)}`);
  }
  return port;
}

function checkU32(value: unknown, what: string, max = 0xffffffff): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new AddressError(`${what} must be 0-${max}, got ${String(value)}`);
  }
  return value;
}

/** The C `struct sockaddr_*` for an address, exactly as long as the kernel expects it. */
export function encodeSockaddr(a: SockAddr): Buffer {
  if (a === null || typeof a !== 'object') throw new AddressError('an address must be an object');
  switch (a.family) {
    case AF_INET: {
      const port = checkPort(a.port);
      const host = parseNumericHost(AF_INET, a.host);
      if (host === null) throw new AddressError(`not a numeric IPv4 address: ${JSON.stringify(a.host)}`);
      const buf = Buffer.alloc(SYS.SIZEOF_SOCKADDR_IN);
      buf.writeUInt16LE(AF_INET, 0);
      buf.writeUInt16BE(port, 2);
      host.copy(buf, 4);
      return buf;
    }
    case AF_INET6: {
      const port = checkPort(a.port);
      const flowinfo = checkU32(a.flowinfo, 'flowinfo', 0xfffff);
      const scopeId = checkU32(a.scopeId, 'scope id');
      const host = parseNumericHost(AF_INET6, a.host);
      if (host === null) throw new AddressError(`not a numeric IPv6 address: ${JSON.stringify(a.host)}`);
      const buf = Buffer.alloc(SYS.SIZEOF_SOCKADDR_IN6);
      buf.writeUInt16LE(AF_INET6, 0);
      buf.writeUInt16BE(port, 2);
      buf.writeUInt32BE(flowinfo, 4);
      host.copy(buf, 8);
      buf.writeUInt32LE(scopeId, 24);
      return buf;
    }
    case AF_UNIX: {
      if (typeof a.path !== 'string') throw new AddressError('an AF_UNIX path must be a string');
      const path = Buffer.from(a.path, 'utf8');
      // CPython's limits: an abstract name (or '' for autobind) may fill sun_path; a file path needs its NUL.
      const abstract = path.length === 0 || path[0] === 0;
      if (abstract ? path.length > UNIX_PATH_MAX : path.length >= UNIX_PATH_MAX) {
        throw new AddressError('AF_UNIX path too long');
      }
      const buf = Buffer.alloc(SUN_PATH_OFFSET + path.length);
      buf.writeUInt16LE(AF_UNIX, 0);
      path.copy(buf, SUN_PATH_OFFSET);
      return buf;
    }
    default:
      throw new AddressError(`unsupported address family ${String((a as { family: unknown }).family)}`);
  }
}

/**
 * The address in the first `len` bytes of `buf` (what accept, recvfrom, getsockname wrote), or null
 * when there is none: len 0 (recvfrom on a connected stream), an unnamed AF_UNIX socket, a family
 * this module does not model, or bytes too short for their family.
 */
export function decodeSockaddr(buf: Uint8Array, len: number): SockAddr | null {
  const size = Math.min(len, buf.length);
  if (!(size >= 2)) return null;
  const family = buf[0]! | (buf[1]! << 8);
  if (family === AF_INET) {
    if (size < 8) return null;
    return { family: AF_INET, host: formatIPv4(buf, 4), port: (buf[2]! << 8) | buf[3]! };
  }
  if (family === AF_INET6) {
    if (size < 24) return null;
    const view = new DataView(buf.buffer, buf.byteOffset, size);
    return {
      family: AF_INET6,
      host: formatIPv6(buf.subarray(8, 24)),
      port: view.getUint16(2, false),
      flowinfo: view.getUint32(4, false),
      scopeId: size >= 28 ? view.getUint32(24, true) : 0,
    };
  }
  if (family === AF_UNIX) {
    if (size <= SUN_PATH_OFFSET) return null;
    const bytes = buf.subarray(SUN_PATH_OFFSET, size);
    if (bytes[0] === 0) return { family: AF_UNIX, path: Buffer.from(bytes).toString('utf8') };
    const end = bytes.indexOf(0);
    return { family: AF_UNIX, path: Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString('utf8') };
  }
  return null;
}

/** '127.0.0.1:9999', '[::1]:9999', '[fe80::1%2]:80', a path, or '@name' for an abstract AF_UNIX name. */
export function formatAddr(a: SockAddr | null): string {
  if (a === null) return '';
  switch (a.family) {
    case AF_INET:
      return `${a.host}:${a.port}`;
    case AF_INET6:
      return a.scopeId ? `[${a.host}%${a.scopeId}]:${a.port}` : `[${a.host}]:${a.port}`;
    case AF_UNIX:
      return a.path.startsWith('\0') ? `@${a.path.slice(1)}` : a.path;
    default:
      return '';
  }
}

/** Same address (family, host, port, and for IPv6 scope); flowinfo is ignored like the kernel does. */
export function sameAddr(a: SockAddr | null, b: SockAddr | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.family !== b.family) return false;
  if (a.family === AF_UNIX) return a.path === (b as UnixAddr).path;
  if (a.family === AF_INET6) {
    const other = b as Inet6Addr;
    return a.host === other.host && a.port === other.port && a.scopeId === other.scopeId;
  }
  const other = b as Inet4Addr;
  return a.host === other.host && a.port === other.port;
}
