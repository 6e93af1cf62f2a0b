// eventfd: a counter in the kernel that a poll can wait on; writing it wakes the poll.
import { koffi, libc } from './libc';
import { ERRNO, SysError } from './errno';
import { SYS } from './platform';

const eventfdC = libc.func('int eventfd(unsigned int initval, int flags)');
const readC = libc.func('intptr_t read(int fd, void *buf, size_t len)');
const writeC = libc.func('intptr_t write(int fd, const void *buf, size_t len)');

const one = new BigUint64Array([1n]);
const counter = new BigUint64Array(1);

/** A new eventfd, non-blocking and close-on-exec, counter 0. */
export function eventfdCreate(): number {
  const fd = eventfdC(0, SYS.EFD_NONBLOCK | SYS.EFD_CLOEXEC) as number;
  if (fd < 0) throw new SysError(koffi.errno(), 'eventfd');
  return fd;
}

/** Adds 1 to the counter: the fd becomes readable. */
export function eventfdSignal(fd: number): void {
  for (;;) {
    if ((writeC(fd, one, 8) as number) === 8) return;
    const errno = koffi.errno();
    // EAGAIN: the counter is at its maximum, so the fd is readable already.
    if (errno === ERRNO.EAGAIN) return;
    if (errno !== ERRNO.EINTR) throw new SysError(errno, 'write');
  }
}

/** Resets the counter to 0 and returns what it was (0 when nothing was signalled). */
export function eventfdDrain(fd: number): number {
  for (;;) {
    if ((readC(fd, counter, 8) as number) === 8) return Number(counter[0]);
    const errno = koffi.errno();
    if (errno === ERRNO.EAGAIN) return 0;
    if (errno !== ERRNO.EINTR) throw new SysError(errno, 'read');
  }
}
