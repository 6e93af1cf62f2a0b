// Shared pieces of the socket methods: turning any error of a call into CPython's exception, and
// reading the socket a method was called on.
import type { NativeResult, PyObject } from '../../objects/object';
import type { CheckedMethodSpec } from '../../native/define';
import { asPyError } from './errors';
import type { PySocket } from './socket-object';

/** A method spec whose call sees a PySocket and whose sys/ errors become Python exceptions. */
export interface SocketMethodSpec extends Omit<CheckedMethodSpec, 'call'> {
  call: (sock: PySocket, args: (PyObject | undefined)[], ctx: Parameters<CheckedMethodSpec['call']>[2]) => NativeResult;
}

function rethrow(error: unknown): never {
  throw asPyError(error);
}

export function guarded(spec: SocketMethodSpec): CheckedMethodSpec {
  const { call, ...rest } = spec;
  return {
    ...rest,
    ownerCName: spec.flavor === 'python' ? undefined : '_socket.socket',
    call: (self, args, ctx) => {
      try {
        const result = call(self as PySocket, args, ctx);
        return result instanceof Promise ? result.catch(rethrow) : result;
      } catch (error) {
        return rethrow(error);
      }
    },
  };
}
