// Methods shared by bytes and bytearray (results have the type of self): decode, hex, fromhex,
// search, split, strip, join, padding, ASCII case, predicates.
import type { PyObject, PyType } from '../objects/object';
import { newBool, newInt } from '../objects/int';
import { PyStr, newStr } from '../objects/str';
import { PyBytes, PyByteArray, bytesType, bytearrayType, latin1Bytes, latin1Text } from '../objects/bytes';
import { defineClassMethod } from '../objects/function';
import { isTruthy } from '../ops/basic';
import { decodeBytes } from '../codecs/index';
import { defineCheckedMethods } from '../native/define';
import { asBytesLike, asSsize, asStrArg } from '../native/convert';
import { parseArgs, sig } from '../native/args';
import { typeError, valueError } from '../exceptions/raise';
import { bytesCount } from './bytes-search';
import { rangeArgs } from './text-helpers';
import { replaceText, splitLines } from './str-search';
import {
  ASCII_LOWER,
  ASCII_UPPER,
  affix,
  all,
  bytePredicate,
  data,
  fromhex,
  hex,
  isAlpha,
  isDigit,
  isLowerByte,
  isUpperByte,
  join,
  make,
  makeMany,
  mapBytes,
  pad,
  partition,
  search,
  split,
  strip,
  subArg,
} from './bytes-helpers';

export function installByteMethods(type: PyType): void {
  defineCheckedMethods(type, [
    {
      name: 'decode',
      style: 'clinic',
      params: ['encoding?', 'errors?'],
      doc: "B.decode(encoding='utf-8', errors='strict'): the text these bytes encode, e.g. data.decode('utf-8') after recv().",
      call: (self, [encoding, errors]) =>
        newStr(decodeBytes(data(self), encoding === undefined ? 'utf-8' : asStrArg(encoding, 'decode', 'encoding'), errors === undefined ? 'strict' : asStrArg(errors, 'decode', 'errors'))),
    },
    { name: 'hex', style: 'clinic', params: ['sep?', 'bytes_per_sep?'], doc: "B.hex([sep[, bytes_per_sep]]): the bytes as hexadecimal digits, e.g. b'\\x01\\x02'.hex(':') == '01:02'.", call: (self, a) => hex(self, a) },
    { name: 'find', style: 'tuple', params: ['sub', 'start?', 'end?'], doc: 'B.find(sub[, start[, end]]): the lowest index of sub, or -1.', call: (self, a) => newInt(search(self, a, false)) },
    { name: 'rfind', style: 'tuple', params: ['sub', 'start?', 'end?'], doc: 'B.rfind(sub[, start[, end]]): the highest index of sub, or -1.', call: (self, a) => newInt(search(self, a, true)) },
    {
      name: 'index',
      style: 'tuple',
      params: ['sub', 'start?', 'end?'],
      doc: 'B.index(sub[, start[, end]]): like find() but raises ValueError when sub is not found.',
      call: (self, a) => {
        const at = search(self, a, false);
        if (at < 0) throw valueError('subsection not found');
        return newInt(at);
      },
    },
    {
      name: 'rindex',
      style: 'tuple',
      params: ['sub', 'start?', 'end?'],
      doc: 'B.rindex(sub[, start[, end]]): like rfind() but raises ValueError when sub is not found.',
      call: (self, a) => {
        const at = search(self, a, true);
        if (at < 0) throw valueError('subsection not found');
        return newInt(at);
      },
    },
    {
      name: 'count',
      style: 'tuple',
      params: ['sub', 'start?', 'end?'],
      doc: 'B.count(sub[, start[, end]]): the number of non-overlapping occurrences of sub.',
      call: (self, a) => {
        const d = data(self);
        const { start, end } = rangeArgs(a[1], a[2], d.length);
        return newInt(start > d.length ? 0 : bytesCount(d, subArg(a[0]), start, end));
      },
    },
    { name: 'startswith', style: 'tuple', params: ['prefix', 'start?', 'end?'], doc: 'B.startswith(prefix[, start[, end]]): whether B starts with prefix.', call: (self, a) => newBool(affix(self, a, 'startswith')) },
    { name: 'endswith', style: 'tuple', params: ['suffix', 'start?', 'end?'], doc: 'B.endswith(suffix[, start[, end]]): whether B ends with suffix.', call: (self, a) => newBool(affix(self, a, 'endswith')) },
    {
      name: 'replace',
      style: 'positional',
      params: ['old', 'new', 'count?'],
      doc: 'B.replace(old, new[, count]): a copy with occurrences of old replaced by new.',
      call: (self, [old, replacement, count]) => {
        const o = latin1Text(asBytesLike(old as PyObject));
        const r = latin1Text(asBytesLike(replacement as PyObject));
        const limit = count === undefined ? -1 : asSsize(count);
        return make(self, latin1Bytes(replaceText(latin1Text(data(self)), o, r, limit)));
      },
    },
    { name: 'split', style: 'clinic', params: ['sep?', 'maxsplit?'], doc: 'B.split(sep=None, maxsplit=-1): the parts of B split at sep (or at ASCII whitespace).', call: (self, a) => split(self, a, false) },
    { name: 'rsplit', style: 'clinic', params: ['sep?', 'maxsplit?'], doc: 'B.rsplit(sep=None, maxsplit=-1): like split(), from the right.', call: (self, a) => split(self, a, true) },
    {
      name: 'splitlines',
      style: 'clinic',
      params: ['keepends?'],
      doc: 'B.splitlines(keepends=False): the lines of B.',
      call: (self, [keepends]) => makeMany(self, splitLines(latin1Text(data(self)), keepends !== undefined && isTruthy(keepends), true)),
    },
    { name: 'partition', style: 'one', params: ['sep'], doc: 'B.partition(sep): (head, sep, tail) split at the first sep.', call: (self, [sep]) => partition(self, sep, false) },
    { name: 'rpartition', style: 'one', params: ['sep'], doc: 'B.rpartition(sep): (head, sep, tail) split at the last sep.', call: (self, [sep]) => partition(self, sep, true) },
    { name: 'join', style: 'one', params: ['iterable_of_bytes'], doc: "B.join(iterable): the bytes of the iterable joined with B between them, e.g. b''.join(chunks).", call: (self, [it]) => join(self, it as PyObject) },
    { name: 'strip', style: 'positional', params: ['bytes?'], doc: 'B.strip([bytes]): B without leading and trailing ASCII whitespace (or the given bytes).', call: (self, [c]) => strip(self, c, 'both') },
    { name: 'lstrip', style: 'positional', params: ['bytes?'], doc: 'B.lstrip([bytes]): B without leading whitespace (or the given bytes).', call: (self, [c]) => strip(self, c, 'left') },
    { name: 'rstrip', style: 'positional', params: ['bytes?'], doc: 'B.rstrip([bytes]): B without trailing whitespace (or the given bytes).', call: (self, [c]) => strip(self, c, 'right') },
    { name: 'center', style: 'positional', params: ['width', 'fillchar?'], doc: 'B.center(width[, fillchar]): B centered in that width.', call: (self, a) => pad(self, a, 'center', 'center') },
    { name: 'ljust', style: 'positional', params: ['width', 'fillchar?'], doc: 'B.ljust(width[, fillchar]): B left-justified in that width.', call: (self, a) => pad(self, a, 'left', 'ljust') },
    { name: 'rjust', style: 'positional', params: ['width', 'fillchar?'], doc: 'B.rjust(width[, fillchar]): B right-justified in that width.', call: (self, a) => pad(self, a, 'right', 'rjust') },
    {
      name: 'zfill',
      style: 'one',
      params: ['width'],
      doc: 'B.zfill(width): B padded with zeros on the left (after a sign) to the width.',
      call: (self, [width]) => {
        const d = data(self);
        const w = asSsize(width as PyObject);
        if (w <= d.length) return make(self, d.slice());
        const sign = d[0] === 0x2b || d[0] === 0x2d ? 1 : 0;
        const out = new Uint8Array(w).fill(0x30);
        out.set(d.subarray(0, sign), 0);
        out.set(d.subarray(sign), w - d.length + sign);
        return make(self, out);
      },
    },
    {
      name: 'removeprefix',
      style: 'one',
      params: ['prefix'],
      doc: 'B.removeprefix(prefix): B without prefix if it starts with it.',
      call: (self, [p]) => {
        const d = data(self);
        const pre = asBytesLike(p as PyObject);
        const starts = pre.length <= d.length && pre.every((b, i) => d[i] === b);
        return make(self, d.slice(starts ? pre.length : 0));
      },
    },
    {
      name: 'removesuffix',
      style: 'one',
      params: ['suffix'],
      doc: 'B.removesuffix(suffix): B without suffix if it ends with it.',
      call: (self, [p]) => {
        const d = data(self);
        const suf = asBytesLike(p as PyObject);
        const ends = suf.length > 0 && suf.length <= d.length && suf.every((b, i) => d[d.length - suf.length + i] === b);
        return make(self, d.slice(0, ends ? d.length - suf.length : d.length));
      },
    },
    { name: 'upper', style: 'noargs', doc: 'B.upper(): ASCII letters in upper case.', call: (self) => mapBytes(self, ASCII_UPPER) },
    { name: 'lower', style: 'noargs', doc: 'B.lower(): ASCII letters in lower case.', call: (self) => mapBytes(self, ASCII_LOWER) },
    { name: 'swapcase', style: 'noargs', doc: 'B.swapcase(): ASCII letters with their case swapped.', call: (self) => mapBytes(self, (b) => (isLowerByte(b) ? b - 32 : isUpperByte(b) ? b + 32 : b)) },
    { name: 'capitalize', style: 'noargs', doc: 'B.capitalize(): the first byte upper case, the rest lower case (ASCII).', call: (self) => mapBytes(self, (b, i) => (i === 0 ? ASCII_UPPER(b) : ASCII_LOWER(b))) },
    { name: 'title', style: 'noargs', doc: 'B.title(): each ASCII word capitalized.', call: (self) => mapBytes(self, (b, _i, prev) => (prev !== undefined && isAlpha(prev) ? ASCII_LOWER(b) : ASCII_UPPER(b))) },
    bytePredicate('isdigit', 'B.isdigit(): whether B is non-empty and all ASCII digits.', all(isDigit)),
    bytePredicate('isalpha', 'B.isalpha(): whether B is non-empty and all ASCII letters.', all(isAlpha)),
    bytePredicate('isalnum', 'B.isalnum(): whether B is non-empty and all ASCII letters or digits.', all((b) => isAlpha(b) || isDigit(b))),
    bytePredicate('isspace', 'B.isspace(): whether B is non-empty and all ASCII whitespace.', all((b) => [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(b))),
    bytePredicate('islower', 'B.islower(): whether B has ASCII lower case letters and no upper case ones.', (d) => d.some(isLowerByte) && !d.some(isUpperByte)),
    bytePredicate('isupper', 'B.isupper(): whether B has ASCII upper case letters and no lower case ones.', (d) => d.some(isUpperByte) && !d.some(isLowerByte)),
    bytePredicate('isascii', 'B.isascii(): whether all bytes are ASCII (below 0x80).', (d) => d.every((b) => b < 0x80)),
  ]);
  defineClassMethod(type, {
    name: 'fromhex',
    doc: "fromhex(string): the bytes of hexadecimal digits, spaces allowed between bytes, e.g. bytes.fromhex('de ad be ef').",
    call: (cls, args, kwargs) => {
      const [text] = parseArgs(sig('fromhex', 'one', ['string'], { qualname: `${type.name}.fromhex` }), args, kwargs);
      if (!(text instanceof PyStr)) throw typeError(`fromhex() argument must be str, not ${(text as PyObject).type.name}`);
      const bytes = fromhex(text.value);
      return cls === bytearrayType ? new PyByteArray(bytes) : new PyBytes(bytes);
    },
  });
}

installByteMethods(bytesType);
installByteMethods(bytearrayType);
