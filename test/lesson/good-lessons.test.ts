import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lesson/diagnostics';
import { validateLessonFile } from '../../src/lesson/load';
import type { Lesson, PeerAction, PeerSpec } from '../../src/lesson/model';

const good = fileURLToPath(new URL('./fixtures/good/', import.meta.url));

async function load(name: string): Promise<Lesson> {
  const result = await validateLessonFile(path.join(good, name));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  expect(errors).toEqual([]);
  expect(result.lesson).not.toBeNull();
  return result.lesson!;
}

function peer<K extends PeerSpec['kind']>(lesson: Lesson, name: string, kind: K): Extract<PeerSpec, { kind: K }> {
  const found = lesson.peers.find((p) => p.name === name);
  expect(found?.kind).toBe(kind);
  return found as Extract<PeerSpec, { kind: K }>;
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('fetch-page.md', () => {
  it('has its front matter, intro, setup and steps with their lines', async () => {
    const lesson = await load('fetch-page.md');
    expect(lesson).toMatchObject({
      id: 'fetch-a-page',
      title: 'Fetch a web page',
      order: 10,
      level: 'beginner',
      tags: ['tcp', 'client', 'http'],
      line: 2,
      settings: { ipv6: false, ports: 1, unix: false },
    });
    expect(lesson.intro.startsWith('# Fetch a web page\n\nA web browser is a TCP client')).toBe(true);
    expect(lesson.intro).not.toContain('```python');
    expect(lesson.setup).toEqual([
      { source: 'import socket', line: 27 },
      { source: 'buffer = []', line: 29 },
    ]);
    expect(lesson.steps.map((s) => [s.number, s.id, s.line])).toEqual([
      [1, 'connect-to-the-server', 32],
      [2, 'send-the-request', 50],
      [3, 'read-the-reply', 68],
      [4, 'read-until-the-server-closes', 83],
      [5, 'split-the-header-from-the-body', 96],
      [6, 'close-the-socket', 110],
    ]);
  });

  it('keeps each call, check and hint with its line', async () => {
    const step = (await load('fetch-page.md')).steps[0]!;
    expect(step.calls).toEqual([
      { source: 's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)', line: 38 },
      { source: 's.connect((HOST, PORT))', line: 39 },
    ]);
    expect(step.check).toEqual({ source: "state(s) == 'ESTABLISHED' and remote(s) == (HOST, PORT) and peer_connections('web') == 1", line: 43 });
    expect(step.hints).toEqual([{ text: 'connect() takes one address tuple: `s.connect((HOST, PORT))`.', line: 46 }]);
    expect(step.errorHints).toEqual([
      { match: 'ConnectionRefusedError', matchKind: 'class', text: 'nothing listens on that port: check that you used `PORT`.', line: 47 },
      { match: 'socket.gaierror', matchKind: 'class', text: 'the host name could not be resolved: use `HOST`.', line: 48 },
    ]);
    expect(step.prose).toBe(
      'Create a TCP socket and connect it to the server. Watch the table: your socket goes from `CLOSE` to\n`ESTABLISHED`, and the kernel gives it an ephemeral local port.',
    );
    expect(step.peerActions).toEqual([]);
  });

  it('reads a text error hint and hints in order', async () => {
    const step = (await load('fetch-page.md')).steps[1]!;
    expect(step.hints.map((h) => h.line)).toEqual([63, 64]);
    expect(step.errorHints).toEqual([
      {
        match: 'TypeError: a bytes-like object is required',
        matchKind: 'text',
        text: 'a socket sends bytes: put a `b` before the quote.',
        line: 66,
      },
    ]);
  });

  it('declares the http-server with its defaults filled in', async () => {
    const web = peer(await load('fetch-page.md'), 'web', 'http-server');
    expect(web).toMatchObject({
      line: 9,
      host: '127.0.0.1',
      port: 'PORT',
      status: 200,
      reason: 'OK',
      contentType: 'text/html; charset=utf-8',
      headers: [
        ['Server', 'socklab-peer'],
        ['X-Lesson', 'fetch-a-page'],
      ],
      backlog: 1,
      maxClients: 1,
    });
    expect(web.body).toMatchObject({ text: '<h1>Hello from socklab</h1>\n', encoding: 'utf-8' });
    expect(text(web.body.bytes)).toBe('<h1>Hello from socklab</h1>\n');
  });
});

describe('greeting-server.md', () => {
  it('reads peer blocks with their triggers and actions', async () => {
    const lesson = await load('greeting-server.md');
    const [listen, , , greet, wait] = lesson.steps;
    expect(listen!.peerActions).toEqual([
      {
        trigger: 'done',
        line: 34,
        actions: [
          { type: 'connect', peer: 'client', host: '127.0.0.1', port: 'PORT', count: 1, source: 'client.connect(PORT)', line: 35 },
          { type: 'connect', peer: 'late_client', host: '127.0.0.1', port: 'PORT', count: 1, source: 'late_client.connect((HOST, PORT))', line: 36 },
        ],
      },
    ]);
    expect(greet!.peerActions).toEqual([
      { trigger: 'start', line: 75, actions: [{ type: 'recv', peer: 'client', max: 64, source: 'client.recv(max=64)', line: 76 }] },
    ]);
    const released = wait!.peerActions[0]!;
    expect(released.trigger).toBe('blocked');
    expect(released.actions[0]).toEqual({ type: 'wait', ms: 300, source: 'wait(300)', line: 92 });
    expect(released.actions[1]).toMatchObject({ type: 'sendall', peer: 'client', data: { text: null, encoding: null, source: "b'Hi, server!'" } });
  });

  it('joins a multi-line error hint, keeping its paragraphs', async () => {
    const listen = (await load('greeting-server.md')).steps[0]!;
    expect(listen.errorHints).toEqual([
      {
        match: 'OSError: [Errno 98] Address already in use',
        matchKind: 'text',
        text: "a socket from an earlier try still holds the port. `SO_REUSEADDR`, set before bind(), lets you bind anyway.\n\nIt is the kernel's TIME_WAIT that keeps the port.",
        line: 41,
      },
    ]);
  });

  it('keeps every suggested call of a step, and an encoded str as the calls show it', async () => {
    const lesson = await load('greeting-server.md');
    expect(lesson.steps[0]!.calls.map((c) => c.line)).toEqual([23, 24, 25, 26, 27]);
    expect(lesson.steps[3]!.calls[0]!.source).toBe("conn.sendall('Thank you for connecting\\r\\n'.encode('ascii'))");
    expect(lesson.setup).toEqual([]);
  });
});

describe('every-peer.md', () => {
  it('reads every setting, and warns (only) about the privileged port', async () => {
    const result = await validateLessonFile(path.join(good, 'every-peer.md'));
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      `${path.join(good, 'every-peer.md')}:164: warning: fixed port 80: a port below 1024 shows PermissionError only to a learner who is not root; use PORT unless that is the point`,
      `${path.join(good, 'every-peer.md')}:168: warning: fixed port 80: a port below 1024 shows PermissionError only to a learner who is not root; use PORT unless that is the point`,
    ]);
    expect(result.lesson!.settings).toEqual({ ipv6: true, ports: 3, unix: true });
  });

  it('reads every server parameter', async () => {
    const lesson = await load('every-peer.md');
    const echo = peer(lesson, 'echo', 'udp-server');
    expect(echo).toMatchObject({ port: 'PORT2', host: '127.0.0.1', encoding: 'gbk', recvSize: 512 });
    expect(echo.reply!.parts).toEqual([{ placeholder: 'upper' }, { text: ' (' }, { placeholder: 'length' }, { text: ' bytes)' }]);
    const greeter = peer(lesson, 'greeter', 'tcp-server');
    expect(greeter).toMatchObject({ host: '::1', port: 'PORT3', closeAfterGreeting: false, encoding: 'utf-8', recvSize: 1024, backlog: 3, maxClients: 2 });
    expect(text(greeter.greeting!.bytes)).toBe('Welcome!\r\n');
    expect(greeter.reply!.parts).toEqual([{ text: 'Hello, ' }, { placeholder: 'data' }, { text: '! {not a placeholder}' }]);
    expect(greeter.exit).toMatchObject({ text: null, source: "b'exit'" });
    const closer = peer(lesson, 'closer', 'tcp-server');
    expect(closer).toMatchObject({ host: '127.0.0.1', closeAfterGreeting: true, reply: null, exit: null, backlog: 5, maxClients: 5 });
    expect([...closer.greeting!.bytes]).toEqual([0x62, 0x79, 0x65, 0xff]);
    const teapot = peer(lesson, 'teapot', 'http-server');
    expect(teapot).toMatchObject({ host: '::1', port: 'PORT2', status: 418, reason: "I'm a teapot", contentType: 'text/plain', headers: [] });
    expect(text(teapot.body.bytes)).toBe('short and stout');
    peer(lesson, 'crowd', 'tcp-client');
    peer(lesson, 'sender', 'udp-client');
  });

  it('reads every action type with its arguments', async () => {
    const lesson = await load('every-peer.md');
    const actions: PeerAction[] = lesson.steps.flatMap((s) => s.peerActions.flatMap((b) => b.actions));
    const types = new Set(actions.map((a) => a.type));
    expect([...types].sort()).toEqual(['close', 'connect', 'flood', 'recv', 'reset', 'send', 'sendall', 'sendto', 'shutdown', 'stop', 'wait']);
    const find = (source: string): PeerAction => actions.find((a) => a.source === source)!;
    expect(find("sender.sendto('pong'.encode(), ('127.0.0.1', PORT))")).toMatchObject({ type: 'sendto', host: '127.0.0.1', port: 'PORT', data: { text: 'pong', encoding: 'utf-8' } });
    expect(find('sender.recv()')).toMatchObject({ type: 'recv', max: 65536 });
    expect(find("greeter.sendall('更多'.encode('utf-8'))")).toMatchObject({ data: { bytes: new Uint8Array([0xe6, 0x9b, 0xb4, 0xe5, 0xa4, 0x9a]) } });
    expect(find("greeter.shutdown('both')")).toMatchObject({ type: 'shutdown', how: 'both' });
    expect(find('crowd.connect(PORT, count=6)')).toMatchObject({ type: 'connect', count: 6 });
    expect(find('crowd.flood(count=100000)')).toMatchObject({ type: 'flood', count: 100000 });
    expect(find("echo.sendto(b'bye', (HOST, PORT))")).toMatchObject({ type: 'sendto', peer: 'echo' });
    expect(find('wait(200)')).toEqual({ type: 'wait', ms: 200, source: 'wait(200)', line: 152 });
  });

  it('reads error hints by class, by text, and for socklab notes', async () => {
    const step = (await load('every-peer.md')).steps.find((s) => s.title === 'A privileged port')!;
    expect(step.errorHints.map((h) => [h.match, h.matchKind])).toEqual([
      ['PermissionError', 'class'],
      ['[Errno 13]', 'text'],
      ['socklab', 'class'],
    ]);
  });
});
