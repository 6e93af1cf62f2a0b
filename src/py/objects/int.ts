// int and bool. Ints are arbitrary precision (bigint); bool is a subclass of int with two instances.
import { PyObject, PyType } from './object';

export const intType = new PyType({
  name: 'int',
  doc: 'int(x=0) -> integer; int(x, base=10) -> integer. Converts a number or a string to an integer.',
});
export const boolType = new PyType({
  name: 'bool',
  bases: [intType],
  doc: 'bool(x) -> True when x is true, False otherwise. True and False are the only two instances.',
});

export class PyInt extends PyObject {
  readonly value: bigint;
  constructor(value: bigint, type: PyType = intType) {
    super(type);
    this.value = value;
  }
}

// CPython keeps -5..256 as shared objects; `is` on them behaves the same here.
const SMALL_MIN = -5;
const SMALL_MAX = 256;
const small: PyInt[] = [];
for (let i = SMALL_MIN; i <= SMALL_MAX; i++) small.push(new PyInt(BigInt(i)));

export function newInt(value: bigint | number): PyInt {
  if (typeof value === 'number') {
    if (value >= SMALL_MIN && value <= SMALL_MAX && Number.isInteger(value)) {
      return small[value - SMALL_MIN] as PyInt;
    }
    return new PyInt(BigInt(value));
  }
  if (value >= BigInt(SMALL_MIN) && value <= BigInt(SMALL_MAX)) return small[Number(value) - SMALL_MIN] as PyInt;
  return new PyInt(value);
}

export const True = new PyInt(1n, boolType);
export const False = new PyInt(0n, boolType);

export function newBool(value: boolean): PyInt {
  return value ? True : False;
}

export function isBool(obj: PyObject): boolean {
  return obj === True || obj === False;
}
