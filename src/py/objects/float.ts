// float: an IEEE double, as in CPython.
import { PyObject, PyType } from './object';

export const floatType = new PyType({
  name: 'float',
  doc: 'float(x=0) -> floating point number. Converts a string or number to a floating point number.',
});

export class PyFloat extends PyObject {
  readonly value: number;
  constructor(value: number) {
    super(floatType);
    this.value = value;
  }
}

export function newFloat(value: number): PyFloat {
  return new PyFloat(value);
}
