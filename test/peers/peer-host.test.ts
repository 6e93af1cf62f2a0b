// The host of a lesson's peers: starting, running blocks, the sockets table, the log, stopping.
import { describe, expect, it, vi } from 'vitest';
import type { PeerActionBlock, PeerSpec } from '../../src/lesson/model';
import { PeerHost, PeerStartError } from '../../src/session/peers';
import { SocketTable } from '../../src/session/socket-table';
import { SYS, accept, bind, defaultReactor, listen } from '../../src/sys/index';
import {
  act,
  addr,
  block,
  bytesOf,
  eventually,
  fdCount,
  httpServer,
  learnerConnect,
  learnerSendAll,
  payload,
  peerTestKit,
  tcpClient,
  tcpServer,
  template,
  texts,
  udpClient,
  udpServer,
  waitFor,
} from './helpers';

const { t, hosts } = peerTestKit();

describe('PeerHost.start', () => {
  it('says which server could not listen, and why, closing what it had opened; start may be tried again', async () => {
    defaultReactor();
    const before = fdCount();
    const { host, port, ports } = await hosts.create([tcpServer({ name: 'first', port: 'PORT2' }), httpServer()], { ports: 2 });
    const taken = t.socket(2, SYS.SOCK_STREAM);
    bind(taken, addr(port));
    listen(taken, 1);
    const failure = await host.start().then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(PeerStartError);
    expect(failure).toMatchObject({ peer: 'web', message: `web server could not listen on 127.0.0.1:${port}: [Errno 98] Address already in use` });
    expect(host.held()).toEqual([]);
    expect(host.takeClosed().map((c) => c.name).sort()).toEqual(['first server', 'web server']);
    expect(texts(host)).toEqual([`first server listening on 127.0.0.1:${ports.PORT2} (backlog 5)`]);
    t.close(taken);
    await host.start();
    expect(host.held().map((h) => h.name)).toEqual(['first server', 'web server']);
    await host.stop();
    await defaultReactor().settle();
    expect(fdCount()).toBe(before);
  });

  it('says when a server names a port the lesson did not reserve', async () => {
    const { host } = await hosts.create([udpServer({ port: 'PORT3' })]);
    await expect(host.start()).rejects.toThrow('echo server cannot start: this lesson has no PORT3');
  });

  it('refuses bad specs with a clear error', () => {
    const env = { reactor: defaultReactor(), ports: {} };
    expect(() => new PeerHost([tcpClient('a'), udpClient('a')], env)).toThrow("two peers are named 'a'");
    expect(() => new PeerHost([{ kind: 'ftp-server', name: 'x', line: 1 } as unknown as PeerSpec], env)).toThrow('unknown peer kind "ftp-server"');
    expect(() => new PeerHost([tcpClient('')], env)).toThrow('every peer needs a name');
    expect(() => new PeerHost([], { ports: {} } as never)).toThrow('the peers need a reactor');
  });

  it('starts once; a stopped host cannot start again', async () => {
    const { host } = await hosts.create([httpServer()]);
    await host.start();
    await host.start();
    expect(host.held()).toHaveLength(1);
    await host.stop();
    await expect(host.start()).rejects.toThrow('these peers have been stopped');
  });
});

describe('PeerHost.run', () => {
  it('logs an unknown peer, an action its kind lacks, and a malformed block, and never rejects', async () => {
    const { host } = await hosts.create([httpServer(), tcpClient()]);
    await host.start();
    await host.run(block(act.connect('nobody'), act.connect('web'), act.stop('client')));
    await host.run({ trigger: 'start', line: 3, actions: 'nonsense' } as unknown as PeerActionBlock);
    await host.run({ trigger: 'start', line: 4, actions: [null] } as unknown as PeerActionBlock);
    expect(texts(host).slice(1)).toEqual([
      "this lesson has no peer named 'nobody'",
      'web server cannot connect(): a http-server peer has no such action',
      'client cannot stop(): a tcp-client peer has no such action',
      'a peer block must list its actions',
      'a peer block holds something that is not an action',
    ]);
    expect(host.log().slice(1).every((e) => e.kind === 'error')).toBe(true);
  });

  it('runs actions in order, wait() included, and stops at once when its signal aborts', async () => {
    const { host, port } = await hosts.create([tcpClient()]);
    const server = t.socket(2, SYS.SOCK_STREAM);
    bind(server, addr(port));
    listen(server, 5);
    await host.run(block(act.connect('client'), act.wait(20), act.sendall('client', 'after the wait')));
    expect(texts(host).at(-1)).toBe("client sent b'after the wait'");
    const controller = new AbortController();
    // With the clock frozen, the pause can only end by the abort.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const running = host.run(block(act.wait(10_000), act.close('client')), controller.signal);
      controller.abort();
      await running;
    } finally {
      vi.useRealTimers();
    }
    // The action after the pause never ran.
    expect(host.connections('client')).toBe(1);
  });

  it('answers state and connections for unknown names with null, received with b\'\'', async () => {
    const { host } = await hosts.create([tcpClient()]);
    expect(host.state('ghost')).toBeNull();
    expect(host.connections('ghost')).toBeNull();
    expect(host.received('ghost')).toEqual(new Uint8Array(0));
  });
});

describe('PeerHost log', () => {
  it('tells listeners each event as it happens, until they unsubscribe', async () => {
    const { host, port } = await hosts.create([tcpServer({ greeting: payload('Welcome!') }), tcpClient()]);
    const heard: string[] = [];
    const unsubscribe = host.onEvent((e) => heard.push(`${e.peer}: ${e.text}`));
    await host.start();
    await host.run(block(act.connect('client'), act.recv('client', 1024)));
    unsubscribe();
    await host.run(block(act.close('client')));
    expect(heard[0]).toBe(`hello: hello server listening on 127.0.0.1:${port} (backlog 5)`);
    expect(heard).toContain("client: client received b'Welcome!'");
    expect(heard).not.toContain(expect.stringMatching(/closed its connection/));
    expect(host.log().map((e) => e.seq)).toEqual([...host.log().keys()].map((i) => i + 1));
  });

  it('never puts a raw control byte from the network into an event', async () => {
    const { host, port, ports } = await hosts.create([tcpServer({ reply: template('{data}') }), httpServer({ port: 'PORT2' })], { ports: 2 });
    await host.start();
    const hostile = bytesOf('\x1b]0;owned\x07\x1b[2J\r\x08\x9b\xff');
    const a = await learnerConnect(t, port);
    await learnerSendAll(a, hostile);
    const b = await learnerConnect(t, ports.PORT2!);
    await learnerSendAll(b, Buffer.concat([hostile, bytesOf(' HTTP/1.1\r\n\r\n')]));
    await eventually(() => host.log().filter((e) => e.kind === 'send').length, (n) => n >= 2);
    const all = texts(host).join('\n');
    expect(all).toContain("hello server received b'\\x1b]0;owned\\x07\\x1b[2J\\r\\x08\\x9b\\xff' from");
    expect(all).toContain('web server got a request: \\x1b]0;owned\\x07\\x1b[2J');
    for (const text of texts(host)) expect(/[\x00-\x1f\x7f-\x9f]/.test(text)).toBe(false);
  });
});

describe('PeerHost sockets table', () => {
  it('feeds a SocketTable snapshot that shows both ends of a connection, and the closed one', async () => {
    const { host, port } = await hosts.create([tcpClient()]);
    const server = t.socket(2, SYS.SOCK_STREAM);
    bind(server, addr(port));
    listen(server, 5);
    await host.run(block(act.connect('client')));
    await waitFor(server, SYS.POLLIN);
    const conn = t.track(accept(server).fd);
    const table = new SocketTable();
    const learner = [
      { key: 'L1', name: 's', owner: 'learner' as const, fd: server },
      { key: 'L2', name: 'conn', owner: 'learner' as const, fd: conn },
    ];
    let rows = table.snapshot([...learner, ...host.held()], host.takeClosed());
    const client = rows.find((r) => r.name === 'client')!;
    const learnerConn = rows.find((r) => r.name === 'conn')!;
    expect(client).toMatchObject({ owner: 'peer', proto: 'TCP', state: 'ESTABLISHED', remote: `127.0.0.1:${port}` });
    expect(learnerConn).toMatchObject({ owner: 'learner', state: 'ESTABLISHED', local: client.remote, remote: client.local });
    expect(rows.filter((r) => r.owner === 'outside')).toEqual([]);

    await host.run(block(act.close('client')));
    rows = table.snapshot([...learner, ...host.held()], host.takeClosed());
    expect(rows.find((r) => r.name === 'client' && r.closed)).toMatchObject({ state: 'CLOSED', local: client.local, remote: client.remote });
    expect(rows.find((r) => r.name === 'conn')).toMatchObject({ state: 'CLOSE_WAIT' });
    // The peer's side goes on in the kernel, no fd holding it: FIN_WAIT1 until the learner's ACK, then FIN_WAIT2.
    expect(rows.find((r) => r.owner === 'kernel' && r.local === client.local)).toMatchObject({ state: expect.stringMatching(/^FIN_WAIT[12]$/) });
  });

  it("shows a server peer's listener and the connection it serves beside the learner's client", async () => {
    const { host, port } = await hosts.create([httpServer()]);
    await host.start();
    const fd = await learnerConnect(t, port);
    await eventually(() => host.connections('web'), (n) => n === 1);
    const rows = new SocketTable().snapshot([{ key: 'L1', name: 'c', owner: 'learner', fd }, ...host.held()], host.takeClosed());
    const mine = rows.find((r) => r.name === 'c')!;
    expect(rows.map((r) => [r.owner, r.name, r.state])).toEqual([
      ['learner', 'c', 'ESTABLISHED'],
      ['peer', 'web server', 'LISTEN'],
      ['peer', `web server ← ${mine.local}`, 'ESTABLISHED'],
    ]);
  });
});

describe('PeerHost.stop', () => {
  it('closes every socket of every peer, ends every wait, leaks no fd, and is idempotent', async () => {
    defaultReactor();
    const before = fdCount();
    const { host, ports } = await hosts.create(
      [
        httpServer(),
        tcpServer({ port: 'PORT2', greeting: payload('hi') }),
        udpServer({ port: 'PORT3' }),
        tcpClient(),
        udpClient('sender'),
      ],
      { ports: 4, limits: { recvMs: 300_000, connectMs: 300_000 } },
    );
    await host.start();
    // The learner's server with a full accept queue, for a client left connecting.
    const server = t.socket(2, SYS.SOCK_STREAM);
    bind(server, addr(ports.PORT4!));
    listen(server, 0);
    // A web client that never sends, and a greeted client that never reads.
    await learnerConnect(t, ports.PORT!);
    await learnerConnect(t, ports.PORT2!);
    const waiting = host.run(block(act.connect('client', 3, 'PORT4'), act.recv('client')));
    const receiving = host.run(block(act.sendto('sender', 'x', 'PORT3'), act.recv('sender')));
    await eventually(() => host.held().length, (n) => n >= 9);
    expect(host.connections('web')).toBe(1);
    await host.stop();
    await Promise.all([waiting, receiving]);
    expect(host.held()).toEqual([]);
    expect(host.takeClosed().length).toBeGreaterThanOrEqual(9);
    expect(host.state('web')).toBe('CLOSED');
    expect(host.state('client')).toBe('CLOSED');
    await host.stop();
    await host.run(block(act.connect('client', 1, 'PORT4')));
    expect(host.held()).toEqual([]);
    t.closeAll();
    await defaultReactor().settle();
    expect(fdCount()).toBe(before);
  });
});
