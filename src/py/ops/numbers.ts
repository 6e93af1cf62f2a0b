// Arithmetic on int and float with CPython's semantics: floor division and modulo, true division
// correctly rounded, exact int/float comparison, and its error texts. Ints are capped in size so a
// hostile `10**10**10` fails at once with MemoryError instead of running for hours.
import type { PyObject } from '../objects/object';
import { PyInt, newInt, newBool, isBool } from '../objects/int';
import { PyFloat, newFloat } from '../objects/float';
import { MAX_INT_BITS } from '../objects/limits';
import { bitLength } from '../format/int-text';
import { memoryError, overflowError, pyError, valueError, zeroDivisionError } from '../exceptions/raise';
import { OverflowError } from '../exceptions/classes';

export type NumberOp = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '<<' | '>>' | '&' | '|' | '^';

const INT_LIMIT = 1n << BigInt(MAX_INT_BITS);
const NEGATIVE_INT_LIMIT = -INT_LIMIT;
const SAFE = 1n << 52n;

function checkedInt(n: bigint): PyInt {
  if (n >= INT_LIMIT || n <= NEGATIVE_INT_LIMIT) throw memoryError();
  return newInt(n);
}

const isSmall = (n: bigint): boolean => n < SAFE && n > -SAFE;

export function intToFloat(n: bigint): number {
  const f = Number(n);
  if (!Number.isFinite(f)) throw overflowError('int too large to convert to float');
  return f;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

// a / b correctly rounded: scale so the quotient has more than 64 significant bits, keep a sticky bit
// for an inexact remainder, and let Number() round to nearest even.
export function intTrueDivide(a: bigint, b: bigint): number {
  if (b === 0n) throw zeroDivisionError('division by zero');
  const limit = 1n << 53n;
  if (a > -limit && a < limit && b > -limit && b < limit) return Number(a) / Number(b);
  const negative = (a < 0n) !== (b < 0n);
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  const shift = bitLength(y) - bitLength(x) + 66;
  const num = shift > 0 ? x << BigInt(shift) : x;
  const den = shift < 0 ? y << BigInt(-shift) : y;
  let q = num / den;
  if (num % den !== 0n) q |= 1n;
  let result = Number(q);
  // Scale in steps so neither factor overflows or underflows on its own.
  for (let rest = shift; rest !== 0; ) {
    const step = Math.max(-1000, Math.min(1000, rest));
    result /= 2 ** step;
    rest -= step;
  }
  if (!Number.isFinite(result)) throw overflowError('integer division result too large for a float');
  return negative ? -result : result;
}

function floatDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod) {
    if ((y < 0) !== (mod < 0)) {
      mod += y;
      div -= 1;
    }
  } else {
    mod = y < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function floatPow(x: number, y: number): number {
  if (x === 0 && y < 0) throw zeroDivisionError('0.0 cannot be raised to a negative power');
  if (x < 0 && Number.isFinite(x) && !Number.isInteger(y) && Number.isFinite(y)) {
    throw valueError('complex numbers are not supported here: a negative number to a fractional power');
  }
  if (x === 1 || y === 0) return 1;
  const r = x ** y;
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) {
    throw pyError(OverflowError, newInt(34), 'Numerical result out of range');
  }
  return r;
}

function intPow(base: bigint, exp: bigint): PyObject {
  if (exp < 0n) {
    if (base === 0n) throw zeroDivisionError('0.0 cannot be raised to a negative power');
    return newFloat(floatPow(intToFloat(base), Number(exp)));
  }
  if (base === 0n || base === 1n) return newInt(exp === 0n ? 1n : base);
  if (base === -1n) return newInt(exp % 2n === 0n ? 1n : -1n);
  const bits = BigInt(bitLength(base) - 1) * exp;
  if (bits > BigInt(MAX_INT_BITS)) throw memoryError();
  return checkedInt(base ** exp);
}

function shiftLeft(a: bigint, b: bigint): PyInt {
  if (b < 0n) throw valueError('negative shift count');
  if (a === 0n) return newInt(0n);
  if (b + BigInt(bitLength(a)) > BigInt(MAX_INT_BITS)) throw memoryError();
  return checkedInt(a << b);
}

function shiftRight(a: bigint, b: bigint): PyInt {
  if (b < 0n) throw valueError('negative shift count');
  if (b > BigInt(MAX_INT_BITS)) return newInt(a < 0n ? -1n : 0n);
  return newInt(a >> b);
}

/** int (op) int; bool & | ^ bool stays a bool, as in Python. */
export function intBinary(op: NumberOp, left: PyInt, right: PyInt): PyObject {
  const a = left.value;
  const b = right.value;
  switch (op) {
    case '+':
      return checkedInt(a + b);
    case '-':
      return checkedInt(a - b);
    case '*':
      if (!isSmall(a) && !isSmall(b) && bitLength(a) + bitLength(b) > MAX_INT_BITS + 1) throw memoryError();
      return checkedInt(a * b);
    case '/':
      return newFloat(intTrueDivide(a, b));
    case '//':
      if (b === 0n) throw zeroDivisionError('integer division or modulo by zero');
      return newInt(floorDiv(a, b));
    case '%':
      if (b === 0n) throw zeroDivisionError('integer modulo by zero');
      return newInt(floorMod(a, b));
    case '**':
      return intPow(a, b);
    case '<<':
      return shiftLeft(a, b);
    case '>>':
      return shiftRight(a, b);
    case '&':
      return isBool(left) && isBool(right) ? newBool((a & b) !== 0n) : newInt(a & b);
    case '|':
      return isBool(left) && isBool(right) ? newBool((a | b) !== 0n) : newInt(a | b);
    case '^':
      return isBool(left) && isBool(right) ? newBool((a ^ b) !== 0n) : newInt(a ^ b);
  }
}

/** float (op) float after converting ints; undefined for the operators floats do not have. */
export function floatBinary(op: NumberOp, x: number, y: number): PyObject | undefined {
  switch (op) {
    case '+':
      return newFloat(x + y);
    case '-':
      return newFloat(x - y);
    case '*':
      return newFloat(x * y);
    case '/':
      if (y === 0) throw zeroDivisionError('float division by zero');
      return newFloat(x / y);
    case '//':
      if (y === 0) throw zeroDivisionError('float floor division by zero');
      return newFloat(floatDivmod(x, y)[0]);
    case '%':
      if (y === 0) throw zeroDivisionError('float modulo');
      return newFloat(floatDivmod(x, y)[1]);
    case '**':
      return newFloat(floatPow(x, y));
    default:
      return undefined;
  }
}

/** divmod(a, b) for numbers. */
export function numberDivmod(a: PyInt | PyFloat, b: PyInt | PyFloat): [PyObject, PyObject] {
  if (a instanceof PyInt && b instanceof PyInt) {
    if (b.value === 0n) throw zeroDivisionError('integer division or modulo by zero');
    return [newInt(floorDiv(a.value, b.value)), newInt(floorMod(a.value, b.value))];
  }
  const x = a instanceof PyInt ? intToFloat(a.value) : a.value;
  const y = b instanceof PyInt ? intToFloat(b.value) : b.value;
  if (y === 0) throw zeroDivisionError('float divmod()');
  const [q, r] = floatDivmod(x, y);
  return [newFloat(q), newFloat(r)];
}

/** Exact three-way comparison of an int with a float (NaN compares as undefined). */
export function compareIntFloat(i: bigint, f: number): -1 | 0 | 1 | undefined {
  if (Number.isNaN(f)) return undefined;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const floor = Math.floor(f);
  const fi = BigInt(floor);
  if (i < fi) return -1;
  if (i > fi) return 1;
  return floor === f ? 0 : -1;
}

export function numberCompare(a: PyInt | PyFloat, b: PyInt | PyFloat): -1 | 0 | 1 | undefined {
  if (a instanceof PyInt && b instanceof PyInt) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (a instanceof PyFloat && b instanceof PyFloat) {
    if (Number.isNaN(a.value) || Number.isNaN(b.value)) return undefined;
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }
  if (a instanceof PyInt) return compareIntFloat(a.value, (b as PyFloat).value);
  const r = compareIntFloat((b as PyInt).value, a.value);
  return r === undefined ? undefined : ((-r || 0) as -1 | 0 | 1);
}

export function isNumber(obj: PyObject): obj is PyInt | PyFloat {
  return obj instanceof PyInt || obj instanceof PyFloat;
}
