// list: a mutable sequence.
import { PyObject, PyType } from './object';

export const listType = new PyType({
  name: 'list',
  doc: 'list(iterable=()) -> a mutable sequence, e.g. the chunks recv() returned, to join later.',
});

export class PyList extends PyObject {
  items: PyObject[];
  constructor(items: PyObject[]) {
    super(listType);
    this.items = items;
  }
}

export function newList(items: PyObject[]): PyList {
  return new PyList(items);
}
