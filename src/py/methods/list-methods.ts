// list and tuple methods.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { newInt } from '../objects/int';
import { PyList, listType } from '../objects/list';
import { PyTuple, tupleType } from '../objects/tuple';
import { MAX_ITEMS } from '../objects/limits';
import { equals } from '../ops/compare';
import { collect } from '../ops/iter';
import { isTruthy } from '../ops/basic';
import { repr } from '../ops/repr';
import { sortItems } from '../builtins/iteration';
import { defineCheckedMethods, type Slots } from '../native/define';
import { asSsize } from '../native/convert';
import { indexError, memoryError, valueError } from '../exceptions/raise';
import { rangeArgs } from './text-helpers';

const items = (self: PyObject): PyObject[] => (self as PyList).items;
const same = (a: PyObject, b: PyObject): boolean => a === b || equals(a, b);

function indexOf(values: readonly PyObject[], [value, start, stop]: Slots): number {
  const { start: s, end } = rangeArgs(start, stop, values.length);
  for (let i = s; i < end; i++) if (same(values[i] as PyObject, value as PyObject)) return i;
  return -1;
}

defineCheckedMethods(listType, [
  {
    name: 'append',
    style: 'one',
    params: ['object'],
    doc: 'L.append(object): adds the object at the end of the list.',
    call: (self, [value]) => {
      if (items(self).length >= MAX_ITEMS) throw memoryError();
      items(self).push(value as PyObject);
      return None;
    },
  },
  {
    name: 'extend',
    style: 'one',
    params: ['iterable'],
    doc: 'L.extend(iterable): adds the items of the iterable at the end.',
    call: async (self, [iterable]) => {
      const more = await collect(iterable as PyObject);
      if (items(self).length + more.length > MAX_ITEMS) throw memoryError();
      items(self).push(...more);
      return None;
    },
  },
  {
    name: 'insert',
    style: 'positional',
    params: ['index', 'object'],
    doc: 'L.insert(index, object): inserts the object before the index.',
    call: (self, [index, value]) => {
      const list = items(self);
      let i = asSsize(index as PyObject);
      if (i < 0) i = Math.max(0, i + list.length);
      list.splice(Math.min(i, list.length), 0, value as PyObject);
      return None;
    },
  },
  {
    name: 'pop',
    style: 'positional',
    params: ['index?'],
    doc: 'L.pop([index]): removes and returns the item at the index (the last one by default).',
    call: (self, [index]) => {
      const list = items(self);
      const i0 = index === undefined ? -1 : asSsize(index);
      if (list.length === 0) throw indexError('pop from empty list');
      const i = i0 < 0 ? i0 + list.length : i0;
      if (i < 0 || i >= list.length) throw indexError('pop index out of range');
      return list.splice(i, 1)[0] as PyObject;
    },
  },
  {
    name: 'remove',
    style: 'one',
    params: ['value'],
    doc: 'L.remove(value): removes the first item equal to the value.',
    call: (self, [value]) => {
      const i = items(self).findIndex((x) => same(x, value as PyObject));
      if (i < 0) throw valueError('list.remove(x): x not in list');
      items(self).splice(i, 1);
      return None;
    },
  },
  {
    name: 'index',
    style: 'positional',
    params: ['value', 'start?', 'stop?'],
    doc: 'L.index(value[, start[, stop]]): the index of the first item equal to the value.',
    call: (self, a) => {
      const i = indexOf(items(self), a);
      if (i < 0) throw valueError(`${repr(a[0] as PyObject)} is not in list`);
      return newInt(i);
    },
  },
  { name: 'count', style: 'one', params: ['value'], doc: 'L.count(value): how many items equal the value.', call: (self, [v]) => newInt(items(self).filter((x) => same(x, v as PyObject)).length) },
  {
    name: 'clear',
    style: 'noargs',
    doc: 'L.clear(): removes every item.',
    call: (self) => {
      items(self).length = 0;
      return None;
    },
  },
  { name: 'copy', style: 'noargs', doc: 'L.copy(): a shallow copy of the list.', call: (self) => new PyList(items(self).slice()) },
  {
    name: 'reverse',
    style: 'noargs',
    doc: 'L.reverse(): reverses the list in place.',
    call: (self) => {
      items(self).reverse();
      return None;
    },
  },
  {
    name: 'sort',
    style: 'clinic',
    params: ['*key?', '*reverse?'],
    doc: 'L.sort(*, key=None, reverse=False): sorts the list in place (stable).',
    call: async (self, [key, reverse], ctx) => {
      const list = self as PyList;
      list.items = await sortItems(list.items.slice(), key, reverse !== undefined && isTruthy(reverse), ctx);
      return None;
    },
  },
]);

const tupleItems = (self: PyObject): readonly PyObject[] => (self as PyTuple).items;

defineCheckedMethods(tupleType, [
  {
    name: 'index',
    style: 'positional',
    params: ['value', 'start?', 'stop?'],
    doc: 'T.index(value[, start[, stop]]): the index of the first item equal to the value.',
    call: (self, a) => {
      const i = indexOf(tupleItems(self), a);
      if (i < 0) throw valueError('tuple.index(x): x not in tuple');
      return newInt(i);
    },
  },
  { name: 'count', style: 'one', params: ['value'], doc: 'T.count(value): how many items equal the value.', call: (self, [v]) => newInt(tupleItems(self).filter((x) => same(x, v as PyObject)).length) },
]);
