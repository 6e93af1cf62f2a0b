// Argument checks shared by the syscall wrappers: bad values get a clear error, never reach the FFI.
import { ERRNO, SysError } from './errno';

/** A value no kernel fd can have gets the kernel's own answer (EBADF). */
export function checkFd(fd: number, syscall: string): void {
  if (!Number.isInteger(fd) || fd < 0 || fd > 0x7fffffff) throw new SysError(ERRNO.EBADF, syscall);
}

export function checkInt(value: number, what: string): void {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new RangeError(`${what} must be a 32-bit integer, got ${String(value)}`);
  }
}

export function checkSize(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer, got ${String(value)}`);
  }
}
