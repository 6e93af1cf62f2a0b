// The methods that change a bytearray in place.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { newInt } from '../objects/int';
import { PyByteArray, bytearrayType, concatBytes, isBytesLike } from '../objects/bytes';
import { MAX_TEXT_LENGTH } from '../objects/limits';
import { collect } from '../ops/iter';
import { defineCheckedMethods } from '../native/define';
import { asIndex, asSsize } from '../native/convert';
import { indexError, memoryError, valueError } from '../exceptions/raise';

const ba = (self: PyObject): PyByteArray => self as PyByteArray;

function byteValue(obj: PyObject): number {
  const v = asIndex(obj);
  if (v < 0n || v > 255n) throw valueError('byte must be in range(0, 256)');
  return Number(v);
}

function replaceData(self: PyObject, bytes: Uint8Array): void {
  if (bytes.length > MAX_TEXT_LENGTH) throw memoryError();
  ba(self).data = bytes;
}

defineCheckedMethods(bytearrayType, [
  { name: 'append', style: 'one', params: ['item'], doc: 'B.append(int): adds one byte at the end.', call: (self, [v]) => (replaceData(self, concatBytes([ba(self).data, Uint8Array.of(byteValue(v as PyObject))])), None) },
  {
    name: 'extend',
    style: 'one',
    params: ['iterable_of_ints'],
    doc: 'B.extend(iterable): adds the bytes (or ints) of the iterable at the end.',
    call: async (self, [it]) => {
      const more = isBytesLike(it as PyObject) ? (it as PyByteArray).data : Uint8Array.from((await collect(it as PyObject)).map(byteValue));
      replaceData(self, concatBytes([ba(self).data, more]));
      return None;
    },
  },
  {
    name: 'insert',
    style: 'positional',
    params: ['index', 'item'],
    doc: 'B.insert(index, int): inserts one byte before the index.',
    call: (self, [index, item]) => {
      const d = [...ba(self).data];
      let i = asSsize(index as PyObject);
      if (i < 0) i = Math.max(0, i + d.length);
      d.splice(Math.min(i, d.length), 0, byteValue(item as PyObject));
      replaceData(self, Uint8Array.from(d));
      return None;
    },
  },
  {
    name: 'pop',
    style: 'positional',
    params: ['index?'],
    doc: 'B.pop([index]): removes and returns the byte at the index (the last by default).',
    call: (self, [index]) => {
      const d = [...ba(self).data];
      if (d.length === 0) throw indexError('pop from empty bytearray');
      let i = index === undefined ? -1 : asSsize(index);
      if (i < 0) i += d.length;
      if (i < 0 || i >= d.length) throw indexError('pop index out of range');
      const [value] = d.splice(i, 1);
      replaceData(self, Uint8Array.from(d));
      return newInt(value as number);
    },
  },
  {
    name: 'remove',
    style: 'one',
    params: ['value'],
    doc: 'B.remove(int): removes the first byte of that value.',
    call: (self, [v]) => {
      const d = [...ba(self).data];
      const i = d.indexOf(byteValue(v as PyObject));
      if (i < 0) throw valueError('value not found in bytearray');
      d.splice(i, 1);
      replaceData(self, Uint8Array.from(d));
      return None;
    },
  },
  { name: 'clear', style: 'noargs', doc: 'B.clear(): removes every byte.', call: (self) => (replaceData(self, new Uint8Array(0)), None) },
  { name: 'copy', style: 'noargs', doc: 'B.copy(): a copy of the bytearray.', call: (self) => new PyByteArray(ba(self).data.slice()) },
  { name: 'reverse', style: 'noargs', doc: 'B.reverse(): reverses the bytes in place.', call: (self) => (replaceData(self, ba(self).data.slice().reverse()), None) },
]);
