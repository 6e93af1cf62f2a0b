// hash() and the canonical keys dicts and sets use. Numbers hash as CPython's do (modulo the Mersenne
// prime 2**61 - 1), so hash(2) == hash(2.0) == hash(True is 1) and tuples of numbers match CPython too;
// str and bytes hashes are salted per process in CPython, so any stable value is as good.
import type { PyObject } from '../objects/object';
import { PyInt } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { PyBytes, PyByteArray } from '../objects/bytes';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict, PySet } from '../objects/dict';
import { None } from '../objects/none';
import { PySlice } from '../objects/range';
import { typeError } from '../exceptions/raise';

const MODULUS = (1n << 61n) - 1n;
const MASK64 = (1n << 64n) - 1n;

function unhashable(obj: PyObject): never {
  throw typeError(`unhashable type: '${obj.type.name}'`);
}

function isUnhashable(obj: PyObject): boolean {
  return (
    obj instanceof PyList ||
    obj instanceof PyDict ||
    obj instanceof PyByteArray ||
    obj instanceof PySlice ||
    (obj instanceof PySet && !obj.frozen)
  );
}

/** A string equal for exactly the values Python treats as the same dict key. */
export function hashKey(obj: PyObject): string {
  if (obj instanceof PyStr) return `s${obj.value}`;
  if (obj instanceof PyInt) return `n${obj.value}`;
  if (obj instanceof PyFloat) {
    const v = obj.value;
    if (Number.isInteger(v)) return `n${BigInt(v)}`;
    if (Number.isNaN(v)) return `o${obj.address}`;
    return `f${v}`;
  }
  if (obj instanceof PyBytes) {
    let text = 'b';
    for (let i = 0; i < obj.data.length; i += 4096) {
      text += String.fromCharCode(...obj.data.subarray(i, i + 4096));
    }
    return text;
  }
  if (obj instanceof PyTuple) {
    let text = 't';
    for (const item of obj.items) {
      const k = hashKey(item);
      text += `${k.length}:${k}`;
    }
    return text;
  }
  if (obj === None) return 'N';
  if (obj instanceof PySet && obj.frozen) return `z${[...obj.entries.keys()].sort().map((k) => `${k.length}:${k}`).join('')}`;
  if (isUnhashable(obj)) unhashable(obj);
  return `o${obj.address}`;
}

function signedFromUnsigned64(x: bigint): bigint {
  return x >= 1n << 63n ? x - (1n << 64n) : x;
}

function intHash(n: bigint): bigint {
  const negative = n < 0n;
  let h = (negative ? -n : n) % MODULUS;
  if (negative) h = -h;
  return h === -1n ? -2n : h;
}

function floatHash(obj: PyFloat): bigint {
  const v = obj.value;
  if (Number.isNaN(v)) return BigInt(obj.address);
  if (!Number.isFinite(v)) return v > 0 ? 314159n : -314159n;
  if (Number.isInteger(v)) return intHash(BigInt(v));
  // v = numerator / 2**k exactly; 2**61 = 1 (mod 2**61 - 1), so dividing by 2**k is multiplying by
  // 2**(61 - k mod 61).
  let k = 0;
  let m = Math.abs(v);
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  const numerator = BigInt(m) % MODULUS;
  const shift = BigInt((61 - (k % 61)) % 61);
  let h = (numerator * ((1n << shift) % MODULUS)) % MODULUS;
  if (v < 0) h = -h;
  return h === -1n ? -2n : h;
}

// Objects/tupleobject.c tuplehash (xxHash-based, 64-bit).
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

function tupleHash(items: readonly PyObject[]): bigint {
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = hashValue(item) & MASK64;
    acc = (acc + lane * XXPRIME_2) & MASK64;
    acc = ((acc << 31n) | (acc >> 33n)) & MASK64;
    acc = (acc * XXPRIME_1) & MASK64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & MASK64;
  if (acc === MASK64) return 1546275796n;
  return signedFromUnsigned64(acc);
}

// FNV-1a over the text, folded to a signed 64-bit value like CPython's.
function textHash(seed: bigint, units: Iterable<number>): bigint {
  let h = 0xcbf29ce484222325n ^ seed;
  for (const u of units) h = ((h ^ BigInt(u)) * 0x100000001b3n) & MASK64;
  const signed = signedFromUnsigned64(h);
  return signed === -1n ? -2n : signed;
}

function* utf16Units(text: string): Iterable<number> {
  for (let i = 0; i < text.length; i++) yield text.charCodeAt(i);
}

/** hash(obj): CPython's value for numbers and tuples of numbers. */
export function hashValue(obj: PyObject): bigint {
  const hook = obj.type.hook('hash');
  if (hook) return hook(obj);
  if (obj instanceof PyInt) return intHash(obj.value);
  if (obj instanceof PyFloat) return floatHash(obj);
  if (obj instanceof PyStr) return obj.value === '' ? 0n : textHash(0x5n, utf16Units(obj.value));
  if (obj instanceof PyBytes) return obj.data.length === 0 ? 0n : textHash(0xbn, obj.data);
  if (obj instanceof PyTuple) return tupleHash(obj.items);
  if (isUnhashable(obj)) unhashable(obj);
  return BigInt(obj.address) >> 4n;
}
