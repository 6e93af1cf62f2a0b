// Huge and hostile arguments get CPython's clean errors; thousands of sockets run into the fd limit
// with CPython's EMFILE error, and the end of the session still closes every one of them.
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { freshSessionPerTest, type Session } from './helpers';

let session: Session;
freshSessionPerTest((s) => (session = s), ['import socket', "srv = socket.create_server(('127.0.0.1', 0))", 'c = socket.create_connection(srv.getsockname())', 'conn, addr = srv.accept()']);

interface ManySockets {
  output: string;
  live: number;
  afterOutput: string;
  closed: number;
  reopened: string;
  leaked: number;
  crash?: string;
}

function manySockets(fdLimit: number, count: number): Promise<ManySockets> {
  const fixture = join(import.meta.dirname, 'fixtures', 'many-sockets.ts');
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', `ulimit -n ${fdLimit} && exec node --import tsx "$0" "$1"`, fixture, String(count)],
      { cwd: join(import.meta.dirname, '..', '..'), timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && stdout === '') return reject(new Error(`${error.message}\n${stderr}`));
        resolve(JSON.parse(stdout) as ManySockets);
      },
    );
  });
}

describe('huge arguments', () => {
  it('recv(10**9) returns what is waiting without allocating a gigabyte', async () => {
    await session.run("c.send(b'small')");
    const before = process.memoryUsage().arrayBuffers;
    expect(await session.run('conn.recv(10**9)')).toBe("b'small'\n");
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
    await session.run("c.send(b'x' * 300_000)");
    expect(await session.run('len(conn.recv(10**9)) > 0')).toBe('True\n');
  });

  it('gives CPython overflow errors for sizes and numbers no C type holds', async () => {
    const cases: [string, string][] = [
      ['conn.recv(10**100)', 'OverflowError: Python int too large to convert to C ssize_t'],
      ['conn.recv(2**63 - 1)', 'OverflowError: byte string is too large'],
      ['conn.recv(1, 2**40)', 'OverflowError: signed integer is greater than maximum'],
      ["c.send(b'x', 2**40)", 'OverflowError: signed integer is greater than maximum'],
      ['c.listen(2**40)', 'OverflowError: signed integer is greater than maximum'],
      ["socket.socket(2**40)", 'OverflowError: Python int too large to convert to C int'],
      ["c.bind(('127.0.0.1', 2**64))", 'OverflowError: bind(): port must be 0-65535.'],
      ["c.settimeout(10**30)", 'OverflowError: timestamp too large to convert to C _PyTime_t'],
      ["socket.getaddrinfo('127.0.0.1', 10**30)", 'OverflowError: Python int too large to convert to C long'],
      ['c.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 2000)', 'OSError: getsockopt buflen out of range'],
      ["c.connect(('127.0.0.1\\x00', 80))", 'TypeError: host name must not contain null character'],
      ["socket.socket(socket.AF_UNIX).bind('x' * 200)", 'OSError: AF_UNIX path too long'],
    ];
    for (const [line, error] of cases) expect(await session.run(line), line).toBe(`${error}\n`);
  });

  it('resolves an absurdly long host name to a gaierror, not a crash', async () => {
    expect(await session.run("socket.socket().bind(('a' * 100_000, 0))")).toBe('socket.gaierror: [Errno -2] Name or service not known\n');
  });
});

describe('thousands of sockets', () => {
  it('creates sockets until the fd limit, raises EMFILE, and closeAll closes every one', async () => {
    const result = await manySockets(400, 10_000);
    expect(result.crash).toBeUndefined();
    expect(result.output).toBe('OSError: [Errno 24] Too many open files\n');
    expect(result.live).toBeGreaterThan(300);
    expect(result.afterOutput).toBe('OSError: [Errno 24] Too many open files\n');
    expect(result.closed).toBe(result.live);
    expect(result.reopened).toBe('');
    expect(result.leaked).toBe(0);
  }, 60_000);

  it('holds 10 000 sockets when the limit allows, and closes them all at the end', async () => {
    const result = await manySockets(20_000, 10_000);
    expect(result.crash).toBeUndefined();
    expect(result.output).toBe('');
    expect(result.live).toBe(10_000);
    expect(result.closed).toBe(10_001);
    expect(result.leaked).toBe(0);
  }, 60_000);
});
