// dict and set methods, and the repr and set operations of dict views.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { newBool } from '../objects/int';
import { newTuple } from '../objects/tuple';
import { PyDict, PySet, dictType, setType, frozensetType } from '../objects/dict';
import { PyDictView, dictViewTypes } from '../objects/iterator';
import { defineClassMethod, defineMethod } from '../objects/function';
import { newStr } from '../objects/str';
import { collect, dictViewIterator, getIterator } from '../ops/iter';
import { binaryOp } from '../ops/binary';
import { equals } from '../ops/compare';
import { repr } from '../ops/repr';
import { hashKey } from '../ops/hash';
import { updateDict } from '../ops/dict-update';
import { defineCheckedMethods } from '../native/define';
import { parseArgs, sig } from '../native/args';
import { keyError, pyError, typeError } from '../exceptions/raise';
import { KeyError } from '../exceptions/classes';

const dict = (self: PyObject): PyDict => self as PyDict;

defineCheckedMethods(dictType, [
  { name: 'get', style: 'positional', params: ['key', 'default?'], doc: 'D.get(key[, default]): D[key] when key is in D, else default (None).', call: (self, [k, d]) => dict(self).get(k as PyObject) ?? d ?? None },
  { name: 'keys', style: 'noargs', doc: "D.keys(): a live view of D's keys.", call: (self) => new PyDictView(dict(self), 'keys') },
  { name: 'values', style: 'noargs', doc: "D.values(): a live view of D's values.", call: (self) => new PyDictView(dict(self), 'values') },
  { name: 'items', style: 'noargs', doc: "D.items(): a live view of D's (key, value) pairs.", call: (self) => new PyDictView(dict(self), 'items') },
  {
    name: 'pop',
    style: 'positional',
    params: ['key', 'default?'],
    doc: 'D.pop(key[, default]): removes key and returns its value (or default; KeyError without one).',
    call: (self, [k, d]) => {
      const value = dict(self).delete(k as PyObject);
      if (value !== undefined) return value;
      if (d !== undefined) return d;
      throw keyError(k as PyObject);
    },
  },
  {
    name: 'popitem',
    style: 'noargs',
    doc: 'D.popitem(): removes and returns the last (key, value) pair.',
    call: (self) => {
      const entries = [...dict(self).entries.values()];
      const last = entries[entries.length - 1];
      if (!last) throw pyError(KeyError, 'popitem(): dictionary is empty');
      dict(self).delete(last.key);
      return newTuple([last.key, last.value]);
    },
  },
  {
    name: 'setdefault',
    style: 'positional',
    params: ['key', 'default?'],
    doc: 'D.setdefault(key[, default]): D[key], first setting it to default (None) when missing.',
    call: (self, [k, d]) => {
      const existing = dict(self).get(k as PyObject);
      if (existing !== undefined) return existing;
      dict(self).set(k as PyObject, d ?? None);
      return d ?? None;
    },
  },
  {
    name: 'clear',
    style: 'noargs',
    doc: 'D.clear(): removes every item.',
    call: (self) => {
      dict(self).entries.clear();
      return None;
    },
  },
  {
    name: 'copy',
    style: 'noargs',
    doc: 'D.copy(): a shallow copy of D.',
    call: (self) => {
      const copy = new PyDict();
      for (const e of dict(self).entries.values()) copy.set(e.key, e.value);
      return copy;
    },
  },
]);

// update takes an optional mapping or iterable and any keywords.
defineMethod(dictType, {
  name: 'update',
  doc: 'D.update([other], **kwargs): adds the pairs of other (a mapping or pairs) and the keywords.',
  call: async (self, args, kwargs) => {
    if (args.length > 1) throw typeError(`update expected at most 1 argument, got ${args.length}`);
    if (args[0] !== undefined) await updateDict(dict(self), args[0]);
    for (const [k, v] of kwargs) dict(self).set(newStr(k), v);
    return None;
  },
});

defineClassMethod(dictType, {
  name: 'fromkeys',
  doc: 'dict.fromkeys(iterable, value=None): a new dict with these keys, each set to value.',
  call: async (_cls, args, kwargs) => {
    const [iterable, value] = parseArgs(sig('fromkeys', 'positional', ['iterable', 'value?']), args, kwargs);
    const out = new PyDict();
    for (const k of await collect(iterable as PyObject)) out.set(k, value ?? None);
    return out;
  },
});

for (const [kind, type] of Object.entries(dictViewTypes)) {
  type.hooks.repr = (obj) => {
    const view = obj as PyDictView;
    const items = [...view.mapping.entries.values()].map((e) =>
      kind === 'keys' ? repr(e.key) : kind === 'values' ? repr(e.value) : repr(newTuple([e.key, e.value])),
    );
    return `${type.name}([${items.join(', ')}])`;
  };
  type.hooks.iterate = (obj) => dictViewIterator(obj as PyDictView);
  if (kind === 'values') continue;
  // Keys and items views are set-like: set operators with any iterable, comparisons with sets.
  type.hooks.binary = (op, a, b) => {
    if (op !== '|' && op !== '&' && op !== '-' && op !== '^') return undefined;
    return binaryOp(op, asSet(a), asSet(b));
  };
  type.hooks.equals = (a, b) => (b instanceof PySet || b instanceof PyDictView ? equals(asSet(a), asSet(b)) : undefined);
}

/** The items of an iterable as a set (views take part in set operations this way). */
function asSet(obj: PyObject): PySet {
  if (obj instanceof PySet) return obj;
  const set = new PySet();
  const it = getIterator(obj);
  for (let step = it.next(); step !== undefined; step = it.next()) {
    if (step instanceof Promise) throw typeError(`'${obj.type.name}' object is not iterable`);
    set.add(step);
  }
  return set;
}

const set = (self: PyObject): PySet => self as PySet;

async function others(args: PyObject[]): Promise<Set<string>[]> {
  const out: Set<string>[] = [];
  for (const a of args) out.push(new Set((await collect(a)).map(hashKey)));
  return out;
}

async function combine(self: PyObject, args: PyObject[], keep: (k: string, sets: Set<string>[]) => boolean, addOthers: boolean): Promise<PySet> {
  const result = new PySet(self.type);
  const sets = await others(args);
  for (const [k, v] of set(self).entries) if (keep(k, sets)) result.entries.set(k, v);
  if (addOthers) for (const a of args) for (const v of await collect(a)) result.add(v);
  return result;
}

function setMethods(type: typeof setType, mutable: boolean) {
  defineMethod(type, { name: 'union', doc: 'S.union(*others): the items in S or any of the others.', call: (self, args) => combine(self, args, () => true, true) });
  defineMethod(type, { name: 'intersection', doc: 'S.intersection(*others): the items in S and every other.', call: (self, args) => combine(self, args, (k, s) => s.every((o) => o.has(k)), false) });
  defineMethod(type, { name: 'difference', doc: 'S.difference(*others): the items in S and in none of the others.', call: (self, args) => combine(self, args, (k, s) => s.every((o) => !o.has(k)), false) });
  defineCheckedMethods(type, [
    {
      name: 'issubset',
      style: 'one',
      params: ['other'],
      doc: 'S.issubset(other): whether every item of S is in other.',
      call: async (self, [o]) => {
        const other = new Set((await collect(o as PyObject)).map(hashKey));
        return newBool([...set(self).entries.keys()].every((k) => other.has(k)));
      },
    },
    { name: 'issuperset', style: 'one', params: ['other'], doc: 'S.issuperset(other): whether every item of other is in S.', call: async (self, [o]) => newBool((await collect(o as PyObject)).every((v) => set(self).has(v))) },
    { name: 'isdisjoint', style: 'one', params: ['other'], doc: 'S.isdisjoint(other): whether S and other have no item in common.', call: async (self, [o]) => newBool(!(await collect(o as PyObject)).some((v) => set(self).has(v))) },
    { name: 'copy', style: 'noargs', doc: 'S.copy(): a shallow copy.', call: (self) => combine(self, [], () => true, false) },
  ]);
  if (!mutable) return;
  defineCheckedMethods(type, [
    { name: 'add', style: 'one', params: ['elem'], doc: 'S.add(elem): adds the item.', call: (self, [v]) => (set(self).add(v as PyObject), None) },
    {
      name: 'remove',
      style: 'one',
      params: ['elem'],
      doc: 'S.remove(elem): removes the item (KeyError when it is not there).',
      call: (self, [v]) => {
        if (!set(self).delete(v as PyObject)) throw keyError(v as PyObject);
        return None;
      },
    },
    { name: 'discard', style: 'one', params: ['elem'], doc: 'S.discard(elem): removes the item if it is there.', call: (self, [v]) => (set(self).delete(v as PyObject), None) },
    {
      name: 'pop',
      style: 'noargs',
      doc: 'S.pop(): removes and returns an arbitrary item.',
      call: (self) => {
        const first = set(self).entries.entries().next();
        if (first.done) throw pyError(KeyError, 'pop from an empty set');
        set(self).entries.delete(first.value[0]);
        return first.value[1];
      },
    },
    { name: 'clear', style: 'noargs', doc: 'S.clear(): removes every item.', call: (self) => (set(self).entries.clear(), None) },
  ]);
  defineMethod(type, {
    name: 'update',
    doc: 'S.update(*others): adds the items of the others.',
    call: async (self, args) => {
      for (const a of args) for (const v of await collect(a)) set(self).add(v);
      return None;
    },
  });
}

setMethods(setType, true);
setMethods(frozensetType, false);
