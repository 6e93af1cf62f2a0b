// str methods that transform text: case, padding, stripping, join, encode, format, predicates.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { newBool } from '../objects/int';
import { PyStr, newStr, strType, toCodePoints } from '../objects/str';
import { PyBytes } from '../objects/bytes';
import { MAX_TEXT_LENGTH } from '../objects/limits';
import { defineMethod } from '../objects/function';
import { getItem } from '../ops/subscript';
import { collect, isIterable } from '../ops/iter';
import { encodeText } from '../codecs/index';
import { strFormat } from '../format/str-format';
import { isPrintable } from '../format/str-repr';
import { defineCheckedMethods } from '../native/define';
import { asSsize, asStrArg } from '../native/convert';
import { memoryError, typeError } from '../exceptions/raise';
import { STR_IS_SPACE, STR_WHITESPACE } from './text-helpers';

const s = (self: PyObject): string => (self as PyStr).value;

const CASED_UPPER = /\p{Lu}|\p{Lt}/u;
const CASED_LOWER = /\p{Ll}/u;
const CASED = /[\p{Lu}\p{Ll}\p{Lt}]/u;

function titleCase(text: string): string {
  let out = '';
  let previousCased = false;
  for (const ch of text) {
    out += previousCased ? ch.toLowerCase() : ch.toUpperCase() === ch.toLowerCase() ? ch : titleChar(ch);
    previousCased = CASED.test(ch);
  }
  return out;
}

// Title case of one character: upper case, except the few digraphs with their own title form.
const TITLE_FORMS: Record<string, string> = { ǆ: 'ǅ', Ǆ: 'ǅ', ǅ: 'ǅ', ǉ: 'ǈ', Ǉ: 'ǈ', ǈ: 'ǈ', ǌ: 'ǋ', Ǌ: 'ǋ', ǋ: 'ǋ', ǳ: 'ǲ', Ǳ: 'ǲ', ǲ: 'ǲ' };
function titleChar(ch: string): string {
  return TITLE_FORMS[ch] ?? ch.toUpperCase();
}

function checkedLength(text: string): string {
  if (text.length > MAX_TEXT_LENGTH) throw memoryError();
  return text;
}

function pad(self: PyObject, [width, fill]: (PyObject | undefined)[], how: 'left' | 'right' | 'center'): PyObject {
  const w = asSsize(width as PyObject);
  let fillChar = ' ';
  if (fill !== undefined) {
    if (!(fill instanceof PyStr)) throw typeError(`The fill character must be a unicode character, not ${fill.type.name}`);
    if (fill.length !== 1) throw typeError('The fill character must be exactly one character long');
    fillChar = fill.value;
  }
  const text = s(self);
  const length = (self as PyStr).length;
  if (w <= length) return self;
  const margin = w - length;
  if (w > MAX_TEXT_LENGTH) throw memoryError();
  if (how === 'left') return newStr(text + fillChar.repeat(margin));
  if (how === 'right') return newStr(fillChar.repeat(margin) + text);
  // CPython's pad(): the odd extra character goes left when the width is odd.
  const left = Math.floor(margin / 2) + (margin & w & 1);
  return newStr(fillChar.repeat(left) + text + fillChar.repeat(margin - left));
}

function strip(self: PyObject, chars: PyObject | undefined, name: string, which: 'both' | 'left' | 'right'): PyObject {
  let set: string;
  if (chars === undefined || chars === None) set = `[${STR_WHITESPACE}]`;
  else if (chars instanceof PyStr) set = chars.value === '' ? '' : `[${[...chars.value].map((c) => c.replace(/[\]\\^-]/g, '\\$&')).join('')}]`;
  else throw typeError(`${name} arg must be None or str`);
  if (set === '') return self;
  let text = s(self);
  if (which !== 'right') text = text.replace(new RegExp(`^${set}+`, 'u'), '');
  if (which !== 'left') text = text.replace(new RegExp(`${set}+$`, 'u'), '');
  return newStr(text);
}

async function join(self: PyObject, iterable: PyObject): Promise<PyObject> {
  if (!isIterable(iterable)) throw typeError('can only join an iterable');
  const items = await collect(iterable);
  const parts = items.map((item, i) => {
    if (!(item instanceof PyStr)) throw typeError(`sequence item ${i}: expected str instance, ${item.type.name} found`);
    return item.value;
  });
  return newStr(checkedLength(parts.join(s(self))));
}

function predicate(name: string, doc: string, test: (text: string) => boolean) {
  return { name, doc, style: 'noargs' as const, call: (self: PyObject) => newBool(test(s(self))) };
}

const every = (re: RegExp) => (text: string) => text !== '' && [...text].every((ch) => re.test(ch));
const DECIMAL = /\p{Nd}/u;
const DIGIT = /[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792]/u;
const NUMERIC = /\p{N}|[\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u5343\u4e07\u5104]/u;
const ALPHA = /\p{L}/u;

function hasCase(text: string, want: RegExp, avoid: RegExp): boolean {
  let cased = false;
  for (const ch of text) {
    if (avoid.test(ch)) return false;
    if (want.test(ch)) cased = true;
  }
  return cased;
}

function isTitle(text: string): boolean {
  let cased = false;
  let previousCased = false;
  for (const ch of text) {
    if (CASED_UPPER.test(ch)) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (CASED_LOWER.test(ch)) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else previousCased = false;
  }
  return cased;
}

defineCheckedMethods(strType, [
  { name: 'upper', style: 'noargs', doc: 'S.upper(): a copy of S in upper case.', call: (self) => newStr(s(self).toUpperCase()) },
  { name: 'lower', style: 'noargs', doc: 'S.lower(): a copy of S in lower case.', call: (self) => newStr(s(self).toLowerCase()) },
  { name: 'casefold', style: 'noargs', doc: 'S.casefold(): S folded for caseless comparison.', call: (self) => newStr(s(self).toLowerCase().replace(/ß/g, 'ss')) },
  {
    name: 'swapcase',
    style: 'noargs',
    doc: 'S.swapcase(): upper case characters made lower case and the other way round.',
    call: (self) => newStr([...s(self)].map((c) => (CASED_UPPER.test(c) ? c.toLowerCase() : CASED_LOWER.test(c) ? c.toUpperCase() : c)).join('')),
  },
  { name: 'title', style: 'noargs', doc: 'S.title(): each word starting with an upper case letter, the rest lower case.', call: (self) => newStr(titleCase(s(self))) },
  {
    name: 'capitalize',
    style: 'noargs',
    doc: 'S.capitalize(): the first character in title case, the rest in lower case.',
    call: (self) => {
      const points = toCodePoints(s(self));
      if (points.length === 0) return self;
      const first = String.fromCodePoint(points[0] as number);
      return newStr(titleChar(first) + String.fromCodePoint(...points.slice(1)).toLowerCase());
    },
  },
  { name: 'center', style: 'positional', params: ['width', 'fillchar?'], doc: 'S.center(width[, fillchar]): S centered in a string of that width.', call: (self, a) => pad(self, a, 'center') },
  { name: 'ljust', style: 'positional', params: ['width', 'fillchar?'], doc: 'S.ljust(width[, fillchar]): S left-justified in a string of that width.', call: (self, a) => pad(self, a, 'left') },
  { name: 'rjust', style: 'positional', params: ['width', 'fillchar?'], doc: 'S.rjust(width[, fillchar]): S right-justified in a string of that width.', call: (self, a) => pad(self, a, 'right') },
  {
    name: 'zfill',
    style: 'one',
    params: ['width'],
    doc: 'S.zfill(width): S padded with zeros on the left (after a sign) to the width.',
    call: (self, [width]) => {
      const w = asSsize(width as PyObject);
      const text = s(self);
      const length = (self as PyStr).length;
      if (w <= length) return self;
      const sign = text[0] === '+' || text[0] === '-' ? (text[0] as string) : '';
      return newStr(sign + '0'.repeat(w - length) + text.slice(sign.length));
    },
  },
  { name: 'strip', style: 'positional', params: ['chars?'], doc: 'S.strip([chars]): S without leading and trailing whitespace (or chars).', call: (self, [c]) => strip(self, c, 'strip', 'both') },
  { name: 'lstrip', style: 'positional', params: ['chars?'], doc: 'S.lstrip([chars]): S without leading whitespace (or chars).', call: (self, [c]) => strip(self, c, 'lstrip', 'left') },
  { name: 'rstrip', style: 'positional', params: ['chars?'], doc: 'S.rstrip([chars]): S without trailing whitespace (or chars).', call: (self, [c]) => strip(self, c, 'rstrip', 'right') },
  { name: 'join', style: 'one', params: ['iterable'], doc: "S.join(iterable): the strings of the iterable joined with S between them, e.g. ', '.join(names).", call: (self, [it]) => join(self, it as PyObject) },
  {
    name: 'encode',
    style: 'clinic',
    params: ['encoding?', 'errors?'],
    doc: "S.encode(encoding='utf-8', errors='strict'): S as bytes in the encoding, as a socket needs it ('utf-8', 'gbk', 'ascii' ...).",
    call: (self, [encoding, errors]) =>
      new PyBytes(encodeText(s(self), encoding === undefined ? 'utf-8' : asStrArg(encoding, 'encode', 'encoding'), errors === undefined ? 'strict' : asStrArg(errors, 'encode', 'errors'))),
  },
  {
    name: 'expandtabs',
    style: 'clinic',
    params: ['tabsize?'],
    doc: 'S.expandtabs(tabsize=8): tabs replaced by spaces up to the next tab stop.',
    call: (self, [tabsize]) => {
      const size = tabsize === undefined ? 8 : asSsize(tabsize);
      let out = '';
      let column = 0;
      for (const ch of s(self)) {
        if (ch === '\t') {
          const spaces = size > 0 ? size - (column % size) : 0;
          out += ' '.repeat(spaces);
          column += spaces;
        } else {
          out += ch;
          column = ch === '\n' || ch === '\r' ? 0 : column + 1;
        }
      }
      return newStr(checkedLength(out));
    },
  },
  {
    name: 'format_map',
    style: 'one',
    params: ['mapping'],
    doc: 'S.format_map(mapping): like format(**mapping).',
    call: (self, [mapping]) =>
      newStr(
        strFormat(s(self), {
          positional: null,
          keyword: (name) => getItem(mapping as PyObject, newStr(name)),
        }),
      ),
  },
  predicate('isdigit', 'S.isdigit(): whether S is non-empty and all its characters are digits.', every(DIGIT)),
  predicate('isdecimal', 'S.isdecimal(): whether S is non-empty and all its characters are decimal digits.', every(DECIMAL)),
  predicate('isnumeric', 'S.isnumeric(): whether S is non-empty and all its characters are numeric.', every(NUMERIC)),
  predicate('isalpha', 'S.isalpha(): whether S is non-empty and all its characters are letters.', every(ALPHA)),
  predicate('isalnum', 'S.isalnum(): whether S is non-empty and all its characters are letters or digits.', every(/\p{L}|\p{N}/u)),
  predicate('isspace', 'S.isspace(): whether S is non-empty and all its characters are whitespace.', (t) => STR_IS_SPACE.test(t)),
  predicate('islower', 'S.islower(): whether S has cased characters and all of them are lower case.', (t) => hasCase(t, CASED_LOWER, CASED_UPPER)),
  predicate('isupper', 'S.isupper(): whether S has cased characters and all of them are upper case.', (t) => hasCase(t, CASED_UPPER, CASED_LOWER)),
  predicate('istitle', 'S.istitle(): whether S is title-cased (words start upper case, continue lower case).', isTitle),
  predicate('isascii', 'S.isascii(): whether all characters of S are ASCII (also for an empty S).', (t) => /^[\x00-\x7f]*$/.test(t)),
  predicate('isidentifier', 'S.isidentifier(): whether S is a valid Python name.', (t) => /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(t)),
  predicate('isprintable', 'S.isprintable(): whether all characters of S are printable (also for an empty S).', (t) => toCodePoints(t).every(isPrintable)),
]);

// str.format takes any positional and keyword arguments.
defineMethod(strType, {
  name: 'format',
  doc: "S.format(*args, **kwargs): S with its {} fields replaced, e.g. 'Hello, {}!'.format(name).",
  call: (self, args, kwargs) => newStr(checkedLength(strFormat(s(self), { positional: args, keyword: (name) => kwargs.get(name) }))),
});
