// repr() and str() of every value, as CPython prints them.
import { PyObject, PyType, hexAddress, typeRepr } from '../objects/object';
import { PyInt, True, False } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { PyBytes, PyByteArray } from '../objects/bytes';
import { PyTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict, PySet } from '../objects/dict';
import { PyRange, PySlice } from '../objects/range';
import { MAX_NESTING } from '../objects/limits';
import { strRepr } from '../format/str-repr';
import { bytesRepr } from '../format/bytes-repr';
import { floatRepr } from '../format/float-repr';
import { intToDecimal } from '../format/int-text';
import { pyError } from '../exceptions/raise';
import { RecursionError } from '../exceptions/classes';

// Containers being printed right now: a list that contains itself prints as [...].
const inProgress = new Set<PyObject>();

function nested(obj: PyObject, open: string, close: string, body: () => string): string {
  if (inProgress.has(obj)) return `${open}...${close}`;
  if (inProgress.size >= MAX_NESTING) {
    throw pyError(RecursionError, 'maximum recursion depth exceeded while getting the repr of an object');
  }
  inProgress.add(obj);
  try {
    return body();
  } finally {
    inProgress.delete(obj);
  }
}

export function repr(obj: PyObject): string {
  const hook = obj.type.hook('repr');
  if (hook) return hook(obj);
  if (obj instanceof PyStr) return strRepr(obj.value);
  if (obj instanceof PyInt) {
    if (obj === True) return 'True';
    if (obj === False) return 'False';
    return intToDecimal(obj.value);
  }
  if (obj instanceof PyFloat) return floatRepr(obj.value);
  if (obj instanceof PyBytes) return bytesRepr(obj.data);
  if (obj instanceof PyTuple) {
    if (obj.items.length === 0) return '()';
    return nested(obj, '(', ')', () =>
      obj.items.length === 1 ? `(${repr(obj.items[0] as PyObject)},)` : `(${obj.items.map(repr).join(', ')})`,
    );
  }
  if (obj instanceof PyList) return nested(obj, '[', ']', () => `[${obj.items.map(repr).join(', ')}]`);
  if (obj instanceof PyDict) {
    return nested(obj, '{', '}', () => {
      const parts: string[] = [];
      for (const { key, value } of obj.entries.values()) parts.push(`${repr(key)}: ${repr(value)}`);
      return `{${parts.join(', ')}}`;
    });
  }
  if (obj instanceof PySet) {
    const name = obj.type.name;
    if (obj.size === 0) return `${name}()`;
    return nested(obj, `${name}(`, ')', () => {
      const body = `{${obj.values().map(repr).join(', ')}}`;
      return obj.frozen ? `frozenset(${body})` : body;
    });
  }
  if (obj instanceof PyByteArray) return `bytearray(${bytesRepr(obj.data)})`;
  if (obj instanceof PyRange) {
    const step = obj.step === 1n ? '' : `, ${obj.step}`;
    return `range(${obj.start}, ${obj.stop}${step})`;
  }
  if (obj instanceof PySlice) return `slice(${repr(obj.start)}, ${repr(obj.stop)}, ${repr(obj.step)})`;
  if (obj instanceof PyType) return typeRepr(obj);
  return `<${obj.type.fullName} object at ${hexAddress(obj)}>`;
}

export function str(obj: PyObject): string {
  if (obj instanceof PyStr) return obj.value;
  const hook = obj.type.hook('str');
  if (hook) return hook(obj);
  if (obj instanceof PyInt && obj !== True && obj !== False) return intToDecimal(obj.value);
  return repr(obj);
}
