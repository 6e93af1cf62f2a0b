// Converting arguments to JS values with CPython's exact errors for each C type.
import type { PyObject } from '../objects/object';
import { PyInt } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { isBytesLike } from '../objects/bytes';
import { None } from '../objects/none';
import { overflowError, typeError, valueError } from '../exceptions/raise';

const INT_MAX = 0x7fffffffn;
const INT_MIN = -0x80000000n;
const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/** An int (or bool, or an IntEnum member): `'str' object cannot be interpreted as an integer` otherwise. */
export function asIndex(obj: PyObject): bigint {
  if (obj instanceof PyInt) return obj.value;
  throw typeError(`'${obj.type.name}' object cannot be interpreted as an integer`);
}

/** C int through _PyLong_AsInt: `Python int too large to convert to C int`. */
export function asCInt(obj: PyObject): number {
  const n = asIndex(obj);
  if (n > INT_MAX || n < INT_MIN) throw overflowError('Python int too large to convert to C int');
  return Number(n);
}

/** C long: `Python int too large to convert to C long`. */
export function asCLong(obj: PyObject): bigint {
  const n = asIndex(obj);
  if (n > LONG_MAX || n < LONG_MIN) throw overflowError('Python int too large to convert to C long');
  return n;
}

/** PyArg_Parse's "i": a C long first, then `signed integer is greater than maximum` / `less than minimum`. */
export function asParsedInt(obj: PyObject): number {
  const n = asCLong(obj);
  if (n > INT_MAX) throw overflowError('signed integer is greater than maximum');
  if (n < INT_MIN) throw overflowError('signed integer is less than minimum');
  return Number(n);
}

/** Py_ssize_t: `Python int too large to convert to C ssize_t`. */
export function asSsize(obj: PyObject): number {
  const n = asIndex(obj);
  if (n > LONG_MAX || n < LONG_MIN) throw overflowError('Python int too large to convert to C ssize_t');
  return Number(n);
}

/** An unsigned C integer of `bits` bits, with the messages socket.htons uses (`htons: ...`). */
export function asUnsigned(obj: PyObject, bits: 16 | 32, fname: string): number {
  const n = asIndex(obj);
  const kind = `C ${bits}-bit unsigned integer`;
  if (n < 0n) throw overflowError(`${fname}: can't convert negative Python int to ${kind}`);
  if (n >= 1n << BigInt(bits)) throw overflowError(`${fname}: Python int too large to convert to ${kind}`);
  return Number(n);
}

/** The bytes of a bytes-like object: `a bytes-like object is required, not 'str'` otherwise. */
export function asBytesLike(obj: PyObject): Uint8Array {
  if (isBytesLike(obj)) return obj.data;
  throw typeError(`a bytes-like object is required, not '${obj.type.name}'`);
}

/** A str argument of a clinic function: `encode() argument 'encoding' must be str, not int`. */
export function asStrArg(obj: PyObject, fname: string, argName: string): string {
  if (obj instanceof PyStr) return obj.value;
  throw typeError(`${fname}() argument '${argName}' must be str, not ${obj.type.name}`);
}

/** A number of seconds (float or int), as time.sleep and socket.settimeout read them. */
export function asSeconds(obj: PyObject): number {
  if (obj instanceof PyFloat) {
    if (Number.isNaN(obj.value)) throw valueError('Invalid value NaN (not a number)');
    if (!(Math.abs(obj.value) * 1e9 < 2 ** 63)) throw overflowError('timestamp out of range for platform time_t');
    return obj.value;
  }
  const n = asIndex(obj);
  if (n > LONG_MAX / 1_000_000_000n || n < LONG_MIN / 1_000_000_000n) {
    throw overflowError('timestamp too large to convert to C _PyTime_t');
  }
  return Number(n);
}

/** None or a value: optional arguments that accept None explicitly. */
export function orNone<T>(obj: PyObject | undefined, convert: (o: PyObject) => T): T | null {
  return obj === undefined || obj === None ? null : convert(obj);
}
