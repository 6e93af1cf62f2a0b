// str methods that search and split: find, rfind, index, rindex, count, startswith, endswith,
// replace, split, rsplit, splitlines, partition, rpartition, removeprefix, removesuffix.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { newBool, newInt } from '../objects/int';
import { PyStr, newStr, strType, codePointLength, toCodePoints } from '../objects/str';
import { isTruthy } from '../ops/basic';
import { PyTuple, newTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { MAX_TEXT_LENGTH } from '../objects/limits';
import { defineCheckedMethods } from '../native/define';
import { asSsize } from '../native/convert';
import { memoryError, typeError, valueError } from '../exceptions/raise';
import { STR_WHITESPACE, codePointSlice, rangeArgs, unitToCodePoint } from './text-helpers';

function needle(obj: PyObject | undefined): string {
  if (obj instanceof PyStr) return obj.value;
  throw typeError(`must be str, not ${(obj as PyObject).type.name}`);
}

// find/rfind over self[start:end], as a code point index or -1.
function search(self: PyStr, args: (PyObject | undefined)[], fromRight: boolean): number {
  const sub = needle(args[0]);
  const { start, end } = rangeArgs(args[1], args[2], self.length);
  if (start > self.length || end - start < codePointLength(sub)) return sub === '' && start <= end ? (fromRight ? end : start) : -1;
  const region = codePointSlice(self, start, end);
  const at = fromRight ? region.lastIndexOf(sub) : region.indexOf(sub);
  return at < 0 ? -1 : start + unitToCodePoint(region, at);
}

function count(self: PyStr, args: (PyObject | undefined)[]): number {
  const sub = needle(args[0]);
  const { start, end } = rangeArgs(args[1], args[2], self.length);
  if (start > end) return 0;
  if (sub === '') return end - start + 1;
  return codePointSlice(self, start, end).split(sub).length - 1;
}

function affix(self: PyStr, args: (PyObject | undefined)[], name: 'startswith' | 'endswith'): boolean {
  const { start, end } = rangeArgs(args[1], args[2], self.length);
  if (start > self.length) return false;
  const region = codePointSlice(self, start, end);
  const test = (p: string): boolean => (start > end ? false : name === 'startswith' ? region.startsWith(p) : region.endsWith(p));
  const prefix = args[0] as PyObject;
  if (prefix instanceof PyStr) return test(prefix.value);
  if (prefix instanceof PyTuple) {
    return prefix.items.some((p) => {
      if (!(p instanceof PyStr)) throw typeError(`tuple for ${name} must only contain str, not ${p.type.name}`);
      return test(p.value);
    });
  }
  throw typeError(`${name} first arg must be str or a tuple of str, not ${prefix.type.name}`);
}

/** str.replace over JS text (bytes use it on their latin-1 text). */
export function replaceText(text: string, old: string, replacement: string, limit: number): string {
  if (limit < 0) limit = Number.MAX_SAFE_INTEGER;
  if (old === '') {
    const points = toCodePoints(text);
    let out = '';
    let used = 0;
    for (let i = 0; i <= points.length; i++) {
      if (used < limit) {
        out += replacement;
        used++;
      }
      if (i < points.length) out += String.fromCodePoint(points[i] as number);
      if (out.length > MAX_TEXT_LENGTH) throw memoryError();
    }
    return out;
  }
  const parts = text.split(old);
  if (parts.length - 1 <= limit) {
    const out = parts.join(replacement);
    if (out.length > MAX_TEXT_LENGTH) throw memoryError();
    return out;
  }
  return parts.slice(0, limit + 1).join(replacement) + old + parts.slice(limit + 1).join(old);
}

function sepArg(obj: PyObject | undefined): string | null {
  if (obj === undefined || obj === None) return null;
  if (!(obj instanceof PyStr)) throw typeError(`must be str or None, not ${obj.type.name}`);
  if (obj.value === '') throw valueError('empty separator');
  return obj.value;
}

function maxsplitArg(obj: PyObject | undefined): number {
  return obj === undefined ? -1 : asSsize(obj);
}

const WORD = new RegExp(`[^${STR_WHITESPACE}]+`, 'gu');

/** str.split / str.rsplit (sep null: runs of whitespace, ignoring leading and trailing ones). */
export function splitText(text: string, sep: string | null, maxsplit: number, fromRight: boolean): string[] {
  const limit = maxsplit < 0 ? Infinity : maxsplit;
  if (sep === null) {
    const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index as number }));
    if (words.length <= limit + 1) return words.map((w) => w.word);
    if (fromRight) {
      const keep = words.slice(words.length - limit);
      const cut = words[words.length - limit - 1] as { word: string; start: number };
      return [text.slice(0, cut.start + cut.word.length), ...keep.map((w) => w.word)];
    }
    const rest = words[limit] as { word: string; start: number };
    return [...words.slice(0, limit).map((w) => w.word), text.slice(rest.start)];
  }
  const parts = text.split(sep);
  if (parts.length - 1 <= limit) return parts;
  if (fromRight) return [parts.slice(0, parts.length - limit).join(sep), ...parts.slice(parts.length - limit)];
  return [...parts.slice(0, limit), parts.slice(limit).join(sep)];
}

const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;
const BYTES_LINE_BREAK = /\r\n|[\n\r]/g;

/** str.splitlines; `bytesRules`: only \n, \r and \r\n end a line, as for bytes. */
export function splitLines(text: string, keepends: boolean, bytesRules = false): string[] {
  const lines: string[] = [];
  let last = 0;
  for (const m of text.matchAll(bytesRules ? BYTES_LINE_BREAK : LINE_BREAK)) {
    const end = (m.index as number) + m[0].length;
    lines.push(text.slice(last, keepends ? end : m.index));
    last = end;
  }
  if (last < text.length) lines.push(text.slice(last));
  return lines;
}

function partition(text: string, sepObj: PyObject | undefined, fromRight: boolean): PyObject {
  const sep = needle(sepObj);
  if (sep === '') throw valueError('empty separator');
  const at = fromRight ? text.lastIndexOf(sep) : text.indexOf(sep);
  if (at < 0) return fromRight ? newTuple([newStr(''), newStr(''), newStr(text)]) : newTuple([newStr(text), newStr(''), newStr('')]);
  return newTuple([newStr(text.slice(0, at)), newStr(sep), newStr(text.slice(at + sep.length))]);
}

const s = (self: PyObject): PyStr => self as PyStr;

defineCheckedMethods(strType, [
  { name: 'find', style: 'tuple', params: ['sub', 'start?', 'end?'], doc: 'S.find(sub[, start[, end]]): the lowest index where sub is found in S[start:end], or -1.', call: (self, a) => newInt(search(s(self), a, false)) },
  { name: 'rfind', style: 'tuple', params: ['sub', 'start?', 'end?'], doc: 'S.rfind(sub[, start[, end]]): the highest index where sub is found, or -1.', call: (self, a) => newInt(search(s(self), a, true)) },
  {
    name: 'index',
    style: 'tuple',
    params: ['sub', 'start?', 'end?'],
    doc: 'S.index(sub[, start[, end]]): like find() but raises ValueError when sub is not found.',
    call: (self, a) => {
      const at = search(s(self), a, false);
      if (at < 0) throw valueError('substring not found');
      return newInt(at);
    },
  },
  {
    name: 'rindex',
    style: 'tuple',
    params: ['sub', 'start?', 'end?'],
    doc: 'S.rindex(sub[, start[, end]]): like rfind() but raises ValueError when sub is not found.',
    call: (self, a) => {
      const at = search(s(self), a, true);
      if (at < 0) throw valueError('substring not found');
      return newInt(at);
    },
  },
  { name: 'count', style: 'tuple', params: ['sub', 'start?', 'end?'], doc: 'S.count(sub[, start[, end]]): the number of non-overlapping occurrences of sub.', call: (self, a) => newInt(count(s(self), a)) },
  { name: 'startswith', style: 'tuple', params: ['prefix', 'start?', 'end?'], doc: 'S.startswith(prefix[, start[, end]]): whether S starts with prefix (or one of a tuple of prefixes).', call: (self, a) => newBool(affix(s(self), a, 'startswith')) },
  { name: 'endswith', style: 'tuple', params: ['suffix', 'start?', 'end?'], doc: 'S.endswith(suffix[, start[, end]]): whether S ends with suffix (or one of a tuple of suffixes).', call: (self, a) => newBool(affix(s(self), a, 'endswith')) },
  {
    name: 'replace',
    style: 'positional',
    params: ['old', 'new', 'count?'],
    doc: 'S.replace(old, new[, count]): a copy with occurrences of old replaced by new (the first count ones).',
    call: (self, [old, replacement, limit]) =>
      newStr(replaceText(s(self).value, needle(old), needle(replacement), limit === undefined ? -1 : asSsize(limit))),
  },
  {
    name: 'split',
    style: 'clinic',
    params: ['sep?', 'maxsplit?'],
    doc: 'S.split(sep=None, maxsplit=-1): the words of S, split at sep (or at runs of whitespace).',
    call: (self, [sep, maxsplit]) => new PyList(splitText(s(self).value, sepArg(sep), maxsplitArg(maxsplit), false).map(newStr)),
  },
  {
    name: 'rsplit',
    style: 'clinic',
    params: ['sep?', 'maxsplit?'],
    doc: 'S.rsplit(sep=None, maxsplit=-1): like split(), splitting from the right.',
    call: (self, [sep, maxsplit]) => new PyList(splitText(s(self).value, sepArg(sep), maxsplitArg(maxsplit), true).map(newStr)),
  },
  {
    name: 'splitlines',
    style: 'clinic',
    params: ['keepends?'],
    doc: 'S.splitlines(keepends=False): the lines of S, without their line breaks unless keepends.',
    call: (self, [keepends]) => {
      return new PyList(splitLines(s(self).value, keepends !== undefined && isTruthy(keepends)).map(newStr));
    },
  },
  { name: 'partition', style: 'one', params: ['sep'], doc: 'S.partition(sep): (head, sep, tail) split at the first sep, or (S, \'\', \'\').', call: (self, [sep]) => partition(s(self).value, sep, false) },
  { name: 'rpartition', style: 'one', params: ['sep'], doc: 'S.rpartition(sep): (head, sep, tail) split at the last sep, or (\'\', \'\', S).', call: (self, [sep]) => partition(s(self).value, sep, true) },
  {
    name: 'removeprefix',
    style: 'one',
    params: ['prefix'],
    doc: 'S.removeprefix(prefix): S without prefix if it starts with it.',
    call: (self, [prefix]) => {
      const p = needle(prefix);
      const t = s(self).value;
      return newStr(p !== '' && t.startsWith(p) ? t.slice(p.length) : t);
    },
  },
  {
    name: 'removesuffix',
    style: 'one',
    params: ['suffix'],
    doc: 'S.removesuffix(suffix): S without suffix if it ends with it.',
    call: (self, [suffix]) => {
      const p = needle(suffix);
      const t = s(self).value;
      return newStr(p !== '' && t.endsWith(p) ? t.slice(0, t.length - p.length) : t);
    },
  },
]);
