// The `select` module: select.select(rlist, wlist, xlist[, timeout]) as CPython 3.11 checks and answers
// it, waiting on the session's reactor (poll underneath) so the event loop never blocks.
import { ERRNO, SYS } from '../../sys';
import type { CallContext } from '../events';
import type { PyObject } from '../objects/object';
import { PyModule } from '../objects/module';
import { None } from '../objects/none';
import { PyInt } from '../objects/int';
import { PyList } from '../objects/list';
import { newTuple } from '../objects/tuple';
import { PyException, OSError, TypeError_ } from '../exceptions/classes';
import { osError } from '../exceptions/oserror';
import { typeError, valueError } from '../exceptions/raise';
import { findAttr } from '../ops/attr';
import { callObject } from '../ops/call';
import { collect, isIterable } from '../ops/iter';
import { NO_KWARGS } from '../objects/object';
import { asCInt, asSeconds } from '../native/convert';
import { checkedFunction } from '../native/define';
import { callLabel, selectWords } from './socket/describe';
import { PySocket, type SocketEnv } from './socket/socket-object';
import { whileBlocked } from './socket/wait';
import { keyboardInterrupt } from '../ops/interrupt';

// select(2) works on fd_sets of this many bits; CPython refuses larger fds the same way.
const FD_SETSIZE = 1024;
const READABLE = SYS.POLLIN | SYS.POLLHUP | SYS.POLLERR;
const WRITABLE = SYS.POLLOUT | SYS.POLLERR;
const EXCEPTIONAL = SYS.POLLPRI;

interface Watched {
  obj: PyObject;
  fd: number;
}

/** select()'s timeout in milliseconds, or null for None. */
function timeoutMsOf(arg: PyObject | undefined): number | null {
  if (arg === undefined || arg === None) return null;
  let seconds: number;
  try {
    seconds = asSeconds(arg);
  } catch (error) {
    if (error instanceof PyException && error.exc.type === TypeError_) throw typeError('timeout must be a float or None');
    throw error;
  }
  if (seconds < 0) throw valueError('timeout must be non-negative');
  return Math.ceil(seconds * 1e6) / 1e3;
}

/** PyObject_AsFileDescriptor: an int, or the int its fileno() returns. */
async function fdOf(obj: PyObject, ctx: CallContext): Promise<number> {
  let fd: number;
  if (obj instanceof PySocket) fd = obj.fd;
  else if (obj instanceof PyInt) fd = asCInt(obj);
  else {
    const method = findAttr(obj, 'fileno');
    if (method === undefined) throw typeError('argument must be an int, or have a fileno() method.');
    const result = await callObject(method, [], NO_KWARGS, ctx);
    if (!(result instanceof PyInt)) throw typeError('fileno() returned a non-integer');
    fd = asCInt(result);
  }
  if (fd < 0) throw valueError(`file descriptor cannot be a negative integer (${fd})`);
  if (fd >= FD_SETSIZE) throw valueError('filedescriptor out of range in select()');
  return fd;
}

async function sequence(arg: PyObject): Promise<PyObject[]> {
  if (!isIterable(arg)) throw typeError('arguments 1-3 must be sequences');
  return collect(arg);
}

async function watched(items: PyObject[], ctx: CallContext): Promise<Watched[]> {
  const out: Watched[] = [];
  for (const obj of items) out.push({ obj, fd: await fdOf(obj, ctx) });
  return out;
}

function readyOf(list: readonly Watched[], revents: ReadonlyMap<number, number>, mask: number): PyList {
  return new PyList(list.filter((w) => ((revents.get(w.fd) ?? 0) & mask) !== 0).map((w) => w.obj));
}

async function select(env: SocketEnv, args: (PyObject | undefined)[], ctx: CallContext): Promise<PyObject> {
  const timeoutMs = timeoutMsOf(args[3]);
  const lists = [await sequence(args[0]!), await sequence(args[1]!), await sequence(args[2]!)];
  const [reading, writing, exceptional] = [await watched(lists[0]!, ctx), await watched(lists[1]!, ctx), await watched(lists[2]!, ctx)];
  const interests = [
    ...reading.map((w) => ({ fd: w.fd, events: SYS.POLLIN })),
    ...writing.map((w) => ({ fd: w.fd, events: SYS.POLLOUT })),
    ...exceptional.map((w) => ({ fd: w.fd, events: SYS.POLLPRI })),
  ];
  const reactor = env.reactor;
  let result = await reactor.waitMany(interests, { timeoutMs: 0 });
  if (result === 'timeout' && timeoutMs !== 0) {
    const shown = (list: readonly Watched[]) => list.map((w) => (w.obj instanceof PySocket ? w.obj : w.fd));
    const words = selectWords(callLabel(ctx.callText, 'select'), shown(reading), shown(writing));
    result = await whileBlocked(ctx, words, timeoutMs, async () => {
      try {
        return await reactor.waitMany(interests, { timeoutMs, signal: ctx.signal });
      } catch (error) {
        if (ctx.signal.aborted) throw keyboardInterrupt();
        throw error;
      }
    });
  }
  if (ctx.signal.aborted) throw keyboardInterrupt();
  const revents = result === 'timeout' ? new Map<number, number>() : result;
  for (const value of revents.values()) if (value & SYS.POLLNVAL) throw osError(ERRNO.EBADF);
  return newTuple([readyOf(reading, revents, READABLE), readyOf(writing, revents, WRITABLE), readyOf(exceptional, revents, EXCEPTIONAL)]);
}

export function buildSelectModule(env: SocketEnv): PyModule {
  const module = new PyModule('select', {
    doc: 'Waiting for several sockets at once: select.select(rlist, wlist, xlist[, timeout]) returns the ones that are ready.',
  });
  module.set(
    'select',
    checkedFunction({
      name: 'select',
      module: 'select',
      style: 'positional',
      params: ['rlist', 'wlist', 'xlist', 'timeout?'],
      signature: { qualname: 'select.select' },
      doc:
        'select(rlist, wlist, xlist[, timeout]) -> (readable, writable, exceptional): waits until at least one ' +
        'of the sockets is ready and returns the ready ones. A listening socket in rlist is readable when a ' +
        "client waits for accept(); a connected one when recv() has data (or b'' at the end). One thread can " +
        'serve many clients this way. timeout in seconds (0: just look; None: wait as long as it takes).',
      call: (args, ctx) => select(env, args, ctx),
    }),
  );
  module.set('error', OSError);
  return module;
}
