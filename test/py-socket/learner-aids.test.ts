// What helps the learner: help() on every function and method, completion of methods and constants,
// the call labels of blocked events, and the bytes events of every call that returns bytes.
import { describe, it, expect } from 'vitest';
import { PyModule } from '../../src/py/objects/module';
import { PyType } from '../../src/py/objects/object';
import { PyMethodDescriptor, PyNativeFunction } from '../../src/py/objects/function';
import { callLabel } from '../../src/py/modules/socket/describe';
import { freshSessionPerTest, type Session } from './helpers';

let session: Session;
freshSessionPerTest((s) => (session = s), ['import socket, select', 's = socket.socket()']);

describe('help', () => {
  it('explains each method and function in a paragraph', async () => {
    const socketModule = session.interpreter.globals.get('socket') as PyModule;
    const selectModule = session.interpreter.globals.get('select') as PyModule;
    const cls = socketModule.get('socket') as PyType;
    const documented: string[] = [];
    for (const [name, attr] of cls.attrs) {
      if (attr instanceof PyMethodDescriptor) {
        expect(attr.doc.length, name).toBeGreaterThan(60);
        documented.push(name);
      }
    }
    expect(documented).toEqual(expect.arrayContaining(['bind', 'listen', 'accept', 'connect', 'connect_ex', 'send', 'sendall', 'sendto', 'recv', 'recvfrom', 'close', 'shutdown', 'setsockopt', 'getsockopt', 'settimeout', 'setblocking']));
    for (const module of [socketModule, selectModule]) {
      for (const [name, value] of module.dict) {
        if (value instanceof PyNativeFunction) expect(value.doc.length, name).toBeGreaterThan(60);
      }
    }
    expect(cls.doc).toContain('del');
  });

  it('prints the doc of a bound method, a Python-level method and a module function', async () => {
    const bind = await session.run('help(s.bind)');
    expect(bind.startsWith('Help on built-in method bind of socket object:\n\nbind(address)')).toBe(true);
    expect(await session.run('help(s.close)')).toContain('`del s` does not close a socket');
    expect(await session.run('help(socket.create_connection)')).toContain('ConnectionRefusedError');
    expect(await session.run('help(select.select)')).toContain('readable');
  });
});

describe('completion', () => {
  it('offers the socket methods and the module constants', async () => {
    expect(session.interpreter.complete('s.rec', 5).candidates).toEqual(['recv', 'recv_into', 'recvfrom', 'recvfrom_into']);
    expect(session.interpreter.complete('s.setso', 7).candidates).toEqual(['setsockopt']);
    expect(session.interpreter.complete('socket.AF_INET', 14).candidates).toEqual(['AF_INET', 'AF_INET6']);
    expect(session.interpreter.complete('socket.SO_REUSE', 15).candidates).toEqual(['SO_REUSEADDR', 'SO_REUSEPORT']);
    expect(session.interpreter.complete('socket.create_', 14).candidates).toEqual(['create_connection', 'create_server']);
    expect(session.interpreter.complete('select.se', 9).candidates).toEqual(['select']);
  });
});

describe('call labels', () => {
  it('keep the method name and the arguments the learner typed', () => {
    expect(callLabel('conn.recv(1024)', 'recv')).toBe('recv(1024)');
    expect(callLabel('s.accept()', 'accept')).toBe('accept()');
    expect(callLabel('clients[0].recv(len(x.recv(2)))', 'recv')).toBe('recv(len(x.recv(2)))');
    expect(callLabel("c.sendall(b')(' * 3)", 'sendall')).toBe("sendall(b')(' * 3)");
    expect(callLabel('(a or b).send("\\")")', 'send')).toBe('send("\\")")');
    expect(callLabel('select.select([s], [], [])', 'select')).toBe('select([s], [], [])');
    expect(callLabel('', 'recv')).toBe('recv()');
  });
});

describe('bytes events', () => {
  it('report what recv, recvfrom and recv_into returned, with the sender', async () => {
    await session.runAll(["srv = socket.create_server(('127.0.0.1', 0))", 'c = socket.create_connection(srv.getsockname())', 'conn, addr = srv.accept()']);
    const clientPort = (await session.run('c.getsockname()[1]')).trim();
    await session.runAll(["c.send(b'abcdef')", 'conn.recv(2)', 'buf = bytearray(10)', 'conn.recv_into(buf, 3)', 'conn.recvfrom(10)']);
    const bytes = session.events.filter((e) => e.type === 'bytes');
    expect(bytes).toEqual([
      { type: 'bytes', label: 'conn.recv(2)', data: new Uint8Array(Buffer.from('ab')), from: `127.0.0.1:${clientPort}` },
      { type: 'bytes', label: 'conn.recv_into(buf, 3)', data: new Uint8Array(Buffer.from('cde')), from: `127.0.0.1:${clientPort}` },
      { type: 'bytes', label: 'conn.recvfrom(10)', data: new Uint8Array(Buffer.from('f')) },
    ]);
    expect(await session.run('buf')).toBe("bytearray(b'cde\\x00\\x00\\x00\\x00\\x00\\x00\\x00')\n");
  });

  it('keep received bytes apart from a bytearray made from them', async () => {
    await session.runAll(["srv = socket.create_server(('127.0.0.1', 0))", 'c = socket.create_connection(srv.getsockname())', 'conn, addr = srv.accept()']);
    await session.runAll(["c.send(b'x' * 40000)", 'data = conn.recv(65536)', 'b = bytearray(data)', 'b[0] = 65']);
    expect(await session.run('data[:2], b[:2]')).toBe("(b'xx', bytearray(b'Ax'))\n");
  });
});
