// Built-in functions about numbers: abs, round, divmod, pow, hex, oct, bin, ord, chr, sum, min, max.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { PyInt, newInt } from '../objects/int';
import { PyFloat, newFloat } from '../objects/float';
import { PyStr, newStr } from '../objects/str';
import { PyBytes, PyByteArray, isBytesLike } from '../objects/bytes';
import { newTuple } from '../objects/tuple';
import { newFunction } from '../objects/function';
import { binaryOp } from '../ops/binary';
import { compare } from '../ops/compare';
import { numberDivmod, isNumber } from '../ops/numbers';
import { callObject } from '../ops/call';
import { collect, forEachItem } from '../ops/iter';
import { roundFloat } from '../format/float-format';
import { asCInt, asIndex } from '../native/convert';
import { checkedFunction } from '../native/define';
import { parseArgs, sig } from '../native/args';
import { overflowError, typeError, valueError } from '../exceptions/raise';

export const abs = checkedFunction({
  name: 'abs',
  doc: 'abs(x): the absolute value of a number.',
  style: 'one',
  params: ['x'],
  call: ([x]) => {
    if (x instanceof PyInt) return newInt(x.value < 0n ? -x.value : x.value);
    if (x instanceof PyFloat) return newFloat(Math.abs(x.value));
    throw typeError(`bad operand type for abs(): '${(x as PyObject).type.name}'`);
  },
});

function roundHalfEvenToInt(x: number): bigint {
  if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw overflowError('cannot convert float infinity to integer');
  const floor = Math.floor(x);
  const diff = x - floor;
  const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  return BigInt(rounded);
}

function roundInt(n: bigint, ndigits: bigint): bigint {
  if (ndigits >= 0n) return n;
  const unit = 10n ** -ndigits;
  const negative = n < 0n;
  const m = negative ? -n : n;
  let q = m / unit;
  const twice = (m % unit) * 2n;
  if (twice > unit || (twice === unit && q % 2n === 1n)) q += 1n;
  return negative ? -(q * unit) : q * unit;
}

export const round = checkedFunction({
  name: 'round',
  doc: 'round(number, ndigits=None): the number rounded to ndigits decimals (half to even), an int without ndigits.',
  style: 'clinic',
  params: ['number', 'ndigits?'],
  call: ([number, ndigits]) => {
    const digits = ndigits === undefined || ndigits === None ? null : asIndex(ndigits);
    if (number instanceof PyInt) return digits === null ? newInt(number.value) : newInt(roundInt(number.value, digits));
    if (number instanceof PyFloat) {
      if (digits === null) return newInt(roundHalfEvenToInt(number.value));
      if (!Number.isFinite(number.value)) return number;
      const d = digits > 400n ? 400 : digits < -400n ? -400 : Number(digits);
      return newFloat(roundFloat(number.value, d));
    }
    throw typeError(`type ${(number as PyObject).type.name} doesn't define __round__ method`);
  },
});

export const divmod = checkedFunction({
  name: 'divmod',
  doc: 'divmod(a, b): the pair (a // b, a % b).',
  style: 'positional',
  params: ['a', 'b'],
  call: ([a, b]) => {
    if (!isNumber(a as PyObject) || !isNumber(b as PyObject)) {
      throw typeError(`unsupported operand type(s) for divmod(): '${(a as PyObject).type.name}' and '${(b as PyObject).type.name}'`);
    }
    return newTuple(numberDivmod(a as PyInt | PyFloat, b as PyInt | PyFloat));
  },
});

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw valueError('base is not invertible for the given modulus');
  return ((oldS % m) + m) % m;
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod === 0n) throw valueError('pow() 3rd argument cannot be 0');
  const m = mod < 0n ? -mod : mod;
  let b = ((base % m) + m) % m;
  let e = exp;
  if (e < 0n) {
    b = modInverse(b, m);
    e = -e;
  }
  let result = 1n % m;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return mod < 0n && result !== 0n ? result + mod : result;
}

export const pow = checkedFunction({
  name: 'pow',
  doc: 'pow(base, exp, mod=None): base ** exp, or (base ** exp) % mod computed efficiently.',
  style: 'clinic',
  params: ['base', 'exp', 'mod?'],
  call: ([base, exp, mod]) => {
    if (mod === undefined || mod === None) return binaryOp('**', base as PyObject, exp as PyObject);
    if (!(base instanceof PyInt) || !(exp instanceof PyInt) || !(mod instanceof PyInt)) {
      throw typeError('pow() 3rd argument not allowed unless all arguments are integers');
    }
    return newInt(modPow(base.value, exp.value, mod.value));
  },
});

function radixText(prefix: string, radix: number) {
  return ([x]: (PyObject | undefined)[]) => {
    const n = asIndex(x as PyObject);
    return newStr(n < 0n ? `-${prefix}${(-n).toString(radix)}` : `${prefix}${n.toString(radix)}`);
  };
}

export const hex = checkedFunction({ name: 'hex', doc: "hex(n): the integer in hexadecimal, e.g. hex(255) == '0xff'.", style: 'one', params: ['n'], call: radixText('0x', 16) });
export const oct = checkedFunction({ name: 'oct', doc: "oct(n): the integer in octal, e.g. oct(8) == '0o10'.", style: 'one', params: ['n'], call: radixText('0o', 8) });
export const bin = checkedFunction({ name: 'bin', doc: "bin(n): the integer in binary, e.g. bin(5) == '0b101'.", style: 'one', params: ['n'], call: radixText('0b', 2) });

export const ord = checkedFunction({
  name: 'ord',
  doc: "ord(c): the code point of a one-character string (or the value of a one-byte bytes), e.g. ord('A') == 65.",
  style: 'one',
  params: ['c'],
  call: ([c]) => {
    if (c instanceof PyStr) {
      if (c.length !== 1) throw typeError(`ord() expected a character, but string of length ${c.length} found`);
      return newInt(c.codePointAt(0));
    }
    if (isBytesLike(c as PyObject)) {
      const data = (c as PyBytes | PyByteArray).data;
      if (data.length !== 1) throw typeError(`ord() expected a character, but string of length ${data.length} found`);
      return newInt(data[0] as number);
    }
    throw typeError(`ord() expected string of length 1, but ${(c as PyObject).type.name} found`);
  },
});

export const chr = checkedFunction({
  name: 'chr',
  doc: "chr(i): the one-character string of a code point, e.g. chr(65) == 'A'.",
  style: 'one',
  params: ['i'],
  call: ([i]) => {
    const n = asCInt(i as PyObject);
    if (n < 0 || n > 0x10ffff) throw valueError('chr() arg not in range(0x110000)');
    return newStr(String.fromCodePoint(n));
  },
});

export const sum = checkedFunction({
  name: 'sum',
  doc: 'sum(iterable, start=0): start plus the items of the iterable, added one after another.',
  style: 'clinic',
  params: ['iterable/', 'start?'],
  call: async ([iterable, start]) => {
    let total: PyObject = start ?? newInt(0);
    if (total instanceof PyStr) throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
    if (total instanceof PyBytes) throw typeError("sum() can't sum bytes [use b''.join(seq) instead]");
    if (total instanceof PyByteArray) throw typeError("sum() can't sum bytearray [use b''.join(seq) instead]");
    // Item by item, so sum(range(10**9)) runs (and can be interrupted) without building a list.
    const done = forEachItem(iterable as PyObject, (item) => {
      total = binaryOp('+', total, item);
    });
    if (done instanceof Promise) await done;
    return total;
  },
});

const MIN_MAX_KEYWORDS = (name: string) => sig(name, 'clinic', ['*key?', '*default?']);

function minMax(name: 'min' | 'max', doc: string) {
  const keywords = MIN_MAX_KEYWORDS(name);
  return newFunction({
    name,
    doc,
    call: async (args, kwargs, ctx) => {
      if (args.length === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
      const [key, fallback] = parseArgs(keywords, [], kwargs);
      if (args.length > 1 && fallback !== undefined) {
        throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
      }
      const items = args.length === 1 ? await collect(args[0] as PyObject) : args;
      if (items.length === 0) {
        if (fallback !== undefined) return fallback;
        throw valueError(`${name}() arg is an empty sequence`);
      }
      const keyOf = async (item: PyObject): Promise<PyObject> =>
        key === undefined || key === None ? item : await callObject(key, [item], new Map(), ctx);
      let best = items[0] as PyObject;
      let bestKey = await keyOf(best);
      for (const item of items.slice(1)) {
        const k = await keyOf(item);
        if (compare(name === 'max' ? '>' : '<', k, bestKey)) {
          best = item;
          bestKey = k;
        }
      }
      return best;
    },
  });
}

export const min = minMax('min', 'min(iterable, *, key=None, default=...) or min(a, b, ...): the smallest item.');
export const max = minMax('max', 'max(iterable, *, key=None, default=...) or max(a, b, ...): the largest item.');
