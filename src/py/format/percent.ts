// printf-style formatting: 'Hello, %s!' % name and b'%d' % n, following CPython's PyUnicode_Format
// and _PyBytes_FormatEx (argument consumption, flags, conversions and their error texts).
import type { PyObject } from '../objects/object';
import { PyInt } from '../objects/int';
import { PyStr } from '../objects/str';
import { isBytesLike, latin1Bytes, latin1Text, concatBytes } from '../objects/bytes';
import { MAX_TEXT_LENGTH } from '../objects/limits';
import { repr, str } from '../ops/repr';
import { memoryError, overflowError, typeError } from '../exceptions/raise';
import { asciiEscape } from './str-repr';
import { finish, nextArg, parseDirective, selectKeyed, startState, unsupportedConversion, type ArgState, type Directive, type Flags } from './percent-directive';
import { formatFloatPercent, formatInteger, padText } from './percent-numbers';

/**
 * Walks a template (bytes read as latin-1 text): hands each run of literal text to `literal` as a
 * [from, to) range of the template, and each directive, with its argument, to `convert`.
 */
function walkTemplate(text: string, state: ArgState, literal: (from: number, to: number) => void, convert: (value: PyObject, d: Directive) => void): void {
  let i = 0;
  while (i < text.length) {
    const next = text.indexOf('%', i);
    if (next < 0) {
      literal(i, text.length);
      return;
    }
    literal(i, next);
    if (text[next + 1] === '%') {
      literal(next, next + 1);
      i = next + 2;
      continue;
    }
    const d = parseDirective(text, next + 1, state);
    if (d.key !== null) selectKeyed(state, d.key);
    i = d.end;
    // only '%%' itself prints a '%': CPython 3.11 treats '%5%' as a directive that takes an argument
    // and then rejects '%' as its conversion
    convert(nextArg(state), d);
  }
}

export function percentFormatStr(template: string, args: PyObject): string {
  const state = startState(args);
  let out = '';
  walkTemplate(
    template,
    state,
    (from, to) => (out += template.slice(from, to)),
    (value, d) => {
      out += convertForStr(value, d, d.end - 1);
      if (out.length > MAX_TEXT_LENGTH) throw memoryError();
    },
  );
  finish(state);
  return out;
}

const INTEGER_CONVERSIONS = new Set(['d', 'i', 'u', 'o', 'x', 'X']);
const FLOAT_CONVERSIONS = new Set(['e', 'E', 'f', 'F', 'g', 'G']);

/** The text of a number directive (the same for str and bytes templates), or null for another kind. */
function numberText(value: PyObject, d: Directive): string | null {
  const { conversion, flags, width, precision } = d;
  if (INTEGER_CONVERSIONS.has(conversion)) return formatInteger(value, conversion, width, precision, flags);
  if (FLOAT_CONVERSIONS.has(conversion)) return formatFloatPercent(value, conversion, width, precision, flags);
  return null;
}

function convertForStr(value: PyObject, d: Directive, index: number): string {
  const { conversion, flags, width, precision } = d;
  const number = numberText(value, d);
  if (number !== null) return number;
  switch (conversion) {
    case 's':
    case 'r':
    case 'a': {
      let text = conversion === 's' ? str(value) : conversion === 'r' ? repr(value) : asciiEscape(repr(value));
      if (precision >= 0) text = [...text].slice(0, precision).join('');
      return padText(text, width, flags);
    }
    case 'c': {
      let ch: string;
      if (value instanceof PyInt) {
        if (value.value < 0n || value.value > 0x10ffffn) throw overflowError('%c arg not in range(0x110000)');
        ch = String.fromCodePoint(Number(value.value));
      } else if (value instanceof PyStr && value.length === 1) ch = value.value;
      else throw typeError('%c requires int or char');
      return padText(ch, width, flags);
    }
    default:
      return unsupportedConversion(conversion, index);
  }
}

function asciiBytes(text: string): Uint8Array {
  return latin1Bytes(text);
}

export function percentFormatBytes(template: Uint8Array, args: PyObject): Uint8Array {
  const state = startState(args, true);
  const parts: Uint8Array[] = [];
  let total = 0;
  walkTemplate(
    latin1Text(template),
    state,
    (from, to) => parts.push(template.subarray(from, to)),
    (value, d) => {
      const chunk = convertForBytes(value, d, d.end - 1);
      total += chunk.length;
      if (total > MAX_TEXT_LENGTH) throw memoryError();
      parts.push(chunk);
    },
  );
  finish(state, 'bytes');
  return concatBytes(parts);
}

function padBytes(data: Uint8Array, width: number, flags: Flags): Uint8Array {
  if (width <= data.length) return data;
  const spaces = new Uint8Array(width - data.length).fill(0x20);
  return flags.left ? concatBytes([data, spaces]) : concatBytes([spaces, data]);
}

function convertForBytes(value: PyObject, d: Directive, index: number): Uint8Array {
  const { conversion, flags, width, precision } = d;
  const number = numberText(value, d);
  if (number !== null) return asciiBytes(number);
  switch (conversion) {
    case 'b':
    case 's': {
      if (!isBytesLike(value)) {
        throw typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${value.type.name}'`);
      }
      let data = value.data;
      if (precision >= 0) data = data.subarray(0, precision);
      return padBytes(data, width, flags);
    }
    case 'r':
    case 'a': {
      let data = asciiBytes(asciiEscape(repr(value)));
      if (precision >= 0) data = data.subarray(0, precision);
      return padBytes(data, width, flags);
    }
    case 'c': {
      let byte: number;
      if (value instanceof PyInt) {
        if (value.value < 0n || value.value > 255n) throw overflowError('%c arg not in range(256)');
        byte = Number(value.value);
      } else if (isBytesLike(value) && value.data.length === 1) byte = value.data[0] as number;
      else throw typeError('%c requires an integer in range(256) or a single byte');
      return padBytes(Uint8Array.of(byte), width, flags);
    }
    default:
      return unsupportedConversion(conversion, index);
  }
}
