// obj[key], obj[key] = value, del obj[key], and slices, with CPython's index rules and texts.
import { PyObject, PyType } from '../objects/object';
import { None } from '../objects/none';
import { PyInt, newInt } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr, newStr } from '../objects/str';
import { PyBytes, PyByteArray, isBytesLike } from '../objects/bytes';
import { PyTuple, newTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict, PySet } from '../objects/dict';
import { PyRange, PySlice } from '../objects/range';
import { collect, isIterable } from './iter';
import { indexError, keyError, typeError, valueError } from '../exceptions/raise';
import { asIndex } from '../native/convert';

export interface SliceIndices {
  start: number;
  stop: number;
  step: number;
  length: number;
}

const INDEX_LIMIT = (1n << 63n) - 1n;

function sliceBound(obj: PyObject): bigint | null {
  if (obj === None) return null;
  if (obj instanceof PyInt) return obj.value;
  throw typeError('slice indices must be integers or None or have an __index__ method');
}

/** PySlice_Unpack + PySlice_AdjustIndices: the concrete positions a slice selects in a sequence. */
export function sliceIndices(slice: PySlice, length: number): SliceIndices {
  const stepValue = sliceBound(slice.step);
  const step = stepValue === null ? 1 : Number(stepValue > INDEX_LIMIT ? INDEX_LIMIT : stepValue < -INDEX_LIMIT ? -INDEX_LIMIT : stepValue);
  if (step === 0) throw valueError('slice step cannot be zero');
  const clamp = (value: bigint | null, whenNone: number): number => {
    if (value === null) return whenNone;
    let v = value;
    if (v < 0n) {
      v += BigInt(length);
      if (v < 0n) return step < 0 ? -1 : 0;
      return Number(v);
    }
    if (v >= BigInt(length)) return step < 0 ? length - 1 : length;
    return Number(v);
  };
  const start = clamp(sliceBound(slice.start), step < 0 ? length - 1 : 0);
  const stop = clamp(sliceBound(slice.stop), step < 0 ? -1 : length);
  let count = 0;
  if (step < 0) count = stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  else count = start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
  return { start, stop, step, length: count };
}

function slicePositions(s: SliceIndices): number[] {
  const out: number[] = [];
  for (let i = 0, at = s.start; i < s.length; i++, at += s.step) out.push(at);
  return out;
}

function pick<T>(items: ArrayLike<T>, s: SliceIndices): T[] {
  if (s.step === 1) return Array.prototype.slice.call(items, s.start, s.start + s.length) as T[];
  return slicePositions(s).map((i) => items[i] as T);
}

/** A non-negative position for items[index]; IndexError with `what` ('list index out of range'). */
export function normalizeIndex(index: bigint, length: number, what: string): number {
  if (index > INDEX_LIMIT || index < -INDEX_LIMIT) throw indexError("cannot fit 'int' into an index-sized integer");
  let i = Number(index);
  if (i < 0) i += length;
  if (i < 0 || i >= length) throw indexError(what);
  return i;
}

function strSlice(s: PyStr, sl: SliceIndices): string {
  if (sl.step === 1) return s.slice(sl.start, sl.start + sl.length);
  return slicePositions(sl).map((i) => s.charAt(i)).join('');
}

export function getItem(obj: PyObject, key: PyObject): PyObject {
  if (obj instanceof PyList || obj instanceof PyTuple) {
    const kind = obj instanceof PyList ? 'list' : 'tuple';
    if (key instanceof PyInt) return obj.items[normalizeIndex(key.value, obj.items.length, `${kind} index out of range`)] as PyObject;
    if (key instanceof PySlice) {
      const items = pick(obj.items, sliceIndices(key, obj.items.length));
      return obj instanceof PyList ? new PyList(items) : newTuple(items);
    }
    throw typeError(`${kind} indices must be integers or slices, not ${key.type.name}`);
  }
  if (obj instanceof PyStr) {
    if (key instanceof PyInt) return newStr(obj.charAt(normalizeIndex(key.value, obj.length, 'string index out of range')));
    if (key instanceof PySlice) return newStr(strSlice(obj, sliceIndices(key, obj.length)));
    throw typeError(`string indices must be integers, not '${key.type.name}'`);
  }
  if (obj instanceof PyBytes || obj instanceof PyByteArray) {
    const isArray = obj instanceof PyByteArray;
    if (key instanceof PyInt) {
      const what = isArray ? 'bytearray index out of range' : 'index out of range';
      return newInt(obj.data[normalizeIndex(key.value, obj.data.length, what)] as number);
    }
    if (key instanceof PySlice) {
      const bytes = Uint8Array.from(pick(obj.data, sliceIndices(key, obj.data.length)));
      return isArray ? new PyByteArray(bytes) : new PyBytes(bytes);
    }
    throw typeError(`${isArray ? 'bytearray' : 'byte'} indices must be integers or slices, not ${key.type.name}`);
  }
  if (obj instanceof PyDict) {
    const value = obj.get(key);
    if (value === undefined) throw keyError(key);
    return value;
  }
  if (obj instanceof PyRange) return rangeItem(obj, key);
  const hook = obj.type.hook('getItem');
  if (hook) return hook(obj, key);
  if (obj instanceof PyType) throw typeError(`type '${obj.name}' is not subscriptable`);
  throw typeError(`'${obj.type.name}' object is not subscriptable`);
}

function rangeItem(r: PyRange, key: PyObject): PyObject {
  if (key instanceof PyInt) {
    let i = key.value;
    const n = r.length;
    if (i < 0n) i += n;
    if (i < 0n || i >= n) throw indexError('range object index out of range');
    return newInt(r.at(i));
  }
  if (key instanceof PySlice) {
    const n = r.length;
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw indexError("cannot fit 'int' into an index-sized integer");
    const s = sliceIndices(key, Number(n));
    const start = r.at(BigInt(s.start));
    const step = r.step * BigInt(s.step);
    return new PyRange(start, start + step * BigInt(s.length), step);
  }
  throw typeError(`range indices must be integers or slices, not ${key.type.name}`);
}

function byteValue(value: PyObject): number {
  const n = asIndex(value);
  if (n < 0n || n > 255n) throw valueError('byte must be in range(0, 256)');
  return Number(n);
}

function assignSlice<T>(items: T[], s: SliceIndices, values: T[], what = 'sequence'): T[] {
  if (s.step === 1) {
    const start = s.start;
    const end = Math.max(start, s.start + s.length);
    return [...items.slice(0, start), ...values, ...items.slice(end)];
  }
  if (values.length !== s.length) {
    throw valueError(`attempt to assign ${what} of size ${values.length} to extended slice of size ${s.length}`);
  }
  const out = items.slice();
  slicePositions(s).forEach((pos, i) => (out[pos] = values[i] as T));
  return out;
}

async function assignListSlice(list: PyList, key: PySlice, value: PyObject): Promise<void> {
  const indices = sliceIndices(key, list.items.length);
  if (!isIterable(value)) throw typeError(indices.step === 1 ? 'can only assign an iterable' : 'must assign iterable to extended slice');
  const values = await collect(value);
  list.items = assignSlice(list.items, indices, values);
}

export function setItem(obj: PyObject, key: PyObject, value: PyObject): void | Promise<void> {
  if (obj instanceof PyList) {
    if (key instanceof PyInt) {
      obj.items[normalizeIndex(key.value, obj.items.length, 'list assignment index out of range')] = value;
      return;
    }
    if (key instanceof PySlice) return assignListSlice(obj, key, value);
    throw typeError(`list indices must be integers or slices, not ${key.type.name}`);
  }
  if (obj instanceof PyDict) {
    obj.set(key, value);
    return;
  }
  if (obj instanceof PyByteArray) {
    if (key instanceof PyInt) {
      const byte = byteValue(value);
      obj.data[normalizeIndex(key.value, obj.data.length, 'bytearray index out of range')] = byte;
      return;
    }
    if (key instanceof PySlice) {
      if (value instanceof PyStr || value instanceof PyInt || value instanceof PyFloat) {
        throw typeError('can assign only bytes, buffers, or iterables of ints in range(0, 256)');
      }
      if (!isBytesLike(value) && !isIterable(value)) throw typeError(`cannot convert '${value.type.name}' object to bytearray`);
      const assign = (bytes: number[]) => {
        obj.data = Uint8Array.from(assignSlice([...obj.data], sliceIndices(key, obj.data.length), bytes, 'bytes'));
      };
      if (isBytesLike(value)) return assign([...value.data]);
      return Promise.resolve(collect(value)).then((items) => assign(items.map(byteValue)));
    }
    throw typeError(`bytearray indices must be integers or slices, not ${key.type.name}`);
  }
  throw typeError(`'${obj.type.name}' object does not support item assignment`);
}

export function delItem(obj: PyObject, key: PyObject): void {
  if (obj instanceof PyList) {
    if (key instanceof PyInt) {
      obj.items.splice(normalizeIndex(key.value, obj.items.length, 'list assignment index out of range'), 1);
      return;
    }
    if (key instanceof PySlice) {
      const drop = new Set(slicePositions(sliceIndices(key, obj.items.length)));
      obj.items = obj.items.filter((_, i) => !drop.has(i));
      return;
    }
    throw typeError(`list indices must be integers or slices, not ${key.type.name}`);
  }
  if (obj instanceof PyDict) {
    if (obj.delete(key) === undefined) throw keyError(key);
    return;
  }
  if (obj instanceof PyByteArray) {
    if (key instanceof PyInt) {
      const i = normalizeIndex(key.value, obj.data.length, 'bytearray index out of range');
      obj.data = Uint8Array.from([...obj.data.subarray(0, i), ...obj.data.subarray(i + 1)]);
      return;
    }
    if (key instanceof PySlice) {
      const drop = new Set(slicePositions(sliceIndices(key, obj.data.length)));
      obj.data = Uint8Array.from([...obj.data].filter((_, i) => !drop.has(i)));
      return;
    }
    throw typeError(`bytearray indices must be integers or slices, not ${key.type.name}`);
  }
  // PyObject_DelItem: sequences reached with an index say "doesn't", everything else "does not".
  const isSequence = obj instanceof PyStr || obj instanceof PyBytes || obj instanceof PyTuple || obj instanceof PyRange || obj instanceof PySet;
  const verb = isSequence && key instanceof PyInt ? "doesn't" : 'does not';
  throw typeError(`'${obj.type.name}' object ${verb} support item deletion`);
}
