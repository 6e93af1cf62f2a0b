// glibc agrees to keep freed memory for reuse (the recv path depends on it for its speed, which
// bench/README.md measures; a test cannot time it on a shared machine).
import { describe, expect, it } from 'vitest';
import { KEPT_FREE_BYTES, keepFreedMemory } from '../../src/sys/index';

describe('keepFreedMemory', () => {
  it('is accepted by the C library, with a bound of 32 MiB', () => {
    expect(keepFreedMemory()).toBe(true);
    expect(KEPT_FREE_BYTES).toBe(32 * 1024 * 1024);
  });
});
