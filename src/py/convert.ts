// Conversions between JS values and Python objects, for the layers above the language.
import { PyObject } from './objects/object';
import { None } from './objects/none';
import { PyInt, newInt, newBool, isBool } from './objects/int';
import { PyFloat, newFloat } from './objects/float';
import { PyStr, newStr } from './objects/str';
import { PyBytes, PyByteArray } from './objects/bytes';
import { PyTuple, newTuple } from './objects/tuple';
import { PyList } from './objects/list';
import { PyDict, PySet } from './objects/dict';

/** A marker for toPy: convert this array to a tuple instead of a list. */
export class TupleValue {
  constructor(readonly items: readonly unknown[]) {}
}

export function pyTuple(...items: unknown[]): TupleValue {
  return new TupleValue(items);
}

/**
 * A Python object for a JS value: null/undefined -> None, boolean -> bool, integral number or
 * bigint -> int, other number -> float, string -> str, Uint8Array -> bytes, array -> list,
 * pyTuple(...) -> tuple, Map or plain object -> dict. PyObjects pass through.
 */
export function toPy(value: unknown): PyObject {
  if (value instanceof PyObject) return value;
  if (value === null || value === undefined) return None;
  if (typeof value === 'boolean') return newBool(value);
  if (typeof value === 'bigint') return newInt(value);
  if (typeof value === 'number') return Number.isInteger(value) ? newInt(value) : newFloat(value);
  if (typeof value === 'string') return newStr(value);
  if (value instanceof Uint8Array) return new PyBytes(new Uint8Array(value));
  if (value instanceof TupleValue) return newTuple(value.items.map(toPy));
  if (Array.isArray(value)) return new PyList(value.map(toPy));
  if (value instanceof Map) {
    const dict = new PyDict();
    for (const [k, v] of value) dict.set(toPy(k), toPy(v));
    return dict;
  }
  if (typeof value === 'object') {
    const dict = new PyDict();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) dict.set(newStr(k), toPy(v));
    return dict;
  }
  throw new TypeError(`cannot convert a ${typeof value} to a Python object`);
}

/**
 * The JS value of a Python object: None -> null, bool -> boolean, int -> number (bigint beyond
 * 2**53), float -> number, str -> string, bytes/bytearray -> Uint8Array, list/tuple/set -> array,
 * dict -> Map. Other objects (sockets, functions ...) are returned as they are.
 */
export function fromPy(obj: PyObject): unknown {
  if (obj === None) return null;
  if (obj instanceof PyInt) {
    if (isBool(obj)) return obj.value === 1n;
    const n = obj.value;
    return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
  }
  if (obj instanceof PyFloat) return obj.value;
  if (obj instanceof PyStr) return obj.value;
  if (obj instanceof PyBytes || obj instanceof PyByteArray) return obj.data.slice();
  if (obj instanceof PyList || obj instanceof PyTuple) return obj.items.map(fromPy);
  if (obj instanceof PySet) return obj.values().map(fromPy);
  if (obj instanceof PyDict) {
    const map = new Map<unknown, unknown>();
    for (const { key, value } of obj.entries.values()) map.set(fromPy(key), fromPy(value));
    return map;
  }
  return obj;
}
