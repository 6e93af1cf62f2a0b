// A reader that stops reading socklab's output (`socklab list | head -1`): socklab ends quietly, with
// its sockets closed, instead of failing with an unhandled EPIPE.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { CLI } from '../support/socklab-cli';
import { freePort } from '../py-socket/helpers';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** Runs the CLI, closes its standard output after the first chunk, and returns its exit and stderr. */
function readOneChunk(args: string[], input: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`socklab ${args.join(' ')} did not end after its reader went away`));
    }, 15_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('socklab writing to a reader that went away', () => {
  it('ends the lesson list quietly', async () => {
    const { code, stderr } = await readOneChunk(['list', '--no-builtin', '--lessons', 'lessons'], '');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('ends a plain session quietly, its sockets with it', async () => {
    const port = await freePort();
    const lines = ['import socket', 's = socket.socket()', `s.bind(('127.0.0.1', ${port}))`, 's.listen()'];
    for (let i = 0; i < 5000; i++) lines.push(`print('line ${i}' * 20)`);
    const { code, stderr } = await readOneChunk(['sandbox', '--plain'], `${lines.join('\n')}\n`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await portIsFree(port)).toBe(true);
  });
});
