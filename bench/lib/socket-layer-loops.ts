// socklab's side of the socket-layer benchmark: the same loopback loops as the CPython side, on raw
// sys/ calls and on the Python-level socket methods called through the interpreter's call path
// (attribute lookup and call, as a Python loop does them, without parsing source each time).
import { Interpreter } from '../../src/py/interpreter';
import type { CallContext } from '../../src/py/events';
import { NO_KWARGS, type PyObject } from '../../src/py/objects/object';
import { PyByteArray, PyBytes } from '../../src/py/objects/bytes';
import { PyInt } from '../../src/py/objects/int';
import { calleeOf, callCallee } from '../../src/py/ops/call';
import { createModuleRegistry } from '../../src/py/modules/default-registry';
import { createSocketModules } from '../../src/py/modules/socket-modules';
import { SocketRegistry } from '../../src/py/modules/socket-registry';
import { ERRNO, SYS, SysError, accept, bind, close, connect, defaultReactor, getsockname, listen, recv, recvInto, send, socket } from '../../src/sys/index';

export interface LoopSettings {
  pairs: number;
  bulkBytes: number;
  chunk: number;
  rounds: number;
}

/** Seconds per round: `pairs` one-byte send+recv pairs, `bulkBytes` read with recv(65536) and with recv_into. */
export interface RoundTimes {
  pairs: number[];
  bulk: number[];
  bulkInto: number[];
}

/** A connected loopback TCP pair of raw fds: [client, server side, close all]. */
function rawPair(): [number, number, () => void] {
  const server = socket(SYS.AF_INET, SYS.SOCK_STREAM);
  bind(server, { family: 2, host: '127.0.0.1', port: 0 });
  listen(server, 1);
  const client = socket(SYS.AF_INET, SYS.SOCK_STREAM);
  try {
    connect(client, getsockname(server)!);
  } catch (error) {
    if (!(error instanceof SysError) || error.errno !== ERRNO.EINPROGRESS) throw error;
  }
  let conn = -1;
  while (conn < 0) {
    try {
      conn = accept(server).fd;
    } catch (error) {
      if (!(error instanceof SysError) || error.errno !== ERRNO.EAGAIN) throw error;
    }
  }
  return [client, conn, () => [client, conn, server].forEach((fd) => close(fd))];
}

// The fds are non-blocking: a call the kernel cannot do yet is simply tried again (on loopback the
// data is delivered within the send, so this almost never loops).
function retrying<T>(call: () => T): T {
  for (;;) {
    try {
      return call();
    } catch (error) {
      if (!(error instanceof SysError) || error.errno !== ERRNO.EAGAIN) throw error;
    }
  }
}

export function rawLoops(settings: LoopSettings): RoundTimes {
  const [client, conn, done] = rawPair();
  const times: RoundTimes = { pairs: [], bulk: [], bulkInto: [] };
  try {
    const one = Buffer.from('x');
    const chunk = Buffer.alloc(settings.chunk, 'y');
    // Seconds to read bulkBytes back, sent a chunk at a time; `read` returns the bytes one call read.
    const timeBulk = (read: () => number): number => {
      let sent = 0;
      let received = 0;
      const t = performance.now();
      while (received < settings.bulkBytes) {
        sent += retrying(() => send(client, chunk));
        while (received < sent) received += read();
      }
      return (performance.now() - t) / 1000;
    };
    for (let i = 0; i < 1000; i++) (retrying(() => send(client, one)), retrying(() => recv(conn, 1)));
    // One round not counted: the first 100 MB also pays for the process's memory growing.
    for (let round = -1; round < settings.rounds; round++) {
      const t = performance.now();
      for (let i = 0; i < settings.pairs; i++) {
        retrying(() => send(client, one));
        retrying(() => recv(conn, 1));
      }
      const pairs = (performance.now() - t) / 1000;
      const bulk = timeBulk(() => retrying(() => recv(conn, 65536)).length);
      const into = new Uint8Array(65536);
      const bulkInto = timeBulk(() => retrying(() => recvInto(conn, into)));
      if (round >= 0) times.pairs.push(pairs), times.bulk.push(bulk), times.bulkInto.push(bulkInto);
    }
    return times;
  } finally {
    done();
  }
}

/** A method call as the evaluator makes it for `obj.method(*args)`. */
function call(obj: PyObject, method: string, args: PyObject[], ctx: CallContext): PyObject | Promise<PyObject> {
  return callCallee(calleeOf(obj, method), args, NO_KWARGS, ctx);
}

export async function interpreterLoops(settings: LoopSettings): Promise<RoundTimes> {
  const registry = new SocketRegistry();
  const interpreter = new Interpreter({ modules: createSocketModules(createModuleRegistry(), { reactor: defaultReactor(), registry }) });
  const setup = ['import socket', "srv = socket.create_server(('127.0.0.1', 0))", 'c = socket.create_connection(srv.getsockname())', 'conn, addr = srv.accept()'];
  for (const line of setup) {
    const result = await interpreter.runLine(line);
    if (result.error) throw new Error(`${line}: ${result.output}`);
  }
  const c = interpreter.globals.get('c') as PyObject;
  const conn = interpreter.globals.get('conn') as PyObject;
  const ctx: CallContext = { signal: new AbortController().signal, emit: () => {}, callText: 'conn.recv(1)', write: () => {}, interpreter };
  const times: RoundTimes = { pairs: [], bulk: [], bulkInto: [] };
  try {
    const one = new PyBytes(new Uint8Array([0x78]));
    const size1 = new PyInt(1n);
    const chunk = new PyBytes(new Uint8Array(settings.chunk).fill(0x79));
    const size = new PyInt(65536n);
    // Seconds to read bulkBytes back with conn.<method>(*args()), sent a chunk at a time; `count` gives
    // the bytes one call read.
    const timeBulk = async (method: string, args: () => PyObject[], count: (got: PyObject) => number): Promise<number> => {
      let sent = 0;
      let received = 0;
      const t = performance.now();
      while (received < settings.bulkBytes) {
        const n = call(c, 'send', [chunk], ctx);
        sent += Number(((n instanceof Promise ? await n : n) as PyInt).value);
        while (received < sent) {
          const got = call(conn, method, args(), ctx);
          received += count(got instanceof Promise ? await got : got);
        }
      }
      return (performance.now() - t) / 1000;
    };
    for (let i = 0; i < 1000; i++) (await call(c, 'send', [one], ctx), await call(conn, 'recv', [size1], ctx));
    for (let round = -1; round < settings.rounds; round++) {
      const t = performance.now();
      for (let i = 0; i < settings.pairs; i++) {
        // As in the evaluator, a call that does not wait returns its value directly: nothing to await.
        const sent = call(c, 'send', [one], ctx);
        if (sent instanceof Promise) await sent;
        const got = call(conn, 'recv', [size1], ctx);
        if (got instanceof Promise) await got;
      }
      const pairs = (performance.now() - t) / 1000;
      const bulk = await timeBulk('recv', () => [size], (got) => (got as PyBytes).data.length);
      const into = new PyByteArray(new Uint8Array(65536));
      const bulkInto = await timeBulk('recv_into', () => [into], (got) => Number((got as PyInt).value));
      if (round >= 0) times.pairs.push(pairs), times.bulk.push(bulk), times.bulkInto.push(bulkInto);
    }
    return times;
  } finally {
    registry.closeAll();
  }
}
