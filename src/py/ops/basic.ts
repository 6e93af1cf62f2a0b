// Truth value, len() and the `in` operator.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { PyInt } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { PyBytes, PyByteArray, isBytesLike } from '../objects/bytes';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict, PySet } from '../objects/dict';
import { PyRange } from '../objects/range';
import { PyDictView, PyIteratorObject } from '../objects/iterator';
import { equals } from './compare';
import { forEachItem } from './iter';
import { hashKey } from './hash';
import { overflowError, typeError, valueError } from '../exceptions/raise';
import { bytesFind } from '../methods/bytes-search';

export function isTruthy(obj: PyObject): boolean {
  if (obj === None) return false;
  if (obj instanceof PyInt) return obj.value !== 0n;
  if (obj instanceof PyStr) return obj.value.length > 0;
  if (obj instanceof PyFloat) return obj.value !== 0;
  if (obj instanceof PyList || obj instanceof PyTuple) return obj.items.length > 0;
  if (obj instanceof PyBytes || obj instanceof PyByteArray) return obj.data.length > 0;
  if (obj instanceof PyDict || obj instanceof PySet) return obj.size > 0;
  if (obj instanceof PyRange) return obj.length > 0n;
  if (obj instanceof PyDictView) return obj.mapping.size > 0;
  const truthy = obj.type.hook('truthy');
  if (truthy) return truthy(obj);
  const length = obj.type.hook('length');
  if (length) return length(obj) > 0;
  return true;
}

/** len(obj); `object of type 'int' has no len()` for objects without a length. */
export function length(obj: PyObject): number {
  if (obj instanceof PyStr) return obj.length;
  if (obj instanceof PyList || obj instanceof PyTuple) return obj.items.length;
  if (obj instanceof PyBytes || obj instanceof PyByteArray) return obj.data.length;
  if (obj instanceof PyDict || obj instanceof PySet) return obj.size;
  if (obj instanceof PyDictView) return obj.mapping.size;
  if (obj instanceof PyRange) {
    const n = obj.length;
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw overflowError('Python int too large to convert to C ssize_t');
    return Number(n);
  }
  const hook = obj.type.hook('length');
  if (hook) return hook(obj);
  throw typeError(`object of type '${obj.type.name}' has no len()`);
}

function byteContains(data: Uint8Array, item: PyObject): boolean {
  if (item instanceof PyInt) {
    if (item.value < 0n || item.value > 255n) throw valueError('byte must be in range(0, 256)');
    return data.includes(Number(item.value));
  }
  if (isBytesLike(item)) return bytesFind(data, item.data, 0, data.length) >= 0;
  throw typeError(`a bytes-like object is required, not '${item.type.name}'`);
}

function iterableContains(container: PyObject, item: PyObject): boolean | Promise<boolean> {
  let found = false;
  const done = forEachItem(container, (x) => {
    found = x === item || equals(x, item);
    return found;
  });
  return done instanceof Promise ? done.then(() => found) : found;
}

/** `item in container`. */
export function contains(container: PyObject, item: PyObject): boolean | Promise<boolean> {
  if (container instanceof PyStr) {
    if (!(item instanceof PyStr)) {
      throw typeError(`'in <string>' requires string as left operand, not ${item.type.name}`);
    }
    return container.value.includes(item.value);
  }
  if (container instanceof PyList || container instanceof PyTuple) {
    return container.items.some((x) => x === item || equals(x, item));
  }
  if (container instanceof PyDict) return container.entries.has(hashKey(item));
  if (container instanceof PySet) return container.entries.has(hashKey(item));
  if (isBytesLike(container)) return byteContains(container.data, item);
  if (container instanceof PyRange) {
    if (item instanceof PyInt) {
      const { start, step } = container;
      const v = item.value;
      const inBounds = step > 0n ? v >= start && v < container.stop : v <= start && v > container.stop;
      return inBounds && (v - start) % step === 0n;
    }
    return iterableContains(container, item);
  }
  if (container instanceof PyDictView) {
    if (container.kind === 'keys') return container.mapping.entries.has(hashKey(item));
    if (container.kind === 'items') {
      if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
      const [k, v] = item.items as [PyObject, PyObject];
      const entry = container.mapping.entries.get(hashKey(k));
      return entry !== undefined && (entry.value === v || equals(entry.value, v));
    }
    return iterableContains(container, item);
  }
  const iterable = container instanceof PyIteratorObject || container.type.hook('iterate') !== undefined;
  if (!iterable) throw typeError(`argument of type '${container.type.name}' is not iterable`);
  return iterableContains(container, item);
}
