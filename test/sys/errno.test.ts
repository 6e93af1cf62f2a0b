import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ERRNO, GaiError, SysError, errnoName, gaiStrerror, strerror, sysError } from '../../src/sys/errno';

function python(code: string): unknown {
  return JSON.parse(execFileSync('python3', ['-c', code], { encoding: 'utf8' }));
}

describe('errno numbers', () => {
  it('match every name CPython knows on this machine', () => {
    const fromPython = python(
      'import errno, json; print(json.dumps({n: getattr(errno, n) for n in dir(errno) if n.startswith("E")}))',
    ) as Record<string, number>;
    for (const [name, value] of Object.entries(fromPython)) {
      if (name in ERRNO) expect([name, ERRNO[name as keyof typeof ERRNO]]).toEqual([name, value]);
    }
    for (const name of Object.keys(ERRNO)) expect(fromPython).toHaveProperty(name);
  });

  it('name a number by its usual name, and unknown numbers by their number', () => {
    expect(errnoName(98)).toBe('EADDRINUSE');
    expect(errnoName(11)).toBe('EAGAIN');
    expect(errnoName(95)).toBe('EOPNOTSUPP');
    expect(errnoName(9999)).toBe('E9999');
  });
});

describe('texts', () => {
  it("are glibc's, exactly as CPython prints them", () => {
    const numbers = [1, 9, 11, 22, 32, 88, 98, 99, 104, 107, 110, 111, 113, 115];
    const fromPython = python(`import os, json; print(json.dumps([os.strerror(n) for n in ${JSON.stringify(numbers)}]))`);
    expect(numbers.map(strerror)).toEqual(fromPython);
    expect(strerror(98)).toBe('Address already in use');
  });

  it('SysError carries errno, syscall and the [Errno N] message', () => {
    const e = new SysError(111, 'connect');
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('[Errno 111] Connection refused');
    expect(e.errno).toBe(111);
    expect(e.syscall).toBe('connect');
    expect(e.code).toBe('ECONNREFUSED');
  });

  it('sysError builds routine errors without a stack trace and others with one', () => {
    const again = sysError(ERRNO.EAGAIN, 'recv');
    expect(again.message).toBe('[Errno 11] Resource temporarily unavailable');
    expect(again.stack ?? '').not.toMatch(/\n\s+at /);
    const reset = sysError(ERRNO.ECONNRESET, 'recv');
    expect(reset.stack).toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
  });

  it('gai errors use the negative code and gai_strerror', () => {
    const fromPython = python(`
import socket, json
out = {}
for args in [('127.0.0.1', 'no-such-service'), ('127.0.0.1', 80, socket.AF_INET6)]:
    try: socket.getaddrinfo(*args)
    except socket.gaierror as e: out[e.errno] = str(e)
print(json.dumps(out))`) as Record<string, string>;
    expect(Object.keys(fromPython).sort()).toEqual(['-8', '-9']);
    for (const [code, text] of Object.entries(fromPython)) expect(new GaiError(Number(code)).message).toBe(text);
    expect(gaiStrerror(-2)).toBe('Name or service not known');
    expect(gaiStrerror(-8)).toBe('Servname not supported for ai_socktype');
    const e = new GaiError(-2);
    expect(e.message).toBe('[Errno -2] Name or service not known');
    expect(e.code).toBe(-2);
  });
});
