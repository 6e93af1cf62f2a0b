// The functions a lesson check may call (the vocabulary src/lesson/check-helpers.ts documents), as
// native Python functions that read the kernel's view, the last statement and the peers. They only
// look: a check runs after every statement the learner types.
import {
  PyBytes,
  PyStr,
  None,
  newFunction,
  pyTuple,
  toPy,
  typeError,
  typeName,
  type PyObject,
} from '../../py';
import { CHECK_HELPERS } from '../../lesson';
import { getpeernameOrNull, getsocknameOrNull, type SockAddr } from '../../sys';
import type { Session } from '../session';
import type { StatementResult } from '../types';

/** What the helpers read: the session, the lesson's peers, and the statement just run. */
export interface CheckScope {
  session: Session;
  peers: {
    received(name: string): Uint8Array;
    state(name: string): string | null;
    connections(name: string): number | null;
  };
  peerNames: readonly string[];
  last: StatementResult | null;
}

const doc = (name: string): string => CHECK_HELPERS.find((h) => h.name === name)?.doc ?? '';

function address(a: SockAddr | null): PyObject {
  if (a === null) return None;
  if (a.family === 1) return toPy(a.path);
  if (a.port === 0 && (a.host === '0.0.0.0' || a.host === '::')) return None;
  return toPy(pyTuple(a.host, a.port));
}

export function checkHelpers(scope: () => CheckScope): Map<string, PyObject> {
  const helpers = new Map<string, PyObject>();
  const define = (name: string, call: (args: PyObject[]) => PyObject): void => {
    helpers.set(name, newFunction({ name, doc: doc(name), call: (args) => call(args) }));
  };
  const one = (name: string, args: PyObject[]): PyObject => {
    if (args.length !== 1) throw typeError(`${name}() takes exactly one argument (${args.length} given)`);
    return args[0]!;
  };
  const none = (name: string, args: PyObject[]): void => {
    if (args.length !== 0) throw typeError(`${name}() takes no arguments (${args.length} given)`);
  };
  const socketArg = (name: string, args: PyObject[]) => {
    const obj = one(name, args);
    const tracked = scope().session.trackedOf(obj);
    if (tracked === undefined) throw typeError(`${name}() needs one of your sockets, not ${typeName(obj)}`);
    return { tracked, row: scope().session.rowOf(obj) };
  };
  const text = (name: string, args: PyObject[], what: string): string => {
    const obj = one(name, args);
    if (!(obj instanceof PyStr)) throw typeError(`${name}() takes ${what} as a str, not ${typeName(obj)}`);
    return obj.value;
  };
  const peerArg = (name: string, args: PyObject[]): string => {
    const peer = text(name, args, 'the name of a peer');
    if (!scope().peerNames.includes(peer)) {
      throw typeError(`${name}(): this lesson has no peer named '${peer}' (it has: ${scope().peerNames.join(', ') || 'none'})`);
    }
    return peer;
  };

  define('state', (args) => {
    const { tracked, row } = socketArg('state', args);
    return toPy(tracked.fd < 0 || row === null ? 'CLOSED' : row.state);
  });
  define('accept_queue', (args) => toPy(socketArg('accept_queue', args).row?.acceptQueue ?? 0));
  define('backlog', (args) => toPy(socketArg('backlog', args).row?.backlog ?? null));
  define('unread', (args) => toPy(socketArg('unread', args).row?.unread ?? 0));
  define('unsent', (args) => toPy(socketArg('unsent', args).row?.unsent ?? 0));
  define('local', (args) => {
    const { tracked } = socketArg('local', args);
    return tracked.fd < 0 ? None : address(getsocknameOrNull(tracked.fd));
  });
  define('remote', (args) => {
    const { tracked } = socketArg('remote', args);
    return tracked.fd < 0 ? None : address(getpeernameOrNull(tracked.fd));
  });
  define('closed', (args) => toPy(socketArg('closed', args).tracked.fd < 0));
  define('defined', (args) => toPy(scope().session.interpreter.globals.has(text('defined', args, 'a variable name'))));
  define('result', (args) => {
    none('result', args);
    return scope().session.lastValue ?? None;
  });
  define('error', (args) => {
    none('error', args);
    return toPy(scope().last?.error?.type ?? null);
  });
  define('error_text', (args) => {
    none('error_text', args);
    const error = scope().last?.error;
    if (!error) return None;
    return toPy(error.type === 'socklab' || error.message === '' ? (error.type === 'socklab' ? error.message : error.type) : `${error.type}: ${error.message}`);
  });
  define('received', (args) => {
    none('received', args);
    const bytes = scope().last?.bytes ?? [];
    if (bytes.length === 0) return None;
    return new PyBytes(Buffer.concat(bytes.map((b) => b.data)));
  });
  define('output', (args) => {
    none('output', args);
    return toPy(scope().last?.output ?? '');
  });
  define('statement', (args) => {
    none('statement', args);
    return toPy((scope().last?.source ?? '').trim());
  });
  define('peer_received', (args) => new PyBytes(new Uint8Array(scope().peers.received(peerArg('peer_received', args)))));
  define('peer_state', (args) => toPy(scope().peers.state(peerArg('peer_state', args)) ?? 'CLOSED'));
  define('peer_connections', (args) => toPy(scope().peers.connections(peerArg('peer_connections', args)) ?? 0));
  return helpers;
}
