// The two socket.socket methods whose arguments CPython parses by hand, one form after another:
// sendto(data[, flags], address) and setsockopt(level, option, value) / setsockopt(level, option, None, optlen).
import { ERRNO, SYS, sendto as sysSendto, setsockoptBytes, setsockoptInt } from '../../../sys';
import type { CallContext } from '../../events';
import type { Kwargs, NativeResult, PyObject } from '../../objects/object';
import { None } from '../../objects/none';
import { PyInt, newInt } from '../../objects/int';
import { isBytesLike } from '../../objects/bytes';
import { osError } from '../../exceptions/oserror';
import { typeError } from '../../exceptions/raise';
import type { MethodSpec } from '../../objects/function';
import { asBytesLike, asParsedInt } from '../../native/convert';
import { parseAddress, andThen } from './address';
import { callLabel, sendWords } from './describe';
import { asPyError } from './errors';
import type { PySocket } from './socket-object';
import { blockingCall } from './wait';

type RawCall = (sock: PySocket, args: PyObject[], ctx: CallContext) => NativeResult;

function rawMethod(name: string, doc: string, call: RawCall): MethodSpec {
  return {
    name,
    doc,
    ownerCName: '_socket.socket',
    call: (self: PyObject, args: PyObject[], kwargs: Kwargs, ctx: CallContext) => {
      if (kwargs.size > 0) throw typeError(`socket.${name}() takes no keyword arguments`);
      try {
        const result = call(self as PySocket, args, ctx);
        return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(asPyError(error))) : result;
      } catch (error) {
        throw asPyError(error);
      }
    },
  };
}

/** The 'i' format's answer for an argument, or null when it is not an int that fits a C int. */
function cIntOrNull(obj: PyObject): number | null {
  if (!(obj instanceof PyInt) || obj.value > 0x7fffffffn || obj.value < -0x80000000n) return null;
  return Number(obj.value);
}

const sendto = rawMethod(
  'sendto',
  'sendto(data[, flags], address) -> int: sends one datagram to address, a (host, port) tuple; UDP needs ' +
    'no connect(). Returns how many bytes were sent. The reply comes back through recvfrom(). data must ' +
    "be bytes: sendto('hi', addr) fails.",
  (sock, args, ctx) => {
    if (args.length !== 2 && args.length !== 3) throw typeError(`sendto() takes 2 or 3 arguments (${args.length} given)`);
    const data = asBytesLike(args[0] as PyObject);
    const flags = args.length === 3 ? asParsedInt(args[1] as PyObject) : 0;
    const addressArg = args[args.length - 1] as PyObject;
    return andThen(parseAddress(sock.family, addressArg, 'sendto', ctx), (to) => {
      const sent = blockingCall(sock, () => sysSendto(sock.liveFd(), data, to, flags), SYS.POLLOUT, ctx, () =>
        sendWords(sock, callLabel(ctx.callText, 'sendto')),
      );
      return andThen(sent, newInt);
    });
  },
);

const setsockopt = rawMethod(
  'setsockopt',
  'setsockopt(level, option, value) sets a socket option, e.g. setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) ' +
    'before bind() so a server can restart on a port still in TIME_WAIT. value is an int or raw bytes ' +
    "(SO_LINGER takes 8 bytes: on/off and seconds). Returns None.",
  (sock, args) => {
    const ints = args.map(cIntOrNull);
    if (args.length === 3 && ints.every((n) => n !== null)) {
      setsockoptInt(sock.liveFd(), ints[0]!, ints[1]!, ints[2]!);
      return None;
    }
    if (args.length === 4 && args[2] === None) {
      const optlen = args[3] instanceof PyInt && args[3].value >= 0n && args[3].value <= 0xffffffffn ? Number(args[3].value) : null;
      if (ints[0] !== null && ints[1] !== null && optlen !== null) {
        // A NULL value with a length: the kernel reads from address 0.
        if (optlen > 0) throw osError(ERRNO.EFAULT);
        setsockoptBytes(sock.liveFd(), ints[0]!, ints[1]!, new Uint8Array(0));
        return None;
      }
    }
    if (args.length !== 3) throw typeError(`setsockopt() takes exactly 3 arguments (${args.length} given)`);
    const level = asParsedInt(args[0] as PyObject);
    const name = asParsedInt(args[1] as PyObject);
    const value = args[2] as PyObject;
    if (!isBytesLike(value)) throw typeError(`a bytes-like object is required, not '${value.type.name}'`);
    setsockoptBytes(sock.liveFd(), level, name, value.data);
    return None;
  },
);

export const rawMethods: readonly MethodSpec[] = [sendto, setsockopt];
