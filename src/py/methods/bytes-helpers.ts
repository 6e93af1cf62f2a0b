// The workings of the bytes and bytearray methods: searching, splitting, stripping, padding, hex.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { PyInt, newBool } from '../objects/int';
import { PyStr, newStr } from '../objects/str';
import { PyBytes, PyByteArray, isBytesLike, latin1Bytes, latin1Text } from '../objects/bytes';
import { PyTuple, newTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { MAX_TEXT_LENGTH } from '../objects/limits';
import { collect, isIterable } from '../ops/iter';
import type { Slots } from '../native/define';
import { asBytesLike, asSsize } from '../native/convert';
import { memoryError, typeError, valueError } from '../exceptions/raise';
import { bytesFind, bytesRfind } from './bytes-search';
import { rangeArgs } from './text-helpers';

type Bytes = PyBytes | PyByteArray;
export const data = (self: PyObject): Uint8Array => (self as Bytes).data;
export const make = (self: PyObject, bytes: Uint8Array): PyObject => (self instanceof PyByteArray ? new PyByteArray(bytes) : new PyBytes(bytes));
export const makeMany = (self: PyObject, parts: string[]): PyObject => new PyList(parts.map((p) => make(self, latin1Bytes(p))));

export function subArg(obj: PyObject | undefined): Uint8Array {
  if (obj instanceof PyInt) {
    if (obj.value < 0n || obj.value > 255n) throw valueError('byte must be in range(0, 256)');
    return Uint8Array.of(Number(obj.value));
  }
  if (isBytesLike(obj as PyObject)) return (obj as Bytes).data;
  throw typeError(`argument should be integer or bytes-like object, not '${(obj as PyObject).type.name}'`);
}

export function search(self: PyObject, a: Slots, fromRight: boolean): number {
  const d = data(self);
  const sub = subArg(a[0]);
  const { start, end } = rangeArgs(a[1], a[2], d.length);
  if (start > d.length || start > end) return -1;
  return fromRight ? bytesRfind(d, sub, start, end) : bytesFind(d, sub, start, end);
}

export function affix(self: PyObject, a: Slots, name: 'startswith' | 'endswith'): boolean {
  const d = data(self);
  const { start, end } = rangeArgs(a[1], a[2], d.length);
  const test = (p: Uint8Array): boolean => {
    if (start > d.length || end - start < p.length) return false;
    const at = name === 'startswith' ? start : end - p.length;
    return p.every((b, i) => d[at + i] === b);
  };
  const prefix = a[0] as PyObject;
  if (prefix instanceof PyTuple) return prefix.items.some((p) => test(asBytesLike(p)));
  if (isBytesLike(prefix)) return test(prefix.data);
  throw typeError(`${name} first arg must be bytes or a tuple of bytes, not ${prefix.type.name}`);
}

const WS = '[ \\t\\n\\r\\x0b\\x0c]';

export function split(self: PyObject, [sep, maxsplit]: Slots, fromRight: boolean): PyObject {
  const text = latin1Text(data(self));
  const limit = maxsplit === undefined ? Infinity : asSsize(maxsplit) < 0 ? Infinity : asSsize(maxsplit);
  if (sep === undefined || sep === None) {
    const words = [...text.matchAll(/[^ \t\n\r\x0b\x0c]+/g)].map((m) => ({ word: m[0], start: m.index as number }));
    if (words.length <= limit + 1) return makeMany(self, words.map((w) => w.word));
    if (fromRight) {
      const cut = words[words.length - limit - 1] as { word: string; start: number };
      return makeMany(self, [text.slice(0, cut.start + cut.word.length), ...words.slice(words.length - limit).map((w) => w.word)]);
    }
    return makeMany(self, [...words.slice(0, limit).map((w) => w.word), text.slice((words[limit] as { start: number }).start)]);
  }
  const s = latin1Text(asBytesLike(sep));
  if (s === '') throw valueError('empty separator');
  const parts = text.split(s);
  if (parts.length - 1 <= limit) return makeMany(self, parts);
  if (fromRight) return makeMany(self, [parts.slice(0, parts.length - limit).join(s), ...parts.slice(parts.length - limit)]);
  return makeMany(self, [...parts.slice(0, limit), parts.slice(limit).join(s)]);
}

export function strip(self: PyObject, chars: PyObject | undefined, which: 'both' | 'left' | 'right'): PyObject {
  let set = WS;
  if (chars !== undefined && chars !== None) {
    const bytes = asBytesLike(chars);
    if (bytes.length === 0) return make(self, data(self).slice());
    set = `[${[...latin1Text(bytes)].map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')}]`;
  }
  let text = latin1Text(data(self));
  if (which !== 'right') text = text.replace(new RegExp(`^${set}+`), '');
  if (which !== 'left') text = text.replace(new RegExp(`${set}+$`), '');
  return make(self, latin1Bytes(text));
}

export function pad(self: PyObject, [width, fill]: Slots, how: 'left' | 'right' | 'center', name: string): PyObject {
  const w = asSsize(width as PyObject);
  let fillByte = 0x20;
  if (fill !== undefined) {
    if (!isBytesLike(fill) || fill.data.length !== 1) {
      throw typeError(`${name}() argument 2 must be a byte string of length 1, not ${fill.type.name}`);
    }
    fillByte = fill.data[0] as number;
  }
  const d = data(self);
  if (w <= d.length) return make(self, d.slice());
  if (w > MAX_TEXT_LENGTH) throw memoryError();
  const margin = w - d.length;
  const left = how === 'left' ? 0 : how === 'right' ? margin : Math.floor(margin / 2) + (margin & w & 1);
  const out = new Uint8Array(w).fill(fillByte);
  out.set(d, left);
  return make(self, out);
}

export function hex(self: PyObject, [sep, perSep]: Slots): PyObject {
  const d = data(self);
  let separator = '';
  if (sep !== undefined) {
    const text = sep instanceof PyStr ? sep.value : isBytesLike(sep) ? latin1Text(sep.data) : null;
    if (text === null) throw typeError(`object of type '${sep.type.name}' has no len()`);
    if ([...text].length !== 1) throw valueError('sep must be length 1.');
    separator = text;
  }
  const digits = [...d].map((b) => b.toString(16).padStart(2, '0'));
  const group = perSep === undefined ? 1 : asSsize(perSep);
  if (separator === '' || group === 0 || digits.length === 0) return newStr(digits.join(''));
  const size = Math.abs(group);
  const groups: string[] = [];
  if (group > 0) {
    for (let end = digits.length; end > 0; end -= size) groups.unshift(digits.slice(Math.max(0, end - size), end).join(''));
  } else {
    for (let start = 0; start < digits.length; start += size) groups.push(digits.slice(start, start + size).join(''));
  }
  return newStr(groups.join(separator));
}

export function fromhex(text: string): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (/[ \t\n\r\x0b\x0c]/.test(text[i] as string)) {
      i++;
      continue;
    }
    const pair = text.slice(i, i + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
      const bad = /^[0-9a-fA-F]/.test(pair) ? i + 1 : i;
      throw valueError(`non-hexadecimal number found in fromhex() arg at position ${bad}`);
    }
    out.push(parseInt(pair, 16));
    i += 2;
  }
  return Uint8Array.from(out);
}

export const ASCII_UPPER = (b: number) => (b >= 0x61 && b <= 0x7a ? b - 32 : b);
export const ASCII_LOWER = (b: number) => (b >= 0x41 && b <= 0x5a ? b + 32 : b);
export const isLowerByte = (b: number) => b >= 0x61 && b <= 0x7a;
export const isUpperByte = (b: number) => b >= 0x41 && b <= 0x5a;

export function mapBytes(self: PyObject, fn: (b: number, i: number, previous: number | undefined) => number): PyObject {
  const d = data(self);
  return make(self, d.map((b, i) => fn(b, i, i > 0 ? d[i - 1] : undefined)));
}

export function bytePredicate(name: string, doc: string, test: (d: Uint8Array) => boolean) {
  return { name, doc, style: 'noargs' as const, call: (self: PyObject) => newBool(test(data(self))) };
}

export const all = (pred: (b: number) => boolean) => (d: Uint8Array) => d.length > 0 && d.every(pred);
export const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
export const isAlpha = (b: number) => isLowerByte(b) || isUpperByte(b);

export async function join(self: PyObject, iterable: PyObject): Promise<PyObject> {
  if (!isIterable(iterable)) throw typeError('can only join an iterable');
  const items = await collect(iterable);
  const parts = items.map((item, i) => {
    if (!isBytesLike(item)) throw typeError(`sequence item ${i}: expected a bytes-like object, ${item.type.name} found`);
    return latin1Text(item.data);
  });
  const text = parts.join(latin1Text(data(self)));
  if (text.length > MAX_TEXT_LENGTH) throw memoryError();
  return make(self, latin1Bytes(text));
}

export function partition(self: PyObject, sep: PyObject | undefined, fromRight: boolean): PyObject {
  const s = latin1Text(asBytesLike(sep as PyObject));
  if (s === '') throw valueError('empty separator');
  const text = latin1Text(data(self));
  const at = fromRight ? text.lastIndexOf(s) : text.indexOf(s);
  const part = (t: string) => make(self, latin1Bytes(t));
  if (at < 0) return fromRight ? newTuple([part(''), part(''), part(text)]) : newTuple([part(text), part(''), part('')]);
  return newTuple([part(text.slice(0, at)), part(s), part(text.slice(at + s.length))]);
}

