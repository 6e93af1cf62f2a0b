// The App in the sandbox, on real loopback sockets: statements typed at the prompt, the table, a
// blocked accept released by a client this test connects, and Ctrl+C interrupting a blocked recv.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { driveApp, keys, type AppDriver } from './app-harness';

let app: AppDriver | null = null;
const clients: Socket[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await app?.unmount();
  expect(app?.services.openSessions ?? 0).toBe(0);
  app = null;
});

function connectTo(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const client = connect(port, '127.0.0.1', () => resolve(client));
    clients.push(client);
    client.once('error', reject);
  });
}

/** A listening socket `s` on a port the kernel chose; returns the port. */
async function listening(driver: AppDriver): Promise<number> {
  await driver.run('import socket');
  await driver.run('s = socket.socket()');
  await driver.run("s.bind(('127.0.0.1', 0))");
  await driver.run('s.listen(5)');
  const frame = await driver.run('s.getsockname()');
  const port = Number(/\('127\.0\.0\.1', (\d+)\)\n/.exec(frame)?.[1]);
  expect(port).toBeGreaterThan(0);
  return port;
}

describe('App in the sandbox, on real sockets', () => {
  it('shows each statement and the table after it', async () => {
    app = await driveApp({ start: { kind: 'sandbox' } });
    await app.until((f) => f.includes('sandbox: every statement runs on a real socket'));
    const port = await listening(app);
    const frame = app.frame();
    expect(frame).toMatch(new RegExp(`s\\s+\\d+\\s+TCP\\s+127\\.0\\.0\\.1:${port}\\s+-\\s+LISTEN\\s+0 waiting`));
    expect(frame).toContain('>>> s.listen(5)');
    expect(app.services.openSessions).toBe(1);
  });

  it('shows a client waiting in the accept queue while idle, then releases a blocked accept', async () => {
    app = await driveApp({ start: { kind: 'sandbox' } });
    const port = await listening(app);
    await connectTo(port);
    await app.until((f) => /LISTEN\s+1 waiting/.test(f));
    await app.run('conn, addr = s.accept()');
    await app.until((f) => /conn\s+\d+\s+TCP\s+127\.0\.0\.1:\d+\s+127\.0\.0\.1:\d+\s+ESTABLISHED/.test(f));

    await app.enter('c2, a2 = s.accept()');
    await app.until((f) => f.includes(`accept(): waiting for a client on 127.0.0.1:${port}`) && f.includes('Ctrl+C interrupts'));
    await connectTo(port);
    const frame = await app.until((f) => /c2\s+\d+\s+TCP/.test(f) && !f.includes('waiting for a client'));
    expect(frame).toMatch(/\+ c2\s+\d+\s+TCP\s+127\.0\.0\.1:\d+\s+127\.0\.0\.1:\d+\s+ESTABLISHED/);
  });

  it('streams output printed before a call blocks, and Ctrl+C interrupts a blocked recv', async () => {
    app = await driveApp({ start: { kind: 'sandbox' } });
    const port = await listening(app);
    const client = await connectTo(port);
    await app.run('conn, addr = s.accept()');
    await app.enter("print('before the wait'); conn.recv(1024)");
    await app.until((f) => f.includes('recv(1024): waiting for') && f.includes('\nbefore the wait\n'));
    app.press(keys.ctrlC);
    const frame = await app.until((f) => f.includes('KeyboardInterrupt') && app!.promptLine() === '>>>');
    expect(frame).not.toContain('press Ctrl+C again to quit');
    expect(app.quits).toBe(0);

    client.write('after');
    await app.until((f) => /conn\s+.*ESTABLISHED\s+5 bytes unread/.test(f));
    const received = await app.run('conn.recv(1024)');
    expect(received).toContain("bytes · conn.recv(1024) returned 5 bytes");
    expect(received).toContain('61 66 74 65 72');
  });

  it('closes every socket on :reset and explains the lesson commands', async () => {
    app = await driveApp({ start: { kind: 'sandbox' } });
    await listening(app);
    await app.enter(':hint');
    await app.until((f) => f.includes(':hint works in a lesson; this is the sandbox'));
    await app.enter(':lessons');
    await app.until((f) => f.includes('the sandbox has no lessons'));
    await app.enter(':reset');
    const frame = await app.until((f) => f.includes('every socket is closed and every name forgotten'));
    expect(frame).toMatch(/x s\s+-\s+TCP\s+127\.0\.0\.1:\d+\s+-\s+CLOSED/);
    const after = await app.run('s');
    expect(after).toContain("NameError: name 's' is not defined");
  });

  it('takes keys that arrive in one chunk in order: Backspace and Enter, Tab and Enter, then the lines after', async () => {
    app = await driveApp({ start: { kind: 'sandbox' } });
    await app.until((f) => f.includes('sandbox: every statement runs on a real socket'));
    app.press('x = 12\x7f3\r');
    await app.until((f) => f.includes('>>> x = 13') && app!.promptLine() === '>>>');
    await app.run('import socket');
    app.press('socket.SOCK_DG\t\rx + 1\r');
    const frame = await app.until((f) => f.includes('>>> x + 1\n14'));
    expect(frame).toContain('>>> socket.SOCK_DGRAM\n<SocketKind.SOCK_DGRAM: 2>');
    expect(app.promptLine()).toBe('>>>');
  });

  it('quits with Ctrl+C twice at the prompt, and with exit()', async () => {
    app = await driveApp({ start: { kind: 'sandbox' } });
    await app.until((f) => f.includes('sandbox:'));
    app.press(keys.ctrlC);
    await app.until((f) => f.includes('press Ctrl+C again to quit'));
    expect(app.quits).toBe(0);
    app.press(keys.ctrlC);
    await app.until(() => app!.quits === 1);
    await app.unmount();

    app = await driveApp({ start: { kind: 'sandbox' } });
    await app.enter('exit()');
    await app.until(() => app!.quits === 1);
  });
});
