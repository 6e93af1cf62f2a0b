// ==, !=, <, <=, >, >= with Python's rules: numbers compare exactly across int and float, sequences
// lexicographically, containers compare their items by identity first (so [nan] == [nan]).
import type { PyObject } from '../objects/object';
import { PyStr } from '../objects/str';
import { isBytesLike } from '../objects/bytes';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict, PySet } from '../objects/dict';
import { PyRange } from '../objects/range';
import { MAX_NESTING } from '../objects/limits';
import { PyDictView } from '../objects/iterator';
import { dictViewIterator } from './iter';
import { numberCompare, isNumber } from './numbers';
import { pyError, typeError } from '../exceptions/raise';
import { RecursionError } from '../exceptions/classes';

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

let depth = 0;

function guard<T>(fn: () => T): T {
  if (++depth > MAX_NESTING) {
    depth = 0;
    throw pyError(RecursionError, 'maximum recursion depth exceeded in comparison');
  }
  try {
    return fn();
  } finally {
    depth = Math.max(0, depth - 1);
  }
}

/** Identity first, then ==: how containers compare their items. */
function sameOrEqual(a: PyObject, b: PyObject): boolean {
  return a === b || equals(a, b);
}

function compareStrings(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  // Code point order; UTF-16 order differs only when a surrogate meets a unit above U+D7FF.
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const cx = a.codePointAt(i) as number;
      const cy = b.codePointAt(i) as number;
      return cx < cy ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): -1 | 0 | 1 {
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function rangeItemsEqual(a: PyRange, b: PyRange): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  if (n === 0n) return true;
  if (a.start !== b.start) return false;
  return n === 1n || a.step === b.step;
}

export function equals(a: PyObject, b: PyObject): boolean {
  if (isNumber(a) && isNumber(b)) return numberCompare(a, b) === 0;
  if (a instanceof PyStr && b instanceof PyStr) return a.value === b.value;
  const hookA = a.type.hook('equals');
  if (hookA) {
    const r = hookA(a, b);
    if (r !== undefined) return r;
  }
  const hookB = b.type.hook('equals');
  if (hookB) {
    const r = hookB(b, a);
    if (r !== undefined) return r;
  }
  if (a === b) return true;
  if (isBytesLike(a) && isBytesLike(b)) return compareBytes(a.data, b.data) === 0;
  if ((a instanceof PyTuple && b instanceof PyTuple) || (a instanceof PyList && b instanceof PyList)) {
    if (a.items.length !== b.items.length) return false;
    return guard(() => a.items.every((x, i) => sameOrEqual(x, b.items[i] as PyObject)));
  }
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.size !== b.size) return false;
    return guard(() => {
      for (const [k, entry] of a.entries) {
        const other = b.entries.get(k);
        if (other === undefined || !sameOrEqual(entry.value, other.value)) return false;
      }
      return true;
    });
  }
  if (a instanceof PySet && b instanceof PySet) {
    if (a.size !== b.size) return false;
    for (const k of a.entries.keys()) if (!b.entries.has(k)) return false;
    return true;
  }
  if (a instanceof PyRange && b instanceof PyRange) return rangeItemsEqual(a, b);
  return false;
}

function notSupported(op: CompareOp, a: PyObject, b: PyObject): never {
  throw typeError(`'${op}' not supported between instances of '${a.type.name}' and '${b.type.name}'`);
}

function fromOrder(op: CompareOp, order: -1 | 0 | 1): boolean {
  switch (op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '==':
      return order === 0;
    case '!=':
      return order !== 0;
  }
}

function sequenceCompare(op: CompareOp, a: readonly PyObject[], b: readonly PyObject[]): boolean {
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const x = a[i] as PyObject;
    const y = b[i] as PyObject;
    if (!sameOrEqual(x, y)) return guard(() => compare(op, x, y));
  }
  return fromOrder(op, a.length < b.length ? -1 : a.length > b.length ? 1 : 0);
}

function isSubset(a: PySet, b: PySet): boolean {
  for (const k of a.entries.keys()) if (!b.entries.has(k)) return false;
  return true;
}

/** The result of `a op b` as a JS boolean. */
export function compare(op: CompareOp, a: PyObject, b: PyObject): boolean {
  if (op === '==') return equals(a, b);
  if (op === '!=') return !equals(a, b);
  if (isNumber(a) && isNumber(b)) {
    const order = numberCompare(a, b);
    return order === undefined ? false : fromOrder(op, order);
  }
  if (a instanceof PyStr && b instanceof PyStr) return fromOrder(op, compareStrings(a.value, b.value));
  if (isBytesLike(a) && isBytesLike(b)) return fromOrder(op, compareBytes(a.data, b.data));
  if (a instanceof PyTuple && b instanceof PyTuple) return sequenceCompare(op, a.items, b.items);
  if (a instanceof PyList && b instanceof PyList) return sequenceCompare(op, a.items, b.items);
  if (a instanceof PyDictView || b instanceof PyDictView) {
    const setA = a instanceof PySet ? a : setLike(a);
    const setB = b instanceof PySet ? b : setLike(b);
    if (setA && setB) return compare(op, setA, setB);
  }
  if (a instanceof PySet && b instanceof PySet) {
    switch (op) {
      case '<=':
        return isSubset(a, b);
      case '<':
        return a.size < b.size && isSubset(a, b);
      case '>=':
        return isSubset(b, a);
      case '>':
        return b.size < a.size && isSubset(b, a);
    }
  }
  return notSupported(op, a, b);
}

// Keys and items views compare like sets.
function setLike(obj: PyObject): PySet | null {
  if (obj instanceof PyDictView && obj.kind !== 'values') {
    const set = new PySet();
    const it = dictViewIterator(obj);
    for (let v = it.next(); v !== undefined; v = it.next()) set.add(v as PyObject);
    return set;
  }
  return null;
}

/** Sorting order for sorted() and list.sort(): only `<` is used, as in CPython. */
export function lessThan(a: PyObject, b: PyObject): boolean {
  return compare('<', a, b);
}
