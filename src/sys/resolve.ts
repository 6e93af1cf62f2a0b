// Name resolution through libc's getaddrinfo, run on a libuv worker with koffi `.async` so the event
// loop never waits for DNS. Numeric hosts take a synchronous path that gives what libc would give.
import { koffi, libc } from './libc';
import { GaiError, SysError } from './errno';
import { SYS } from './platform';
import { decodeSockaddr, formatIPv6, parseNumericHost, type SockAddr } from './sockaddr';

export interface AddrInfoHints {
  family?: number;
  type?: number;
  protocol?: number;
  flags?: number;
}

export interface AddrInfo {
  family: number;
  type: number;
  protocol: number;
  /** '' unless AI_CANONNAME asked for it (libc sets it on the first entry only). */
  canonname: string;
  addr: SockAddr;
}

// Anonymous: a named koffi struct cannot be declared twice in one process (test runners reload modules).
const AddrinfoStruct = koffi.struct({
  ai_flags: 'int',
  ai_family: 'int',
  ai_socktype: 'int',
  ai_protocol: 'int',
  ai_addrlen: 'uint32_t',
  ai_addr: 'void *',
  ai_canonname: 'const char *',
  ai_next: 'void *',
});

interface RawAddrinfo {
  ai_flags: number;
  ai_family: number;
  ai_socktype: number;
  ai_protocol: number;
  ai_addrlen: number;
  ai_addr: bigint | null;
  ai_canonname: string | null;
  ai_next: bigint | null;
}

const getaddrinfoC = libc.func('getaddrinfo', 'int', [
  'const char *',
  'const char *',
  koffi.pointer(AddrinfoStruct),
  koffi.out(koffi.pointer('void *')),
]);
const freeaddrinfoC = libc.func('void freeaddrinfo(void *res)');
const gethostnameC = libc.func('int gethostname(void *name, size_t len)');
const hostnameScratch = Buffer.alloc(256);

function checkText(value: string | null, what: string): void {
  if (value !== null && typeof value !== 'string') throw new TypeError(`${what} must be a string or null`);
  if (value !== null && value.includes('\0')) throw new TypeError(`${what} must not contain a NUL character`);
}

function checkHintInt(value: number | undefined, what: string): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new RangeError(`${what} must be a 32-bit integer, got ${String(value)}`);
  }
  return value;
}

function serviceText(port: string | number | null): string | null {
  if (port === null || typeof port === 'string') return port;
  if (typeof port !== 'number' || !Number.isInteger(port)) throw new TypeError('port must be an integer, a string or null');
  return String(port);
}

function readList(head: bigint): AddrInfo[] {
  const out: AddrInfo[] = [];
  for (let p: bigint | null = head; p; ) {
    const ai = koffi.decode(p, AddrinfoStruct) as RawAddrinfo;
    if (ai.ai_addr) {
      const raw = Buffer.from(koffi.view(ai.ai_addr, ai.ai_addrlen));
      const addr = decodeSockaddr(raw, raw.length);
      if (addr !== null) {
        out.push({
          family: ai.ai_family,
          type: ai.ai_socktype,
          protocol: ai.ai_protocol,
          canonname: ai.ai_canonname ?? '',
          addr,
        });
      }
    }
    p = ai.ai_next;
  }
  return out;
}

/** Always through libc on a worker thread (the numeric shortcut is skipped). */
export function getaddrinfoLibc(
  host: string | null,
  port: string | number | null,
  hints: AddrInfoHints = {},
): Promise<AddrInfo[]> {
  return new Promise((resolve, reject) => {
    checkText(host, 'host');
    const service = serviceText(port);
    checkText(service, 'port');
    const cHints = {
      ai_flags: checkHintInt(hints.flags, 'flags'),
      ai_family: checkHintInt(hints.family, 'family'),
      ai_socktype: checkHintInt(hints.type, 'type'),
      ai_protocol: checkHintInt(hints.protocol, 'protocol'),
      ai_addrlen: 0,
      ai_addr: null,
      ai_canonname: null,
      ai_next: null,
    };
    const result: [bigint | null] = [null];
    getaddrinfoC.async(host, service, cHints, result, (err: unknown, rc: number) => {
      // errno belongs to the worker thread that ran the call: read it here, before anything else.
      const errno = koffi.errno();
      if (err) return reject(err instanceof Error ? err : new Error(String(err)));
      if (rc !== 0) {
        return reject(rc === SYS.EAI_SYSTEM && errno !== 0 ? new SysError(errno, 'getaddrinfo') : new GaiError(rc));
      }
      const head = result[0];
      if (!head) return resolve([]);
      try {
        resolve(readList(head));
      } catch (e) {
        reject(e);
      } finally {
        freeaddrinfoC(head);
      }
    });
  });
}

const SHORTCUT_FLAGS = SYS.AI_NUMERICHOST | SYS.AI_NUMERICSERV | SYS.AI_PASSIVE;
const PORT_TEXT = /^[0-9]{1,5}$/;

function numericPort(port: string | number | null): number | null {
  if (port === null) return 0;
  const value = typeof port === 'number' ? port : PORT_TEXT.test(port) ? Number(port) : NaN;
  return Number.isInteger(value) && value >= 0 && value <= 0xffff ? value : null;
}

/** [type, protocol] pairs libc returns for a numeric host, or null when only libc can say. */
function socketKinds(type: number, protocol: number): [number, number][] | null {
  if (type === 0) {
    return protocol === 0
      ? [
          [SYS.SOCK_STREAM, SYS.IPPROTO_TCP],
          [SYS.SOCK_DGRAM, SYS.IPPROTO_UDP],
          [SYS.SOCK_RAW, 0],
        ]
      : null;
  }
  if (type === SYS.SOCK_STREAM && (protocol === 0 || protocol === SYS.IPPROTO_TCP)) {
    return [[SYS.SOCK_STREAM, SYS.IPPROTO_TCP]];
  }
  if (type === SYS.SOCK_DGRAM && (protocol === 0 || protocol === SYS.IPPROTO_UDP)) {
    return [[SYS.SOCK_DGRAM, SYS.IPPROTO_UDP]];
  }
  return null;
}

/**
 * What getaddrinfo returns for a numeric host (an IPv4 or IPv6 literal as inet_pton reads it) and a
 * numeric port, computed without a thread hop; null when the request needs libc (names, service
 * names, scoped or legacy literals like 'fe80::1%lo' or '127.1', flags beyond NUMERICHOST/NUMERICSERV/
 * PASSIVE, unusual type/protocol pairs, or a family hint that does not match the literal).
 */
export function getaddrinfoNumeric(
  host: string | null,
  port: string | number | null,
  hints: AddrInfoHints = {},
): AddrInfo[] | null {
  if (typeof host !== 'string') return null;
  const flags = hints.flags ?? 0;
  const familyHint = hints.family ?? 0;
  if ((flags & ~SHORTCUT_FLAGS) !== 0) return null;
  const portNumber = numericPort(port);
  if (portNumber === null) return null;
  const kinds = socketKinds(hints.type ?? 0, hints.protocol ?? 0);
  if (kinds === null) return null;

  let addr: SockAddr;
  const v4 = parseNumericHost(SYS.AF_INET, host);
  if (v4 !== null) {
    if (familyHint !== 0 && familyHint !== SYS.AF_INET) return null;
    addr = { family: 2, host, port: portNumber };
  } else {
    const v6 = parseNumericHost(SYS.AF_INET6, host);
    if (v6 === null || (familyHint !== 0 && familyHint !== SYS.AF_INET6)) return null;
    addr = { family: 10, host: formatIPv6(v6), port: portNumber, flowinfo: 0, scopeId: 0 };
  }
  return kinds.map(([type, protocol]) => ({ family: addr.family, type, protocol, canonname: '', addr: { ...addr } }));
}

/**
 * getaddrinfo(3): the addresses for a host and port. Rejects with GaiError (libc's code and
 * gai_strerror text), or SysError for EAI_SYSTEM. Numeric requests resolve without a thread hop.
 */
export function getaddrinfo(
  host: string | null,
  port: string | number | null,
  hints: AddrInfoHints = {},
): Promise<AddrInfo[]> {
  const numeric = getaddrinfoNumeric(host, port, hints);
  return numeric !== null ? Promise.resolve(numeric) : getaddrinfoLibc(host, port, hints);
}

/** This machine's host name, as gethostname(2) gives it. */
export function gethostname(): string {
  hostnameScratch.fill(0);
  if ((gethostnameC(hostnameScratch, hostnameScratch.length) as number) < 0) {
    throw new SysError(koffi.errno(), 'gethostname');
  }
  const end = hostnameScratch.indexOf(0);
  return hostnameScratch.toString('utf8', 0, end === -1 ? hostnameScratch.length : end);
}
