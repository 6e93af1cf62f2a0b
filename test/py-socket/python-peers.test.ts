// Real peers: python3 servers and clients in child processes (curriculum P2, P3, P6) talking to the
// sockets the learner's statements make in socklab, in both directions.
import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { freePort, freshSessionPerTest, type Session } from './helpers';

/** A python3 program in a child process; its stdout collected, 'ready' awaited when asked. */
class PythonPeer {
  readonly child: ChildProcessWithoutNullStreams;
  output = '';
  private readonly exited: Promise<number | null>;

  constructor(source: string, args: readonly string[]) {
    this.child = spawn('python3', ['-u', '-c', source, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    this.child.stderr.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** Resolves when the program printed `line`; fails if it exits first or takes over 10 s. */
  async printed(line: string): Promise<void> {
    for (let waited = 0; !this.output.split('\n').includes(line); waited += 10) {
      if (this.child.exitCode !== null || waited > 10_000) throw new Error(`python3 did not print ${line}: ${this.output}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async finished(): Promise<string> {
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const code = await this.exited;
    clearTimeout(timer);
    if (code !== 0) throw new Error(`python3 exited with ${code}: ${this.output}`);
    return this.output;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

const HELLO_SERVER = `
import socket, sys, threading
def tcplink(sock, addr):
    sock.send(b'Welcome!')
    while True:
        data = sock.recv(1024)
        if not data or data.decode('utf-8') == 'exit':
            break
        sock.send(('Hello, %s!' % data.decode('utf-8')).encode('utf-8'))
    sock.close()
    print('closed')
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', int(sys.argv[1])))
s.listen(5)
print('ready')
sock, addr = s.accept()
t = threading.Thread(target=tcplink, args=(sock, addr))
t.start()
t.join()
s.close()
`;

const UPPER_CLIENT = `
import socket, sys
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(('127.0.0.1', int(sys.argv[1])))
for msg in ['hello', '', 'world']:
    if not msg:
        continue
    client.send(msg.encode('utf-8'))
    print(client.recv(1024).decode('utf-8'))
client.close()
`;

const UDP_SERVER = `
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.1', int(sys.argv[1])))
print('ready')
for i in range(3):
    data, addr = s.recvfrom(1024)
    s.sendto(b'Hello, %s!' % data, addr)
s.close()
`;

const UDP_CLIENT = `
import socket, sys
c = socket.socket(socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET, socket.SOCK_DGRAM)
c.settimeout(10)
c.sendto(b'hello', (sys.argv[1], int(sys.argv[2])))
data, addr = c.recvfrom(1024)
print(data.decode())
c.close()
`;

let session: Session;
freshSessionPerTest((s) => (session = s), ['import socket']);
const peers: PythonPeer[] = [];

function python(source: string, ...args: (string | number)[]): PythonPeer {
  const peer = new PythonPeer(source, args.map(String));
  peers.push(peer);
  return peer;
}

afterEach(() => {
  for (const peer of peers.splice(0)) peer.kill();
});

describe('socklab as the client of a python3 server', () => {
  it('talks to the threaded hello server (P2) as its client', async () => {
    const port = await freePort();
    const server = python(HELLO_SERVER, port);
    await server.printed('ready');
    expect(await session.run('s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)')).toBe('');
    expect(await session.run(`s.connect(('127.0.0.1', ${port}))`)).toBe('');
    expect(await session.run("print(s.recv(1024).decode('utf-8'))")).toBe('Welcome!\n');
    for (const name of ['Michael', 'Tracy', 'Sarah']) {
      expect(await session.run(`s.send(b'${name}')`)).toBe(`${name.length}\n`);
      expect(await session.run("print(s.recv(1024).decode('utf-8'))")).toBe(`Hello, ${name}!\n`);
    }
    expect(await session.run("s.send(b'exit')")).toBe('4\n');
    expect(await session.run('s.recv(1024)')).toBe("b''\n");
    expect(await session.run('s.close()')).toBe('');
    expect(await server.finished()).toBe('ready\nclosed\n');
  });

  it('sends datagrams to a python3 UDP server (P3) and reads the replies', async () => {
    const port = await freePort();
    const server = python(UDP_SERVER, port);
    await server.printed('ready');
    await session.run('c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)');
    for (const name of ['Michael', 'Tracy', 'Sarah']) {
      expect(await session.run(`c.sendto(b'${name}', ('127.0.0.1', ${port}))`)).toBe(`${name.length}\n`);
      expect(await session.run('c.recv(1024)')).toBe(`b'Hello, ${name}!'\n`);
    }
    await server.finished();
  });
});

describe('socklab as the server of a python3 client', () => {
  it('accepts a python3 client that connects while accept() waits, and echoes in upper case (P6)', async () => {
    await session.runAll(['phone = socket.socket(socket.AF_INET, socket.SOCK_STREAM)', 'phone.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)', "phone.bind(('127.0.0.1', 0))", 'phone.listen(5)']);
    const port = (await session.run('phone.getsockname()[1]')).trim();
    const accepting = session.run('conn, client_addr = phone.accept()');
    const client = python(UPPER_CLIENT, port);
    expect(await accepting).toBe('');
    expect(await session.run("data = conn.recv(1024); data")).toBe("b'hello'\n");
    expect(await session.run('conn.send(data.upper())')).toBe('5\n');
    expect(await session.run('data = conn.recv(1024); data')).toBe("b'world'\n");
    expect(await session.run('conn.send(data.upper())')).toBe('5\n');
    expect(await session.run('len(conn.recv(1024)) == 0')).toBe('True\n');
    expect(await session.run('conn.close()')).toBe('');
    expect(await client.finished()).toBe('HELLO\nWORLD\n');
  });

  it.each([
    ['IPv4', 'AF_INET', '127.0.0.1'],
    ['IPv6', 'AF_INET6', '::1'],
  ])('answers a python3 UDP client over %s with recvfrom and sendto', async (_name, af, host) => {
    await session.runAll([`server = socket.socket(socket.${af}, socket.SOCK_DGRAM)`, `server.bind(('${host}', 0))`]);
    const port = (await session.run('server.getsockname()[1]')).trim();
    const receiving = session.run('data, addr = server.recvfrom(1024)');
    const client = python(UDP_CLIENT, host, port);
    expect(await receiving).toBe('');
    expect(await session.run('data')).toBe("b'hello'\n");
    expect(await session.run('server.sendto(data.upper(), addr)')).toBe('5\n');
    expect(await client.finished()).toBe('HELLO\n');
  });
});
