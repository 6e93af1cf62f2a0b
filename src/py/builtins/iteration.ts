// Built-ins over iterables: sorted, all, any, and the iterator classes reversed, enumerate, zip, map
// and filter (lazy, as in Python 3).
import type { CallContext } from '../events';
import type { IterStep, PyIterator, PyObject } from '../objects/object';
import { None } from '../objects/none';
import { newBool, newInt } from '../objects/int';
import { PyStr } from '../objects/str';
import { PyBytes, PyByteArray } from '../objects/bytes';
import { PyTuple, newTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict } from '../objects/dict';
import { PyRange } from '../objects/range';
import { PyIteratorObject, iteratorType } from '../objects/iterator';
import { newFunction } from '../objects/function';
import { callObject } from '../ops/call';
import { collect, forEachItem, getIterator } from '../ops/iter';
import { isTruthy } from '../ops/basic';
import { lessThan } from '../ops/compare';
import { getItem } from '../ops/subscript';
import { asIndex } from '../native/convert';
import { checkedFunction } from '../native/define';
import { parseArgs, sig } from '../native/args';
import { typeError, valueError } from '../exceptions/raise';

// CPython's count_run + binarysort, the whole of its list.sort for fewer than 64 items: the same
// comparisons in the same order, so a failing comparison reports the same pair of types.
function smallSort(order: number[], less: (a: number, b: number) => boolean): void {
  const n = order.length;
  if (n < 2) return;
  let run = 2;
  if (less(order[1] as number, order[0] as number)) {
    while (run < n && less(order[run] as number, order[run - 1] as number)) run++;
    order.splice(0, run, ...order.slice(0, run).reverse());
  } else {
    while (run < n && !less(order[run] as number, order[run - 1] as number)) run++;
  }
  for (let start = run; start < n; start++) {
    const pivot = order[start] as number;
    let l = 0;
    let r = start;
    while (l < r) {
      const p = l + ((r - l) >> 1);
      if (less(pivot, order[p] as number)) r = p;
      else l = p + 1;
    }
    order.splice(start, 1);
    order.splice(l, 0, pivot);
  }
}

/** Sorts like list.sort: stable, comparing keys with `<` only, reverse keeping equal items in order. */
export async function sortItems(items: PyObject[], key: PyObject | undefined, reverse: boolean, ctx: CallContext): Promise<PyObject[]> {
  const keys: PyObject[] = [];
  for (const item of items) {
    keys.push(key === undefined || key === None ? item : await callObject(key, [item], new Map(), ctx));
  }
  const order = items.map((_, i) => i);
  if (reverse) order.reverse();
  const less = (a: number, b: number): boolean => lessThan(keys[a] as PyObject, keys[b] as PyObject);
  if (order.length < 64) smallSort(order, less);
  else order.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
  if (reverse) order.reverse();
  return order.map((i) => items[i] as PyObject);
}

const SORTED_KEYWORDS = sig('sort', 'clinic', ['*key?', '*reverse?']);

// sorted checks its one positional argument and its keywords separately, as CPython does.
export const sorted = newFunction({
  name: 'sorted',
  doc: 'sorted(iterable, *, key=None, reverse=False): a new sorted list of the items.',
  call: async (args, kwargs, ctx) => {
    if (args.length !== 1) throw typeError(`sorted expected 1 argument, got ${args.length}`);
    const [key, reverse] = parseArgs(SORTED_KEYWORDS, [], kwargs);
    const items = await collect(args[0] as PyObject);
    return new PyList(await sortItems(items, key, reverse !== undefined && isTruthy(reverse), ctx));
  },
});

function truthScan(name: 'all' | 'any', doc: string) {
  return checkedFunction({
    name,
    doc,
    style: 'one',
    params: ['iterable'],
    call: ([iterable]) => {
      let result = name === 'all';
      const done = forEachItem(iterable as PyObject, (item) => {
        if (isTruthy(item) !== (name === 'all')) {
          result = !result;
          return true;
        }
        return false;
      });
      return done instanceof Promise ? done.then(() => newBool(result)) : newBool(result);
    },
  });
}

export const all = truthScan('all', 'all(iterable): True when every item is true (or there are none).');
export const any = truthScan('any', 'any(iterable): True when at least one item is true.');

function lazy(kind: string, next: () => IterStep): PyIteratorObject {
  return new PyIteratorObject(kind, { next });
}

function then<T>(step: IterStep, fn: (value: PyObject | undefined) => T): T | Promise<T> {
  return step instanceof Promise ? step.then(fn) : fn(step);
}

export const reversedType = iteratorType('reversed', 'reversed(sequence): an iterator over the items, last first.');
reversedType.hooks.construct = (_cls, args, kwargs) => {
  const [seq] = parseArgs(sig('reversed', 'positional', ['sequence']), args, kwargs) as [PyObject];
  let length: number;
  let kind = 'reversed';
  if (seq instanceof PyList) {
    kind = 'list_reverseiterator';
    let i = seq.items.length - 1;
    return lazy(kind, () => (i >= 0 && i < seq.items.length ? seq.items[i--] : undefined));
  }
  if (seq instanceof PyDict) {
    const keys = seq.keys().reverse();
    let i = 0;
    return lazy('dict_reversekeyiterator', () => keys[i++]);
  }
  if (seq instanceof PyTuple) length = seq.items.length;
  else if (seq instanceof PyStr) length = seq.length;
  else if (seq instanceof PyBytes || seq instanceof PyByteArray) length = seq.data.length;
  else if (seq instanceof PyRange) {
    const n = seq.length;
    let i = n - 1n;
    return lazy('range_iterator', () => (i >= 0n ? newInt(seq.at(i--)) : undefined));
  } else throw typeError(`'${seq.type.name}' object is not reversible`);
  let i = length - 1;
  return new PyIteratorObject(reversedType, { next: () => (i >= 0 ? getItem(seq, newInt(i--)) : undefined) });
};

export const enumerateType = iteratorType('enumerate', 'enumerate(iterable, start=0): pairs (index, item), counting from start.');
enumerateType.hooks.construct = (_cls, args, kwargs) => {
  const [iterable, start] = parseArgs(sig('enumerate', 'clinic', ['iterable', 'start?']), args, kwargs);
  const it = getIterator(iterable as PyObject);
  let n = start === undefined ? 0n : asIndex(start);
  return new PyIteratorObject(enumerateType, {
    next: () => then(it.next(), (v) => (v === undefined ? undefined : newTuple([newInt(n++), v]))),
  });
};

const ZIP_KEYWORDS = sig('zip', 'clinic', ['*strict?']);

export const zipType = iteratorType('zip', 'zip(*iterables, strict=False): tuples of the items at the same position, as long as the shortest.');
zipType.hooks.construct = (_cls, args, kwargs) => {
  const [strictArg] = parseArgs(ZIP_KEYWORDS, [], kwargs);
  const strict = strictArg !== undefined && isTruthy(strictArg);
  const its: PyIterator[] = args.map((a) => getIterator(a));
  let finished = its.length === 0;
  return new PyIteratorObject(zipType, {
    next: async () => {
      if (finished) return undefined;
      const values: PyObject[] = [];
      for (let i = 0; i < its.length; i++) {
        const v = await (its[i] as PyIterator).next();
        if (v === undefined) {
          finished = true;
          if (strict) {
            if (i > 0) throw valueError(`zip() argument ${i + 1} is shorter than argument${i > 1 ? 's' : ''} 1${i > 1 ? `-${i}` : ''}`);
            for (let j = 1; j < its.length; j++) {
              if ((await (its[j] as PyIterator).next()) !== undefined) {
                throw valueError(`zip() argument ${j + 1} is longer than argument${j > 1 ? 's' : ''} 1${j > 1 ? `-${j}` : ''}`);
              }
            }
          }
          return undefined;
        }
        values.push(v);
      }
      return newTuple(values);
    },
  });
};

export const mapType = iteratorType('map', 'map(function, iterable, ...): the function applied to each item.');
mapType.hooks.construct = (_cls, args, kwargs, ctx) => {
  if (kwargs.size > 0) throw typeError('map() takes no keyword arguments');
  if (args.length < 2) throw typeError('map() must have at least two arguments.');
  const fn = args[0] as PyObject;
  const its = args.slice(1).map((a) => getIterator(a));
  return new PyIteratorObject(mapType, {
    next: async () => {
      const values: PyObject[] = [];
      for (const it of its) {
        const v = await it.next();
        if (v === undefined) return undefined;
        values.push(v);
      }
      return callObject(fn, values, new Map(), ctx);
    },
  });
};

export const filterType = iteratorType('filter', 'filter(function or None, iterable): the items for which the function is true.');
filterType.hooks.construct = (_cls, args, kwargs, ctx) => {
  const [fn, iterable] = parseArgs(sig('filter', 'positional', ['function', 'iterable']), args, kwargs) as [PyObject, PyObject];
  const it = getIterator(iterable);
  return new PyIteratorObject(filterType, {
    next: async () => {
      for (;;) {
        const v = await it.next();
        if (v === undefined) return undefined;
        const verdict = fn === None ? v : await callObject(fn, [v], new Map(), ctx);
        if (isTruthy(verdict)) return v;
      }
    },
  });
};
