// The registry of a session's sockets, the contract with the session layer: serials never reused,
// live sockets in creation order, closed ones handed over once with their last addresses, change
// notifications, and closeAll leaving no fd open.
import { describe, it, expect } from 'vitest';
import type { PyObject } from '../../src/py/objects/object';
import { blockedNow, freshSessionPerTest, openFdCount, type Session, until } from './helpers';

let session: Session;
freshSessionPerTest((s) => (session = s), ['import socket']);

function global(name: string): PyObject {
  const value = session.interpreter.globals.get(name);
  if (value === undefined) throw new Error(`no global ${name}`);
  return value;
}

describe('SocketRegistry', () => {
  it('tracks created and accepted sockets in creation order, with serials never reused', async () => {
    await session.runAll(["srv = socket.create_server(('127.0.0.1', 0), backlog=7)", 'c = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)']);
    await session.runAll(['c.close()', 'c = socket.create_connection(srv.getsockname())', 'conn, addr = srv.accept()']);
    const live = session.registry.live();
    expect(live.map((t) => t.serial)).toEqual([1, 3, 4]);
    const [srv, client, conn] = live;
    expect(srv).toMatchObject({ family: 2, type: 1, proto: 0, backlog: 7, closedAt: null, object: global('srv') });
    expect(client?.object).toBe(global('c'));
    expect(conn?.fd).toBe(Number((await session.run('conn.fileno()')).trim()));
    expect(session.registry.byObject(global('conn'))).toBe(conn);
    expect(session.registry.byObject(global('addr'))).toBeUndefined();
    const closed = session.registry.takeClosed();
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ serial: 2, fd: -1, family: 10, type: 2 });
    expect(typeof closed[0]?.closedAt).toBe('number');
    expect(session.registry.takeClosed()).toEqual([]);
  });

  it('records the addresses a connection had just before close, for following it in the kernel', async () => {
    await session.runAll(["srv = socket.create_server(('127.0.0.1', 0))", 'c = socket.create_connection(srv.getsockname())', 'conn, addr = srv.accept()']);
    const serverPort = Number((await session.run('srv.getsockname()[1]')).trim());
    const clientPort = Number((await session.run('c.getsockname()[1]')).trim());
    await session.run('conn.close()');
    const [closed] = session.registry.takeClosed();
    expect(closed?.lastLocal).toEqual({ family: 2, host: '127.0.0.1', port: serverPort });
    expect(closed?.lastRemote).toEqual({ family: 2, host: '127.0.0.1', port: clientPort });
    expect(closed?.object).toBe(global('conn'));
    expect(session.registry.byObject(global('conn'))?.closedAt).not.toBeNull();
  });

  it('tells listeners about created, listening, accepted and closed sockets until they unsubscribe', async () => {
    let changes = 0;
    const stop = session.registry.onChange(() => changes++);
    await session.run("srv = socket.create_server(('127.0.0.1', 0))");
    expect(changes).toBe(2);
    await session.runAll(['c = socket.create_connection(srv.getsockname())', 'conn, addr = srv.accept()', 'c.close()']);
    expect(changes).toBe(5);
    await session.run('c.close()');
    expect(changes).toBe(5);
    stop();
    await session.run('conn.close()');
    expect(changes).toBe(5);
  });

  it('keeps going when a listener fails', async () => {
    session.registry.onChange(() => {
      throw new Error('a broken view');
    });
    let calls = 0;
    session.registry.onChange(() => calls++);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      expect(await session.run('s = socket.socket(); s.close(); s')).toBe('<socket.socket [closed] fd=-1, family=2, type=1, proto=0>\n');
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(calls).toBe(2);
    expect(warnings.some((w) => w.includes('a broken view'))).toBe(true);
  });

  it('does not close a socket on del: the fd stays open until close() or closeAll()', async () => {
    const before = openFdCount();
    await session.runAll(['s = socket.socket()', 'del s']);
    expect(openFdCount()).toBe(before + 1);
    expect(session.registry.live()).toHaveLength(1);
  });

  it('closes every socket once in closeAll, marks the objects closed, and can be called again', async () => {
    const fdsBefore = openFdCount();
    await session.runAll(["srv = socket.create_server(('127.0.0.1', 0))", 'c = socket.create_connection(srv.getsockname())', 'conn, addr = srv.accept()']);
    let changes = 0;
    session.registry.onChange(() => changes++);
    session.registry.closeAll();
    expect(changes).toBe(1);
    expect(session.registry.live()).toEqual([]);
    expect(session.registry.takeClosed().map((t) => t.serial)).toEqual([1, 2, 3]);
    expect(openFdCount()).toBe(fdsBefore);
    expect(await session.run('c')).toBe('<socket.socket [closed] fd=-1, family=2, type=1, proto=6>\n');
    expect(await session.run('conn.recv(1)')).toBe('OSError: [Errno 9] Bad file descriptor\n');
    expect(() => session.registry.closeAll()).not.toThrow();
    expect(session.registry.takeClosed()).toEqual([]);
    expect(changes).toBe(1);
  });

  it('ends a call blocked in accept when the session closes the socket under it', async () => {
    await session.run("srv = socket.create_server(('127.0.0.1', 0))");
    const pending = session.run('srv.accept()');
    await until(() => blockedNow(session.events) !== null);
    session.registry.closeAll();
    expect(await pending).toBe('OSError: [Errno 9] Bad file descriptor\n');
  });

  it('counts a detached fd as closed for the object, keeps it open, wraps it again, and closes it at the end', async () => {
    const fdsBefore = openFdCount();
    await session.run("u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 0))");
    const before = openFdCount();
    expect(await session.run('fd = u.detach(); fd == -1, u.fileno()')).toBe('(False, -1)\n');
    expect(openFdCount()).toBe(before);
    expect(session.registry.live()).toEqual([]);
    expect(await session.run('v = socket.socket(fileno=fd); v.family, v.type, v.fileno() == fd')).toBe(
      '(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_DGRAM: 2>, True)\n',
    );
    expect(session.registry.live().map((t) => t.serial)).toEqual([2]);
    expect(await session.run('socket.socket(fileno=fd)')).toBe('OSError: [Errno 9] Bad file descriptor\n');
    expect(await session.run('socket.socket(fileno=-3)')).toBe('ValueError: negative file descriptor\n');
    await session.run('v.detach()');
    session.registry.closeAll();
    expect(openFdCount()).toBe(fdsBefore);
  });
});
