// range's methods and attributes.
import type { PyObject } from '../objects/object';
import { PyInt, newInt } from '../objects/int';
import { PyRange, rangeType } from '../objects/range';
import { defineProperty } from '../objects/function';
import { contains } from '../ops/basic';
import { equals } from '../ops/compare';
import { repr } from '../ops/repr';
import { defineCheckedMethods } from '../native/define';
import { valueError } from '../exceptions/raise';

const r = (self: PyObject): PyRange => self as PyRange;

function indexOf(range: PyRange, value: PyObject): bigint | null {
  if (value instanceof PyInt) {
    if (!contains(range, value)) return null;
    return (value.value - range.start) / range.step;
  }
  for (let i = 0n; i < range.length; i++) if (equals(newInt(range.at(i)), value)) return i;
  return null;
}

defineCheckedMethods(rangeType, [
  {
    name: 'index',
    style: 'one',
    params: ['value'],
    doc: 'R.index(value): the position of the value in the range.',
    call: (self, [value]) => {
      const i = indexOf(r(self), value as PyObject);
      if (i === null) throw valueError(`${repr(value as PyObject)} is not in range`);
      return newInt(i);
    },
  },
  { name: 'count', style: 'one', params: ['value'], doc: 'R.count(value): 1 if the value is in the range, else 0.', call: (self, [value]) => newInt(indexOf(r(self), value as PyObject) === null ? 0 : 1) },
]);

for (const [name, doc] of [
  ['start', 'The first value of the range.'],
  ['stop', 'The value the range stops before.'],
  ['step', 'The difference between neighbouring values.'],
] as const) {
  defineProperty(rangeType, { name, doc, flavor: 'member', get: (self) => newInt(r(self)[name]) });
}
