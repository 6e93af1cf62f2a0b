// dict: an insertion-ordered mapping; set and frozenset: unordered collections of unique values.
// Keys are found through a canonical key string (ops/hash), equal for values Python treats as the same
// key (1, 1.0 and True are one key).
import { PyObject, PyType } from './object';
import { hashKey } from '../ops/hash';

export const dictType = new PyType({
  name: 'dict',
  doc: 'dict(mapping) | dict(iterable_of_pairs) | dict(**kwargs) -> a mapping from keys to values.',
});
export const setType = new PyType({ name: 'set', doc: 'set(iterable=()) -> an unordered collection of unique values.' });
export const frozensetType = new PyType({
  name: 'frozenset',
  doc: 'frozenset(iterable=()) -> an immutable, hashable set.',
});

export class PyDict extends PyObject {
  readonly entries = new Map<string, { key: PyObject; value: PyObject }>();

  constructor() {
    super(dictType);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: PyObject): PyObject | undefined {
    return this.entries.get(hashKey(key))?.value;
  }

  has(key: PyObject): boolean {
    return this.entries.has(hashKey(key));
  }

  /** Like d[key] = value: an existing key keeps its original key object and position. */
  set(key: PyObject, value: PyObject): void {
    const k = hashKey(key);
    const existing = this.entries.get(k);
    if (existing) existing.value = value;
    else this.entries.set(k, { key, value });
  }

  delete(key: PyObject): PyObject | undefined {
    const k = hashKey(key);
    const existing = this.entries.get(k);
    if (existing) this.entries.delete(k);
    return existing?.value;
  }

  keys(): PyObject[] {
    return [...this.entries.values()].map((e) => e.key);
  }

  values(): PyObject[] {
    return [...this.entries.values()].map((e) => e.value);
  }
}

export class PySet extends PyObject {
  readonly entries = new Map<string, PyObject>();

  constructor(type: PyType = setType) {
    super(type);
  }

  get size(): number {
    return this.entries.size;
  }

  add(value: PyObject): void {
    const k = hashKey(value);
    if (!this.entries.has(k)) this.entries.set(k, value);
  }

  has(value: PyObject): boolean {
    return this.entries.has(hashKey(value));
  }

  delete(value: PyObject): boolean {
    return this.entries.delete(hashKey(value));
  }

  values(): PyObject[] {
    return [...this.entries.values()];
  }

  get frozen(): boolean {
    return this.type === frozensetType;
  }
}
