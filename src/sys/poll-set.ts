// The pieces of a poll(2) wait that need no thread: checking interests, deadlines, which revents
// belong to whom, and an immediate (timeout 0) poll.
import { koffi, libc } from './libc';
import { ERRNO, SysError } from './errno';
import { SYS } from './platform';

export interface Interest {
  fd: number;
  events: number;
}

export const pollC = libc.func('int poll(void *fds, unsigned long nfds, int timeout)');

/** sizeof(struct pollfd): int fd, short events, short revents. */
export const POLLFD_SIZE = 8;
// Reported whatever was asked for: the waiter must look (a recv/send will give the error or EOF).
const ALWAYS = SYS.POLLERR | SYS.POLLHUP | SYS.POLLNVAL;
export const MAX_TIMEOUT_MS = 0x7fffffff;

/** The interests merged by fd (events OR-ed), or a RangeError for a value poll cannot take. */
export function mergeInterests(interests: readonly Interest[]): Map<number, number> {
  if (!Array.isArray(interests)) throw new TypeError('interests must be an array of { fd, events }');
  const merged = new Map<number, number>();
  for (const item of interests) {
    const { fd, events } = (item ?? {}) as Partial<Interest>;
    if (!Number.isInteger(fd) || fd! < 0 || fd! > 0x7fffffff) throw new RangeError(`invalid fd: ${String(fd)}`);
    if (!Number.isInteger(events) || events! < 0 || events! > 0xffff) {
      throw new RangeError(`invalid poll events: ${String(events)}`);
    }
    merged.set(fd!, (merged.get(fd!) ?? 0) | events!);
  }
  return merged;
}

/** performance.now()-based deadline for a timeout in ms; Infinity for none. */
export function deadlineOf(timeoutMs: number | null | undefined, now: number): number {
  if (timeoutMs === null || timeoutMs === undefined || timeoutMs === Infinity) return Infinity;
  if (typeof timeoutMs !== 'number' || Number.isNaN(timeoutMs) || timeoutMs < 0) {
    throw new RangeError(`timeout must be a non-negative number of milliseconds, got ${String(timeoutMs)}`);
  }
  return now + timeoutMs;
}

/** What one waiter gets out of a poll's revents: only its fds where something it cares about happened. */
export function matching(events: Map<number, number>, revents: Map<number, number>): Map<number, number> | null {
  let out: Map<number, number> | null = null;
  for (const [fd, wanted] of events) {
    const got = (revents.get(fd) ?? 0) & (wanted | ALWAYS);
    if (got !== 0) (out ??= new Map()).set(fd, got);
  }
  return out;
}

/** poll(2) with timeout 0: the ready fds now (matched to `events`), or null when none is. */
export function pollNow(events: Map<number, number>): Map<number, number> | null {
  const fds = Buffer.alloc(events.size * POLLFD_SIZE);
  let i = 0;
  for (const [fd, ev] of events) {
    fds.writeInt32LE(fd, i * POLLFD_SIZE);
    fds.writeInt16LE(ev, i * POLLFD_SIZE + 4);
    i++;
  }
  let rc: number;
  do rc = pollC(fds, events.size, 0) as number;
  while (rc < 0 && koffi.errno() === ERRNO.EINTR);
  if (rc < 0) throw new SysError(koffi.errno(), 'poll');
  if (rc === 0) return null;
  const revents = new Map<number, number>();
  for (let j = 0; j < events.size; j++) {
    const got = fds.readUInt16LE(j * POLLFD_SIZE + 6);
    if (got !== 0) revents.set(fds.readInt32LE(j * POLLFD_SIZE), got);
  }
  return matching(events, revents);
}
