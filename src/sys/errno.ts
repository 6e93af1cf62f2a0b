// Linux errno numbers by name (asm-generic/errno*.h as glibc exposes them on x86_64) and their texts.
// The text comes from glibc's strerror itself, so it matches what CPython prints to the letter.
import { libc } from './libc';

export const ERRNO = Object.freeze({
  EPERM: 1,
  ENOENT: 2,
  ESRCH: 3,
  EINTR: 4,
  EIO: 5,
  ENXIO: 6,
  E2BIG: 7,
  ENOEXEC: 8,
  EBADF: 9,
  ECHILD: 10,
  EAGAIN: 11,
  EWOULDBLOCK: 11,
  ENOMEM: 12,
  EACCES: 13,
  EFAULT: 14,
  ENOTBLK: 15,
  EBUSY: 16,
  EEXIST: 17,
  EXDEV: 18,
  ENODEV: 19,
  ENOTDIR: 20,
  EISDIR: 21,
  EINVAL: 22,
  ENFILE: 23,
  EMFILE: 24,
  ENOTTY: 25,
  ETXTBSY: 26,
  EFBIG: 27,
  ENOSPC: 28,
  ESPIPE: 29,
  EROFS: 30,
  EMLINK: 31,
  EPIPE: 32,
  EDOM: 33,
  ERANGE: 34,
  EDEADLK: 35,
  EDEADLOCK: 35,
  ENAMETOOLONG: 36,
  ENOLCK: 37,
  ENOSYS: 38,
  ENOTEMPTY: 39,
  ELOOP: 40,
  ENOMSG: 42,
  EIDRM: 43,
  ECHRNG: 44,
  EL2NSYNC: 45,
  EL3HLT: 46,
  EL3RST: 47,
  ELNRNG: 48,
  EUNATCH: 49,
  ENOCSI: 50,
  EL2HLT: 51,
  EBADE: 52,
  EBADR: 53,
  EXFULL: 54,
  ENOANO: 55,
  EBADRQC: 56,
  EBADSLT: 57,
  EBFONT: 59,
  ENOSTR: 60,
  ENODATA: 61,
  ETIME: 62,
  ENOSR: 63,
  ENONET: 64,
  ENOPKG: 65,
  EREMOTE: 66,
  ENOLINK: 67,
  EADV: 68,
  ESRMNT: 69,
  ECOMM: 70,
  EPROTO: 71,
  EMULTIHOP: 72,
  EDOTDOT: 73,
  EBADMSG: 74,
  EOVERFLOW: 75,
  ENOTUNIQ: 76,
  EBADFD: 77,
  EREMCHG: 78,
  ELIBACC: 79,
  ELIBBAD: 80,
  ELIBSCN: 81,
  ELIBMAX: 82,
  ELIBEXEC: 83,
  EILSEQ: 84,
  ERESTART: 85,
  ESTRPIPE: 86,
  EUSERS: 87,
  ENOTSOCK: 88,
  EDESTADDRREQ: 89,
  EMSGSIZE: 90,
  EPROTOTYPE: 91,
  ENOPROTOOPT: 92,
  EPROTONOSUPPORT: 93,
  ESOCKTNOSUPPORT: 94,
  ENOTSUP: 95,
  EOPNOTSUPP: 95,
  EPFNOSUPPORT: 96,
  EAFNOSUPPORT: 97,
  EADDRINUSE: 98,
  EADDRNOTAVAIL: 99,
  ENETDOWN: 100,
  ENETUNREACH: 101,
  ENETRESET: 102,
  ECONNABORTED: 103,
  ECONNRESET: 104,
  ENOBUFS: 105,
  EISCONN: 106,
  ENOTCONN: 107,
  ESHUTDOWN: 108,
  ETOOMANYREFS: 109,
  ETIMEDOUT: 110,
  ECONNREFUSED: 111,
  EHOSTDOWN: 112,
  EHOSTUNREACH: 113,
  EALREADY: 114,
  EINPROGRESS: 115,
  ESTALE: 116,
  EUCLEAN: 117,
  ENOTNAM: 118,
  ENAVAIL: 119,
  EISNAM: 120,
  EREMOTEIO: 121,
  EDQUOT: 122,
  ENOMEDIUM: 123,
  EMEDIUMTYPE: 124,
  ECANCELED: 125,
  ENOKEY: 126,
  EKEYEXPIRED: 127,
  EKEYREVOKED: 128,
  EKEYREJECTED: 129,
  EOWNERDEAD: 130,
  ENOTRECOVERABLE: 131,
  ERFKILL: 132,
} as const);

export type ErrnoName = keyof typeof ERRNO;

// Where several names share a number, the one the manuals and `errno -l` use first.
const PREFERRED: Readonly<Record<number, ErrnoName>> = { 11: 'EAGAIN', 35: 'EDEADLK', 95: 'EOPNOTSUPP' };

const nameByNumber = new Map<number, ErrnoName>();
for (const [name, value] of Object.entries(ERRNO) as [ErrnoName, number][]) {
  if (!nameByNumber.has(value)) nameByNumber.set(value, PREFERRED[value] ?? name);
}

/** 'ECONNREFUSED' for 111; `E<number>` for a number glibc does not name. */
export function errnoName(errno: number): string {
  return nameByNumber.get(errno) ?? `E${errno}`;
}

const strerrorC = libc.func('const char *strerror(int errnum)');
const textCache = new Map<number, string>();

/** glibc's message for an errno: 98 -> 'Address already in use'. */
export function strerror(errno: number): string {
  let text = textCache.get(errno);
  if (text === undefined) {
    text = String(strerrorC(errno));
    textCache.set(errno, text);
  }
  return text;
}

/** A failed system call: the errno and the call's name, with CPython's `[Errno N] text` message. */
export class SysError extends Error {
  readonly errno: number;
  readonly syscall: string;
  constructor(errno: number, syscall: string) {
    super(`[Errno ${errno}] ${strerror(errno)}`);
    this.name = 'SysError';
    this.errno = errno;
    this.syscall = syscall;
  }
  get code(): string {
    return errnoName(this.errno);
  }
}

const gaiStrerrorC = libc.func('const char *gai_strerror(int errcode)');
const gaiTextCache = new Map<number, string>();

/** glibc's message for a getaddrinfo error code: -2 -> 'Name or service not known'. */
export function gaiStrerror(code: number): string {
  let text = gaiTextCache.get(code);
  if (text === undefined) {
    text = String(gaiStrerrorC(code));
    gaiTextCache.set(code, text);
  }
  return text;
}

/** A failed name resolution, with the negative code CPython shows: `[Errno -2] Name or service not known`. */
export class GaiError extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`[Errno ${code}] ${gaiStrerror(code)}`);
    this.name = 'GaiError';
    this.code = code;
  }
}

// The routine answers of non-blocking I/O: raised on every "not yet", never a bug to trace.
const ROUTINE = new Set<number>([ERRNO.EAGAIN, ERRNO.EINPROGRESS, ERRNO.EALREADY, ERRNO.EINTR]);

/**
 * The SysError for a failed call. Routine outcomes of non-blocking I/O (EAGAIN, EINPROGRESS, EALREADY,
 * EINTR) are built without a stack trace: capturing one costs several times the syscall itself.
 */
export function sysError(errno: number, syscall: string): SysError {
  if (!ROUTINE.has(errno)) return new SysError(errno, syscall);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new SysError(errno, syscall);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
