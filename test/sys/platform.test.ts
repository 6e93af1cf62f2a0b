import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  PLATFORMS,
  SYS,
  UnsupportedPlatformError,
  checkPlatform,
  isSupportedPlatform,
} from '../../src/sys/platform';

// CPython exposes most of these numbers from the C headers: compare every one it has.
const PYTHON_CONSTANTS = `
import json, socket, select, os, fcntl, termios
mods = [socket, select, os, fcntl, termios]
names = json.loads(input())
out = {}
for n in names:
    for m in mods:
        if hasattr(m, n):
            out[n] = int(getattr(m, n)); break
print(json.dumps(out))
`;

describe('platform table', () => {
  it('matches the C headers as CPython sees them, for every constant CPython exposes', () => {
    const names = Object.keys(SYS);
    const fromPython = JSON.parse(
      execFileSync('python3', ['-c', PYTHON_CONSTANTS], { input: JSON.stringify(names) + '\n', encoding: 'utf8' }),
    ) as Record<string, number>;
    expect(Object.keys(fromPython).length).toBeGreaterThan(140);
    for (const [name, value] of Object.entries(fromPython)) {
      expect([name, SYS[name as keyof typeof SYS]]).toEqual([name, value]);
    }
  });

  it('is the Linux table on this machine', () => {
    expect(checkPlatform('linux')).toBe(PLATFORMS.linux);
    expect(checkPlatform()).toBe(SYS);
    expect(isSupportedPlatform('linux')).toBe(true);
  });
});

describe('unsupported platforms', () => {
  it('says socklab runs on Linux and names the platform found', () => {
    let error: unknown;
    try {
      checkPlatform('darwin');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsupportedPlatformError);
    expect((error as UnsupportedPlatformError).platform).toBe('darwin');
    expect((error as Error).message).toBe(
      "socklab runs on Linux only: it drives real sockets through Linux's C library and reads the " +
        "kernel's state from /proc. This system is macOS ('darwin').",
    );
  });

  it('names a platform it has no friendly name for as given', () => {
    expect(() => checkPlatform('plan9')).toThrow(/runs on Linux only.*This system is 'plan9'\.$/);
    expect(() => checkPlatform('win32')).toThrow("This system is Windows ('win32').");
    expect(isSupportedPlatform('win32')).toBe(false);
  });

  it('does not take an inherited property for a platform', () => {
    expect(() => checkPlatform('toString')).toThrow(UnsupportedPlatformError);
    expect(() => checkPlatform('__proto__')).toThrow(UnsupportedPlatformError);
  });
});
