// int and float methods: to_bytes / from_bytes (length-prefix framing), bit_length and friends.
import type { PyObject } from '../objects/object';
import { PyInt, intType, newInt, newBool } from '../objects/int';
import { PyFloat, floatType, newFloat } from '../objects/float';
import { PyStr, newStr } from '../objects/str';
import { PyBytes, isBytesLike } from '../objects/bytes';
import { newTuple } from '../objects/tuple';
import { defineClassMethod, defineProperty } from '../objects/function';
import { collect, isIterable } from '../ops/iter';
import { isTruthy } from '../ops/basic';
import { defineCheckedMethods } from '../native/define';
import { parseArgs, sig } from '../native/args';
import { asIndex, asSsize, asStrArg } from '../native/convert';
import { overflowError, typeError, valueError } from '../exceptions/raise';
import { bitLength } from '../format/int-text';
import { floatFromHex, floatToHex } from './float-hex';
import { MAX_TEXT_LENGTH } from '../objects/limits';
import { memoryError } from '../exceptions/raise';

function byteorder(obj: PyObject | undefined, fname: string): 'big' | 'little' {
  if (obj === undefined) return 'big';
  const order = asStrArg(obj, fname, 'byteorder');
  if (order !== 'big' && order !== 'little') throw valueError("byteorder must be either 'little' or 'big'");
  return order;
}

export function intToBytes(value: bigint, length: number, order: 'big' | 'little', signed: boolean): Uint8Array {
  if (length < 0) throw valueError('length argument must be non-negative');
  if (!signed && value < 0n) throw overflowError("can't convert negative int to unsigned");
  const bits = BigInt(length) * 8n;
  const fits = signed ? value >= -(1n << (bits - 1n)) && value < 1n << (bits - 1n) : value < 1n << bits;
  if (length === 0 ? value !== 0n : !fits) throw overflowError('int too big to convert');
  if (length > MAX_TEXT_LENGTH) throw memoryError();
  let v = value < 0n ? (1n << bits) + value : value;
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return order === 'big' ? out : out.reverse();
}

export function intFromBytes(bytes: Uint8Array, order: 'big' | 'little', signed: boolean): bigint {
  const ordered = order === 'big' ? bytes : bytes.slice().reverse();
  let v = 0n;
  for (const b of ordered) v = (v << 8n) | BigInt(b);
  if (signed && ordered.length > 0 && ((ordered[0] as number) & 0x80) !== 0) v -= 1n << BigInt(ordered.length * 8);
  return v;
}

const n = (self: PyObject): bigint => (self as PyInt).value;

defineCheckedMethods(intType, [
  {
    name: 'to_bytes',
    style: 'clinic',
    params: ['length?', 'byteorder?', '*signed?'],
    doc: "I.to_bytes(length=1, byteorder='big', *, signed=False): the int as bytes, e.g. len(data).to_bytes(4, 'big') for a length prefix.",
    call: (self, [length, order, signed]) =>
      new PyBytes(intToBytes(n(self), length === undefined ? 1 : asSsize(length), byteorder(order, 'to_bytes'), signed !== undefined && isTruthy(signed))),
  },
  { name: 'bit_length', style: 'noargs', doc: 'I.bit_length(): the number of bits needed to write the absolute value.', call: (self) => newInt(bitLength(n(self))) },
  { name: 'bit_count', style: 'noargs', doc: 'I.bit_count(): the number of ones in the binary absolute value.', call: (self) => newInt([...(n(self) < 0n ? -n(self) : n(self)).toString(2)].filter((c) => c === '1').length) },
  { name: 'conjugate', style: 'noargs', doc: 'I.conjugate(): the int itself.', call: (self) => newInt(n(self)) },
  { name: 'as_integer_ratio', style: 'noargs', doc: 'I.as_integer_ratio(): (I, 1).', call: (self) => newTuple([newInt(n(self)), newInt(1n)]) },
]);

defineClassMethod(intType, {
  name: 'from_bytes',
  doc: "int.from_bytes(bytes, byteorder='big', *, signed=False): the int those bytes encode, e.g. int.from_bytes(header, 'big').",
  call: async (_cls, args, kwargs) => {
    const [bytes, order, signed] = parseArgs(sig('from_bytes', 'clinic', ['bytes', 'byteorder?', '*signed?']), args, kwargs);
    let data: Uint8Array;
    if (isBytesLike(bytes as PyObject)) data = (bytes as PyBytes).data;
    else if (!(bytes instanceof PyStr) && isIterable(bytes as PyObject)) {
      data = Uint8Array.from((await collect(bytes as PyObject)).map((b) => {
        const v = asIndex(b);
        if (v < 0n || v > 255n) throw valueError('bytes must be in range(0, 256)');
        return Number(v);
      }));
    } else throw typeError(`cannot convert '${(bytes as PyObject).type.name}' object to bytes`);
    return newInt(intFromBytes(data, byteorder(order, 'from_bytes'), signed !== undefined && isTruthy(signed)));
  },
});

for (const [name, doc, get] of [
  ['real', 'The real part: the int itself.', (v: bigint) => v],
  ['imag', 'The imaginary part: 0.', () => 0n],
  ['numerator', 'The numerator: the int itself.', (v: bigint) => v],
  ['denominator', 'The denominator: 1.', () => 1n],
] as const) {
  defineProperty(intType, { name, doc, get: (self) => newInt(get(n(self))) });
}

const f = (self: PyObject): number => (self as PyFloat).value;

defineCheckedMethods(floatType, [
  { name: 'is_integer', style: 'noargs', doc: 'F.is_integer(): whether the float has no fractional part.', call: (self) => newBool(Number.isInteger(f(self))) },
  { name: 'conjugate', style: 'noargs', doc: 'F.conjugate(): the float itself.', call: (self) => newFloat(f(self)) },
  {
    name: 'as_integer_ratio',
    style: 'noargs',
    doc: 'F.as_integer_ratio(): the exact fraction (numerator, denominator) of the float.',
    call: (self) => {
      const x = f(self);
      if (Number.isNaN(x)) throw valueError('cannot convert NaN to integer ratio');
      if (!Number.isFinite(x)) throw overflowError('cannot convert Infinity to integer ratio');
      let den = 1n;
      let m = x;
      while (!Number.isInteger(m)) {
        m *= 2;
        den *= 2n;
      }
      return newTuple([newInt(BigInt(m)), newInt(den)]);
    },
  },
]);
defineCheckedMethods(floatType, [
  { name: 'hex', style: 'noargs', doc: "F.hex(): the float's exact hexadecimal form, e.g. (0.5).hex() == '0x1.0000000000000p-1'.", call: (self) => newStr(floatToHex(f(self))) },
]);
defineClassMethod(floatType, {
  name: 'fromhex',
  doc: "float.fromhex(string): the float of a hexadecimal form, e.g. float.fromhex('0x1.8p1') == 3.0.",
  call: (_cls, args, kwargs) => {
    const [text] = parseArgs(sig('fromhex', 'one', ['string'], { qualname: 'float.fromhex' }), args, kwargs);
    if (!(text instanceof PyStr)) throw typeError(`bad argument type for built-in operation`);
    return newFloat(floatFromHex(text.value));
  },
});
defineProperty(floatType, { name: 'real', doc: 'The real part: the float itself.', get: (self) => newFloat(f(self)) });
defineProperty(floatType, { name: 'imag', doc: 'The imaginary part: 0.0.', get: () => newFloat(0) });
