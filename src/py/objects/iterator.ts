// Iterator objects (what iter() returns, enumerate, zip, reversed, generators) and dict views.
import { PyObject, PyType, hexAddress, type IterStep, type PyIterator } from './object';
import { PyDict } from './dict';

const iteratorTypes = new Map<string, PyType>();

/** The type of an iterator kind ('list_iterator', 'enumerate' ...), made once. */
export function iteratorType(name: string, doc = ''): PyType {
  let t = iteratorTypes.get(name);
  if (!t) {
    t = new PyType({ name, doc });
    iteratorTypes.set(name, t);
  }
  return t;
}

/** A Python iterator object wrapping a JS iteration. */
export class PyIteratorObject extends PyObject {
  readonly iterator: PyIterator;
  constructor(kind: string | PyType, iterator: PyIterator) {
    super(typeof kind === 'string' ? iteratorType(kind) : kind);
    this.iterator = iterator;
  }

  next(): IterStep {
    return this.iterator.next();
  }
}

export const generatorType = iteratorType('generator', 'A generator: yields its values one at a time, once.');
generatorType.hooks.repr = (obj) => `<generator object <genexpr> at ${hexAddress(obj)}>`;

export type DictViewKind = 'keys' | 'values' | 'items';

export const dictViewTypes: Record<DictViewKind, PyType> = {
  keys: new PyType({ name: 'dict_keys', doc: "A live view of a dict's keys." }),
  values: new PyType({ name: 'dict_values', doc: "A live view of a dict's values." }),
  items: new PyType({ name: 'dict_items', doc: "A live view of a dict's (key, value) pairs." }),
};

export class PyDictView extends PyObject {
  readonly mapping: PyDict;
  readonly kind: DictViewKind;
  constructor(dict: PyDict, kind: DictViewKind) {
    super(dictViewTypes[kind]);
    this.mapping = dict;
    this.kind = kind;
  }
}
