// Every number the operating system defines, in one table keyed by platform. Everything else in sys/
// reads its constants from here, so supporting another system means adding one entry (and its struct
// layouts in sockaddr.ts and kernel-view.ts), not hunting for literals.
//
// This module must not load libc: the CLI calls checkPlatform() before anything touches koffi.

const LINUX = {
  AF_UNSPEC: 0,
  AF_UNIX: 1,
  AF_INET: 2,
  AF_INET6: 10,

  SOCK_STREAM: 1,
  SOCK_DGRAM: 2,
  SOCK_RAW: 3,
  SOCK_SEQPACKET: 5,
  SOCK_NONBLOCK: 0o4000,
  SOCK_CLOEXEC: 0o2000000,

  SOL_SOCKET: 1,
  SO_DEBUG: 1,
  SO_REUSEADDR: 2,
  SO_TYPE: 3,
  SO_ERROR: 4,
  SO_DONTROUTE: 5,
  SO_BROADCAST: 6,
  SO_SNDBUF: 7,
  SO_RCVBUF: 8,
  SO_KEEPALIVE: 9,
  SO_OOBINLINE: 10,
  SO_PRIORITY: 12,
  SO_LINGER: 13,
  SO_REUSEPORT: 15,
  SO_PEERCRED: 17,
  SO_RCVLOWAT: 18,
  SO_SNDLOWAT: 19,
  SO_RCVTIMEO: 20,
  SO_SNDTIMEO: 21,
  SO_BINDTODEVICE: 25,
  SO_ACCEPTCONN: 30,
  SO_MARK: 36,
  SO_PROTOCOL: 38,
  SO_DOMAIN: 39,

  IPPROTO_IP: 0,
  IPPROTO_ICMP: 1,
  IPPROTO_TCP: 6,
  IPPROTO_UDP: 17,
  IPPROTO_IPV6: 41,
  IPPROTO_ICMPV6: 58,
  IPPROTO_RAW: 255,

  IP_TOS: 1,
  IP_TTL: 2,
  IP_HDRINCL: 3,
  IP_OPTIONS: 4,
  IP_RECVTOS: 13,
  IP_MULTICAST_IF: 32,
  IP_MULTICAST_TTL: 33,
  IP_MULTICAST_LOOP: 34,
  IP_ADD_MEMBERSHIP: 35,
  IP_DROP_MEMBERSHIP: 36,

  IPV6_UNICAST_HOPS: 16,
  IPV6_MULTICAST_IF: 17,
  IPV6_MULTICAST_HOPS: 18,
  IPV6_MULTICAST_LOOP: 19,
  IPV6_JOIN_GROUP: 20,
  IPV6_LEAVE_GROUP: 21,
  IPV6_V6ONLY: 26,
  IPV6_TCLASS: 67,

  TCP_NODELAY: 1,
  TCP_MAXSEG: 2,
  TCP_CORK: 3,
  TCP_KEEPIDLE: 4,
  TCP_KEEPINTVL: 5,
  TCP_KEEPCNT: 6,
  TCP_SYNCNT: 7,
  TCP_LINGER2: 8,
  TCP_DEFER_ACCEPT: 9,
  TCP_WINDOW_CLAMP: 10,
  TCP_INFO: 11,
  TCP_QUICKACK: 12,
  TCP_CONGESTION: 13,
  TCP_USER_TIMEOUT: 18,
  TCP_FASTOPEN: 23,
  TCP_NOTSENT_LOWAT: 25,

  SHUT_RD: 0,
  SHUT_WR: 1,
  SHUT_RDWR: 2,

  MSG_OOB: 0x1,
  MSG_PEEK: 0x2,
  MSG_DONTROUTE: 0x4,
  MSG_CTRUNC: 0x8,
  MSG_TRUNC: 0x20,
  MSG_DONTWAIT: 0x40,
  MSG_EOR: 0x80,
  MSG_WAITALL: 0x100,
  MSG_CONFIRM: 0x800,
  MSG_ERRQUEUE: 0x2000,
  MSG_NOSIGNAL: 0x4000,
  MSG_MORE: 0x8000,
  MSG_CMSG_CLOEXEC: 0x40000000,

  POLLIN: 0x1,
  POLLPRI: 0x2,
  POLLOUT: 0x4,
  POLLERR: 0x8,
  POLLHUP: 0x10,
  POLLNVAL: 0x20,
  POLLRDNORM: 0x40,
  POLLRDBAND: 0x80,
  POLLWRNORM: 0x100,
  POLLWRBAND: 0x200,
  POLLMSG: 0x400,
  POLLRDHUP: 0x2000,

  /** ioctl requests: bytes waiting to be read, bytes not yet sent (SIOCINQ/SIOCOUTQ on sockets). */
  FIONREAD: 0x541b,
  FIONBIO: 0x5421,
  SIOCINQ: 0x541b,
  SIOCOUTQ: 0x5411,
  TIOCOUTQ: 0x5411,

  F_GETFD: 1,
  F_SETFD: 2,
  F_GETFL: 3,
  F_SETFL: 4,
  O_NONBLOCK: 0o4000,
  FD_CLOEXEC: 1,

  EFD_SEMAPHORE: 1,
  EFD_NONBLOCK: 0o4000,
  EFD_CLOEXEC: 0o2000000,

  AI_PASSIVE: 0x1,
  AI_CANONNAME: 0x2,
  AI_NUMERICHOST: 0x4,
  AI_V4MAPPED: 0x8,
  AI_ALL: 0x10,
  AI_ADDRCONFIG: 0x20,
  AI_NUMERICSERV: 0x400,

  NI_NUMERICHOST: 1,
  NI_NUMERICSERV: 2,
  NI_NOFQDN: 4,
  NI_NAMEREQD: 8,
  NI_DGRAM: 16,
  NI_MAXHOST: 1025,
  NI_MAXSERV: 32,

  /** getaddrinfo's error codes: negative on glibc, which is also what CPython shows as `[Errno -2]`. */
  EAI_BADFLAGS: -1,
  EAI_NONAME: -2,
  EAI_AGAIN: -3,
  EAI_FAIL: -4,
  EAI_NODATA: -5,
  EAI_FAMILY: -6,
  EAI_SOCKTYPE: -7,
  EAI_SERVICE: -8,
  EAI_ADDRFAMILY: -9,
  EAI_MEMORY: -10,
  EAI_SYSTEM: -11,
  EAI_OVERFLOW: -12,

  INADDR_ANY: 0x00000000,
  INADDR_LOOPBACK: 0x7f000001,
  INADDR_BROADCAST: 0xffffffff,
  INADDR_NONE: 0xffffffff,
  INADDR_ALLHOSTS_GROUP: 0xe0000001,

  /** The compile-time SOMAXCONN of the C headers (the kernel's live cap is /proc/sys/net/core/somaxconn). */
  SOMAXCONN: 4096,

  /** Struct sizes the codecs depend on. */
  SIZEOF_SOCKADDR_STORAGE: 128,
  SIZEOF_SOCKADDR_IN: 16,
  SIZEOF_SOCKADDR_IN6: 28,
  SIZEOF_SOCKADDR_UN: 110,
  UNIX_PATH_MAX: 108,
  SIZEOF_LINGER: 8,
  SIZEOF_TIMEVAL: 16,
  HOST_NAME_MAX: 64,
} as const satisfies Record<string, number>;

/** Every constant sys/ uses; each platform's table must define all of them. */
export type PlatformConstants = { readonly [K in keyof typeof LINUX]: number };

/** Constants by `process.platform`. Only Linux is filled in. */
export const PLATFORMS: Readonly<Partial<Record<NodeJS.Platform, PlatformConstants>>> = Object.freeze({
  linux: Object.freeze(LINUX) as PlatformConstants,
});

const PLATFORM_NAMES: Readonly<Partial<Record<string, string>>> = {
  darwin: 'macOS',
  win32: 'Windows',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
  netbsd: 'NetBSD',
  sunos: 'SunOS',
  aix: 'AIX',
  android: 'Android',
  cygwin: 'Cygwin',
  haiku: 'Haiku',
};

export class UnsupportedPlatformError extends Error {
  readonly platform: string;
  constructor(platform: string) {
    const known = PLATFORM_NAMES[platform];
    const found = known === undefined ? `'${platform}'` : `${known} ('${platform}')`;
    super(
      `socklab runs on Linux only: it drives real sockets through Linux's C library and reads the ` +
        `kernel's state from /proc. This system is ${found}.`,
    );
    this.name = 'UnsupportedPlatformError';
    this.platform = platform;
  }
}

/** The constants for `platform`, or an UnsupportedPlatformError saying socklab runs on Linux. */
export function checkPlatform(platform: string = process.platform): PlatformConstants {
  const constants = Object.hasOwn(PLATFORMS, platform) ? PLATFORMS[platform as NodeJS.Platform] : undefined;
  if (constants === undefined) throw new UnsupportedPlatformError(platform);
  return constants;
}

/** True where sys/ can run. */
export function isSupportedPlatform(platform: string = process.platform): boolean {
  return Object.hasOwn(PLATFORMS, platform);
}

/**
 * This process's constants. Reading it on an unsupported platform throws the same clear error,
 * so a module that imports it fails with a message a person can act on.
 */
export const SYS: PlatformConstants = isSupportedPlatform() ? checkPlatform() : unsupportedTable();

function unsupportedTable(): PlatformConstants {
  return new Proxy({} as PlatformConstants, {
    get() {
      throw new UnsupportedPlatformError(process.platform);
    },
  });
}
