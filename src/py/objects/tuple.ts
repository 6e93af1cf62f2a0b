// tuple: an immutable sequence.
import { PyObject, PyType } from './object';

export const tupleType = new PyType({
  name: 'tuple',
  doc: 'tuple(iterable=()) -> an immutable sequence. Addresses are tuples: (host, port).',
});

export class PyTuple extends PyObject {
  readonly items: readonly PyObject[];
  constructor(items: readonly PyObject[]) {
    super(tupleType);
    this.items = items;
  }
}

const EMPTY = new PyTuple([]);

export function newTuple(items: readonly PyObject[]): PyTuple {
  return items.length === 0 ? EMPTY : new PyTuple(items);
}
