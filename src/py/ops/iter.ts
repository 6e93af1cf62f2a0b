// Iteration: iter() over every iterable kind, and collecting an iterable into an array. An
// iterator's next() may return a promise (a generator whose expression calls a waiting function), so
// collect() returns an array directly when it can and a promise only when it must.
import type { IterStep, PyIterator, PyObject } from '../objects/object';
import { PyStr } from '../objects/str';
import { PyBytes, PyByteArray } from '../objects/bytes';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict, PySet } from '../objects/dict';
import { PyRange } from '../objects/range';
import { newInt } from '../objects/int';
import { newStr } from '../objects/str';
import { newTuple } from '../objects/tuple';
import { PyIteratorObject, PyDictView } from '../objects/iterator';
import { MAX_ITEMS } from '../objects/limits';
import { memoryError, runtimeError, typeError } from '../exceptions/raise';
import { STEPS_BETWEEN_PAUSES, pause } from './interrupt';

function arrayIterator(items: readonly PyObject[]): PyIterator {
  let i = 0;
  return { next: () => (i < items.length ? items[i++] : undefined) };
}

function dictIterator(dict: PyDict, pick: (key: PyObject, value: PyObject) => PyObject): PyIterator {
  const size = dict.size;
  const entries = dict.entries.values();
  return {
    next: () => {
      if (dict.size !== size) throw runtimeError('dictionary changed size during iteration');
      const step = entries.next();
      return step.done ? undefined : pick(step.value.key, step.value.value);
    },
  };
}

export function dictViewIterator(view: PyDictView): PyIterator {
  if (view.kind === 'keys') return dictIterator(view.mapping, (k) => k);
  if (view.kind === 'values') return dictIterator(view.mapping, (_k, v) => v);
  return dictIterator(view.mapping, (k, v) => newTuple([k, v]));
}

/** A JS iterator over any iterable Python object; TypeError `'int' object is not iterable` otherwise. */
export function getIterator(obj: PyObject): PyIterator {
  if (obj instanceof PyList) {
    let i = 0;
    return { next: () => (i < obj.items.length ? obj.items[i++] : undefined) };
  }
  if (obj instanceof PyTuple) return arrayIterator(obj.items);
  if (obj instanceof PyStr) {
    let i = 0;
    const n = obj.length;
    return { next: () => (i < n ? newStr(obj.charAt(i++)) : undefined) };
  }
  if (obj instanceof PyBytes || obj instanceof PyByteArray) {
    let i = 0;
    return { next: () => (i < obj.data.length ? newInt(obj.data[i++] as number) : undefined) };
  }
  if (obj instanceof PyRange) {
    let i = 0n;
    const n = obj.length;
    return { next: () => (i < n ? newInt(obj.at(i++)) : undefined) };
  }
  if (obj instanceof PyDict) return dictIterator(obj, (k) => k);
  if (obj instanceof PySet) {
    const size = obj.size;
    const values = obj.entries.values();
    return {
      next: () => {
        if (obj.size !== size) throw runtimeError('Set changed size during iteration');
        const step = values.next();
        return step.done ? undefined : step.value;
      },
    };
  }
  if (obj instanceof PyDictView) return dictViewIterator(obj);
  if (obj instanceof PyIteratorObject) return obj.iterator;
  const hook = obj.type.hook('iterate');
  if (hook) return hook(obj);
  throw typeError(`'${obj.type.name}' object is not iterable`);
}

const ITERATOR_KIND: [new (...args: never[]) => PyObject, string][] = [
  [PyList, 'list_iterator'],
  [PyTuple, 'tuple_iterator'],
  [PyStr, 'str_ascii_iterator'],
  [PyBytes, 'bytes_iterator'],
  [PyByteArray, 'bytearray_iterator'],
  [PyRange, 'range_iterator'],
  [PyDict, 'dict_keyiterator'],
  [PySet, 'set_iterator'],
];

/** Whether iter(obj) would succeed. */
export function isIterable(obj: PyObject): boolean {
  return (
    obj instanceof PyList ||
    obj instanceof PyTuple ||
    obj instanceof PyStr ||
    obj instanceof PyBytes ||
    obj instanceof PyByteArray ||
    obj instanceof PyRange ||
    obj instanceof PyDict ||
    obj instanceof PySet ||
    obj instanceof PyDictView ||
    obj instanceof PyIteratorObject ||
    obj.type.hook('iterate') !== undefined
  );
}

/** iter(obj): a Python iterator object. */
export function iterObject(obj: PyObject): PyIteratorObject {
  if (obj instanceof PyIteratorObject) return obj;
  const iterator = getIterator(obj);
  let kind = 'iterator';
  for (const [cls, name] of ITERATOR_KIND) if (obj instanceof cls) kind = name;
  if (obj instanceof PyDictView) kind = obj.kind === 'keys' ? 'dict_keyiterator' : obj.kind === 'values' ? 'dict_valueiterator' : 'dict_itemiterator';
  if (obj instanceof PyStr && !/^[\x00-\x7f]*$/.test(obj.value)) kind = 'str_iterator';
  return new PyIteratorObject(kind, iterator);
}

/** The items of a list or tuple without copying, or null for other iterables. */
export function sequenceItems(obj: PyObject): readonly PyObject[] | null {
  if (obj instanceof PyList || obj instanceof PyTuple) return obj.items;
  return null;
}

async function collectRest(it: PyIterator, out: PyObject[], pending: Promise<PyObject | undefined>): Promise<PyObject[]> {
  let step: IterStep = pending;
  for (;;) {
    const value = await step;
    if (value === undefined) return out;
    out.push(value);
    if (out.length > MAX_ITEMS) throw memoryError();
    step = it.next();
  }
}

/** All the items of an iterable, in order. */
export function collect(obj: PyObject): PyObject[] | Promise<PyObject[]> {
  const items = sequenceItems(obj);
  if (items) return items.slice();
  if (obj instanceof PyRange && obj.length > BigInt(MAX_ITEMS)) throw memoryError();
  const it = getIterator(obj);
  const out: PyObject[] = [];
  for (;;) {
    const step = it.next();
    if (step instanceof Promise) return collectRest(it, out, step);
    if (step === undefined) return out;
    out.push(step);
    if (out.length > MAX_ITEMS) throw memoryError();
  }
}

/**
 * Calls visit for each item until it returns true (stop early). Synchronous while the iterator is,
 * except that a very long loop pauses now and then so Ctrl-C can stop it.
 */
export function forEachItem(obj: PyObject, visit: (item: PyObject) => boolean | void): void | Promise<void> {
  const it = getIterator(obj);
  for (let steps = 0; ; steps++) {
    if (steps === STEPS_BETWEEN_PAUSES) return forEachRest(it, pause().then(() => it.next()), visit);
    const step = it.next();
    if (step instanceof Promise) return forEachRest(it, step, visit);
    if (step === undefined || visit(step) === true) return;
  }
}

async function forEachRest(
  it: PyIterator,
  pending: IterStep,
  visit: (item: PyObject) => boolean | void,
): Promise<void> {
  let step: IterStep = pending;
  for (let steps = 0; ; steps++) {
    const value = await step;
    if (value === undefined || visit(value) === true) return;
    if (steps % STEPS_BETWEEN_PAUSES === STEPS_BETWEEN_PAUSES - 1) await pause();
    step = it.next();
  }
}
