// `socklab sandbox --plain` end to end: the built CLI as a child process on real loopback sockets.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/socklab-cli';
import { freePort } from '../py-socket/helpers';

/** True when nothing listens on the port any more (socklab closed its sockets). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('socklab sandbox --plain', () => {
  it('prints each statement, its output and the sockets that changed', async () => {
    const port = await freePort();
    const script = [
      '# a listener and a client',
      'import socket',
      '',
      's = socket.socket()',
      `s.bind(('127.0.0.1', ${port}))`,
      's.listen(5)',
      'c = socket.create_connection(("127.0.0.1", ' + port + '))',
      'conn, addr = s.accept()',
      "c.sendall(b'hi there')",
      'conn.recv(1024)',
      '1 + 1',
    ].join('\n');
    const { stdout, code, stderr } = await runCli(['sandbox', '--plain'], `${script}\n`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('>>> import socket');
    expect(lines).toContain(`>>> s.bind(('127.0.0.1', ${port}))`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^# s fd=\\d+ TCP 127\\.0\\.0\\.1:${port} LISTEN 0 waiting to be accepted \\(backlog 5\\)$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^# s fd=\\d+ TCP 127\\.0\\.0\\.1:${port} LISTEN 1 waiting to be accepted \\(backlog 5\\)$`)));
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^# conn fd=\\d+ TCP 127\\.0\\.0\\.1:${port} -> 127\\.0\\.0\\.1:\\d+ ESTABLISHED 8 bytes unread$`)));
    expect(lines).toContain("b'hi there'");
    expect(lines).toContainEqual(expect.stringMatching(/^# conn\.recv\(1024\) returned 8 bytes from 127\.0\.0\.1:\d+: b'hi there'$/));
    expect(lines).toContain('2');
    expect(stdout).not.toContain('# a listener');
    expect(await portIsFree(port)).toBe(true);
  });

  it('leaves the state lines out with --no-state', async () => {
    const { stdout } = await runCli(['sandbox', '--plain', '--no-state'], 'import socket\ns = socket.socket()\ns\n');
    expect(stdout).not.toMatch(/^# /m);
    expect(stdout).toMatch(/^<socket\.socket fd=\d+, family=2, type=1, proto=0, laddr=\('0\.0\.0\.0', 0\)>$/m);
  });

  it('stops reading at exit() and still closes every socket', async () => {
    const port = await freePort();
    const { stdout, code } = await runCli(['sandbox', '--plain', '--no-state'], `import socket\ns = socket.socket()\ns.bind(('127.0.0.1', ${port}))\ns.listen()\nexit()\nprint('not run')\n`);
    expect(code).toBe(0);
    expect(stdout).not.toContain('not run');
    expect(await portIsFree(port)).toBe(true);
  });

  it('turns Ctrl+C during a blocked accept() into KeyboardInterrupt and goes on', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'sandbox', '--plain', '--no-state'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const waitFor = async (text: string) => {
      for (let i = 0; i < 200 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 25));
      if (!out.includes(text)) throw new Error(`never saw ${JSON.stringify(text)} in:\n${out}`);
    };
    try {
      child.stdin.write(`import socket\ns = socket.socket()\ns.bind(('127.0.0.1', ${port}))\ns.listen()\ns.accept()\n`);
      await waitFor('>>> s.accept()');
      await new Promise((r) => setTimeout(r, 100));
      child.kill('SIGINT');
      await waitFor('KeyboardInterrupt');
      child.stdin.end("print('still here', s.getsockname()[1])\n");
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(out).toContain(`still here ${port}`);
      expect(await portIsFree(port)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('closes its sockets and exits on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, 'sandbox', '--plain'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    try {
      child.stdin.write(`import socket\ns = socket.socket()\ns.bind(('127.0.0.1', ${port}))\ns.listen()\n`);
      for (let i = 0; i < 200 && !out.includes('LISTEN'); i++) await new Promise((r) => setTimeout(r, 25));
      expect(out).toContain('LISTEN');
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.on('close', (c, s) => resolve(c ?? (s ? -1 : null))));
      expect(code).toBe(143);
      expect(await portIsFree(port)).toBe(true);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
