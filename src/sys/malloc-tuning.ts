// Every recv() returns a new buffer, and V8 frees the old ones only at a garbage collection, many at
// once. glibc then gives the freed top of its heap back to the kernel (past 128 KiB by default), and
// the next buffers fault their pages in afresh: 100 MB read in 64 KiB pieces ran 30 % slower for it.
// Keeping up to 32 MiB of freed memory for reuse avoids that; what it costs is memory the process
// keeps after a burst.
import { libc } from './libc';

const M_TRIM_THRESHOLD = -1;
export const KEPT_FREE_BYTES = 32 * 1024 * 1024;

const mallopt = libc.func('int mallopt(int param, int value)');

/** Asks glibc to keep freed memory for reuse; true when it agreed. */
export function keepFreedMemory(): boolean {
  return (mallopt(M_TRIM_THRESHOLD, KEPT_FREE_BYTES) as number) === 1;
}
