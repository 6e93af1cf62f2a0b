// Free ports for one lesson run, chosen when it starts, so that two learners on one machine (or one
// learner twice) never collide. They lie outside the kernel's ephemeral range, so no outgoing
// connection can take one meanwhile, and each is checked by binding it, TCP and UDP.
import { readFileSync } from 'node:fs';
import { ERRNO, SYS, SysError, bind, close, socket, type SockAddr } from '../../sys';
import { errorMessage } from '../../sys/error-text';

export const EPHEMERAL_RANGE_FILE = '/proc/sys/net/ipv4/ip_local_port_range';
/** Below this, ports belong to well-known services more often than not. */
const PREFERRED_LOW = 10000;
const MAX_ATTEMPTS = 200;
const MAX_PORTS = 16;

export class PortChoiceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortChoiceError';
  }
}

/** The ephemeral range from the file's text ('32768\t60999'), or null when it does not parse. */
export function parsePortRange(text: string): [number, number] | null {
  const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(text);
  if (!m) return null;
  const low = Number(m[1]);
  const high = Number(m[2]);
  if (low < 1 || high > 65535 || low > high) return null;
  return [low, high];
}

/**
 * The ports a lesson may take: unprivileged ones outside the ephemeral range, from 10000 up when
 * there are any there (fewer services live up there).
 */
export function candidatePorts(range: [number, number]): number[] {
  const [low, high] = range;
  const outside = (p: number) => p < low || p > high;
  const pick = (from: number) => {
    const out: number[] = [];
    for (let p = from; p <= 65535; p++) if (outside(p)) out.push(p);
    return out;
  };
  const preferred = pick(PREFERRED_LOW);
  return preferred.length > 0 ? preferred : pick(1024);
}

function readRange(): [number, number] {
  let text: string;
  try {
    text = readFileSync(EPHEMERAL_RANGE_FILE, 'utf8');
  } catch {
    // No /proc: Linux's default range.
    return [32768, 60999];
  }
  return parsePortRange(text) ?? [32768, 60999];
}

const IPV4_HOSTS = ['127.0.0.1', '0.0.0.0'];

/** true when the port can be bound on `addr` for TCP and UDP now; a missing family throws. */
function bindsHere(addr: SockAddr): boolean {
  for (const type of [SYS.SOCK_STREAM, SYS.SOCK_DGRAM]) {
    const fd = socket(addr.family, type);
    try {
      bind(fd, addr);
    } catch (e) {
      if (e instanceof SysError && (e.errno === ERRNO.EADDRINUSE || e.errno === ERRNO.EACCES)) return false;
      throw e;
    } finally {
      close(fd);
    }
  }
  return true;
}

function isFree(port: number, ipv6: boolean): boolean {
  for (const host of IPV4_HOSTS) if (!bindsHere({ family: 2, host, port })) return false;
  if (ipv6 && !bindsHere({ family: 10, host: '::1', port, flowinfo: 0, scopeId: 0 })) return false;
  return true;
}

/**
 * `count` different ports, each free for TCP and UDP on 127.0.0.1 and every IPv4 address (and on ::1
 * when `ipv6`), tried in random order so that two processes starting together rarely pick the same.
 */
export async function choosePorts(count: number, options: { ipv6: boolean }): Promise<number[]> {
  checkCount(count);
  const range = readRange();
  return pickFreePorts(count, candidatePorts(range), options?.ipv6 === true, `outside the ephemeral range ${range[0]}-${range[1]}`);
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_PORTS) {
    throw new RangeError(`a lesson reserves 0 to ${MAX_PORTS} ports, not ${String(count)}`);
  }
}

/** `count` ports of `candidates` that are free now, drawn at random, at most MAX_ATTEMPTS tried. */
export function pickFreePorts(count: number, candidates: readonly number[], ipv6: boolean, where = 'among the candidates'): number[] {
  checkCount(count);
  const pool = [...candidates];
  const chosen: number[] = [];
  let attempts = 0;
  while (chosen.length < count && attempts < MAX_ATTEMPTS && pool.length > 0) {
    attempts++;
    // Draw without putting back: a port found taken is not tried twice.
    const at = Math.floor(Math.random() * pool.length);
    const port = pool[at]!;
    pool[at] = pool[pool.length - 1]!;
    pool.pop();
    try {
      if (isFree(port, ipv6)) chosen.push(port);
    } catch (e) {
      if (e instanceof SysError && ipv6 && (e.errno === ERRNO.EADDRNOTAVAIL || e.errno === ERRNO.EAFNOSUPPORT)) {
        throw new PortChoiceError(`this lesson needs IPv6, and the IPv6 loopback address ::1 is not available here (${e.message})`);
      }
      throw new PortChoiceError(`could not check whether port ${port} is free: ${errorMessage(e)}`);
    }
  }
  if (chosen.length < count) {
    throw new PortChoiceError(
      `found no ${count === 1 ? 'free port' : `${count} free ports`} ${where} after ${attempts} tries: ` +
        'close some programs that listen on this machine and try again',
    );
  }
  return chosen;
}
