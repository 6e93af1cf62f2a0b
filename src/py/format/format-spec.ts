// The format specification mini-language (format(), str.format, f-strings) for str, int and float,
// following Python/formatter_unicode.c: the same parsing, errors, padding and digit grouping.
import { valueError, overflowError } from '../exceptions/raise';
import { formatShort, nonFiniteText } from './float-format';
import { floatRepr } from './float-repr';
import { intToDecimal } from './int-text';

export interface FormatSpec {
  fill: string;
  align: '<' | '>' | '=' | '^' | '';
  sign: '+' | '-' | ' ' | '';
  noNegZero: boolean;
  alternate: boolean;
  width: number;
  grouping: ',' | '_' | '';
  precision: number;
  type: string;
}

function invalid(spec: string, typeName: string): never {
  throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
}

/** `defaultType`: what an omitted type means for the value ('s' for str, 'd' for int, '' for float). */
export function parseFormatSpec(spec: string, typeName: string, defaultType = '', defaultAlign: '<' | '>' = '>'): FormatSpec {
  const chars = [...spec];
  let i = 0;
  const out: FormatSpec = { fill: ' ', align: '', sign: '', noNegZero: false, alternate: false, width: -1, grouping: '', precision: -1, type: '' };
  let fillGiven = false;
  const isAlign = (c: string | undefined) => c === '<' || c === '>' || c === '=' || c === '^';
  if (chars.length >= 2 && isAlign(chars[1])) {
    out.fill = chars[0] as string;
    out.align = chars[1] as FormatSpec['align'];
    fillGiven = true;
    i = 2;
  } else if (isAlign(chars[0])) {
    out.align = chars[0] as FormatSpec['align'];
    i = 1;
  }
  if (chars[i] === '+' || chars[i] === '-' || chars[i] === ' ') out.sign = chars[i++] as FormatSpec['sign'];
  if (chars[i] === 'z') {
    out.noNegZero = true;
    i++;
  }
  if (chars[i] === '#') {
    out.alternate = true;
    i++;
  }
  // The '0' flag: zero fill, and for numbers sign-aware padding unless an alignment is given.
  if (!fillGiven && chars[i] === '0') {
    out.fill = '0';
    if (out.align === '' && defaultAlign === '>') out.align = '=';
    i++;
  }
  const readNumber = (): number => {
    let text = '';
    while (i < chars.length && /[0-9]/.test(chars[i] as string)) text += chars[i++];
    if (text === '') return -1;
    if (text.length > 18) throw valueError('Too many decimal digits in format string');
    return Number(text);
  };
  out.width = readNumber();
  if (chars[i] === ',' || chars[i] === '_') {
    out.grouping = chars[i++] as ',' | '_';
    if (chars[i] === ',' || chars[i] === '_') throw valueError("Cannot specify both ',' and '_'.");
  }
  if (chars[i] === '.') {
    i++;
    out.precision = readNumber();
    if (out.precision < 0) throw valueError('Format specifier missing precision');
  }
  if (chars.length - i > 1) invalid(spec, typeName);
  out.type = i < chars.length ? (chars[i] as string) : defaultType;
  if (out.grouping !== '') {
    const t = out.type;
    const ok = out.grouping === ','
      ? ['', 'd', 'e', 'f', 'g', 'E', 'F', 'G', '%'].includes(t)
      : ['', 'd', 'e', 'f', 'g', 'E', 'F', 'G', '%', 'b', 'o', 'x', 'X'].includes(t);
    if (!ok) throw valueError(`Cannot specify '${out.grouping}' with '${t}'.`);
  }
  return out;
}

// Objects/stringlib/localeutil.h InsertThousandsGrouping: groups digits from the right and pads
// with zeros (and separators) up to minWidth.
function groupDigits(digits: string, separator: string, groupSize: number, minWidth: number): string {
  const parts: string[] = [];
  let remaining = digits.length;
  let width = minWidth;
  let useSeparator = false;
  for (;;) {
    const l = separator === '' ? Math.max(remaining, width, 1) : Math.min(groupSize, Math.max(remaining, width, 1));
    const zeros = Math.max(0, l - remaining);
    const count = Math.max(0, Math.min(remaining, l));
    parts.push('0'.repeat(zeros) + digits.slice(remaining - count, remaining) + (useSeparator ? separator : ''));
    useSeparator = true;
    remaining -= count;
    width -= l;
    if (separator === '' || (remaining <= 0 && width <= 0)) break;
    width -= separator.length;
  }
  return parts.reverse().join('');
}

interface NumberParts {
  sign: string;
  prefix: string;
  digits: string;
  /** Decimal point, fraction, exponent, '%': whatever follows the grouped digits. */
  rest: string;
}

function layoutNumber(parts: NumberParts, spec: FormatSpec, groupSize: number): string {
  const align = spec.align === '' ? '>' : spec.align;
  const fixed = parts.sign.length + parts.prefix.length + parts.rest.length;
  const minWidth = spec.fill === '0' && align === '=' ? spec.width - fixed : 0;
  // inf and nan have no digits: nothing to group or zero-pad (the fill pads them instead).
  const grouped = parts.digits === '' ? '' : groupDigits(parts.digits, spec.grouping, groupSize, minWidth);
  const body = grouped + parts.rest;
  const padding = Math.max(0, spec.width - (fixed + grouped.length));
  const fill = spec.fill.repeat(padding);
  switch (align) {
    case '<':
      return parts.sign + parts.prefix + body + fill;
    case '^': {
      const left = spec.fill.repeat(Math.floor(padding / 2));
      const right = spec.fill.repeat(padding - Math.floor(padding / 2));
      return left + parts.sign + parts.prefix + body + right;
    }
    case '=':
      return parts.sign + parts.prefix + fill + body;
    default:
      return fill + parts.sign + parts.prefix + body;
  }
}

function signText(negative: boolean, sign: FormatSpec['sign']): string {
  if (negative) return '-';
  return sign === '+' ? '+' : sign === ' ' ? ' ' : '';
}

function pad(text: string, spec: FormatSpec, defaultAlign: '<' | '>'): string {
  const length = [...text].length;
  if (spec.width <= length) return text;
  const padding = spec.width - length;
  const align = spec.align === '' ? defaultAlign : spec.align;
  if (align === '<') return text + spec.fill.repeat(padding);
  if (align === '^') {
    const left = Math.floor(padding / 2);
    return spec.fill.repeat(left) + text + spec.fill.repeat(padding - left);
  }
  return spec.fill.repeat(padding) + text;
}

export function formatStr(value: string, specText: string): string {
  if (specText === '') return value;
  const spec = parseFormatSpec(specText, 'str', 's', '<');
  if (spec.type !== 's') throw valueError(`Unknown format code '${spec.type}' for object of type 'str'`);
  if (spec.sign === ' ') throw valueError('Space not allowed in string format specifier');
  if (spec.sign !== '') throw valueError('Sign not allowed in string format specifier');
  if (spec.noNegZero) throw valueError('Negative zero coercion (z) not allowed in string format specifier');
  if (spec.alternate) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  if (spec.grouping !== '') throw valueError(`Cannot specify '${spec.grouping}' with 's'.`);
  let text = value;
  if (spec.precision >= 0) text = [...text].slice(0, spec.precision).join('');
  return pad(text, spec, '<');
}

const INT_TYPES = new Set(['b', 'c', 'd', 'o', 'x', 'X', 'n', '']);
const FLOAT_TYPES = new Set(['e', 'E', 'f', 'F', 'g', 'G', '%', 'n', '']);
const RADIX_TYPES: Readonly<Record<string, { base: number; prefix: string }>> = {
  b: { base: 2, prefix: '0b' },
  o: { base: 8, prefix: '0o' },
  x: { base: 16, prefix: '0x' },
  X: { base: 16, prefix: '0X' },
};

export function formatInt(value: bigint, specText: string, typeName = 'int'): string {
  const spec = parseFormatSpec(specText, typeName, 'd');
  if (FLOAT_TYPES.has(spec.type) && !INT_TYPES.has(spec.type)) {
    const asFloat = Number(value);
    if (!Number.isFinite(asFloat)) throw overflowError('int too large to convert to float');
    return formatFloatSpec(asFloat, spec);
  }
  if (!INT_TYPES.has(spec.type)) throw valueError(`Unknown format code '${spec.type}' for object of type '${typeName}'`);
  if (spec.precision >= 0) throw valueError('Precision not allowed in integer format specifier');
  if (spec.noNegZero) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  if (spec.type === 'c') {
    if (spec.sign !== '') throw valueError("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (value > (1n << 63n) - 1n || value < -(1n << 63n)) throw overflowError('Python int too large to convert to C long');
    if (value < 0n || value > 0x10ffffn) throw overflowError('%c arg not in range(0x110000)');
    return pad(String.fromCodePoint(Number(value)), spec, '>');
  }
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const radix = RADIX_TYPES[spec.type];
  // with '_', binary, octal and hex digits are grouped by four, decimal ones by three
  const digits = radix ? (spec.type === 'X' ? magnitude.toString(16).toUpperCase() : magnitude.toString(radix.base)) : intToDecimal(magnitude);
  const prefix = radix?.prefix ?? '';
  const groupSize = radix ? 4 : 3;
  return layoutNumber(
    { sign: signText(negative, spec.sign), prefix: spec.alternate ? prefix : '', digits, rest: '' },
    spec,
    groupSize,
  );
}

export function formatFloat(value: number, specText: string): string {
  if (specText === '') return floatRepr(value);
  return formatFloatSpec(value, parseFormatSpec(specText, 'float'));
}

function formatFloatSpec(value: number, spec: FormatSpec): string {
  if (!FLOAT_TYPES.has(spec.type)) throw valueError(`Unknown format code '${spec.type}' for object of type 'float'`);
  let negative = value < 0 || Object.is(value, -0);
  let x = Math.abs(value);
  let type = spec.type;
  let suffix = '';
  if (type === '%') {
    x *= 100;
    type = 'f';
    suffix = '%';
  }
  const upper = type === 'E' || type === 'F' || type === 'G';
  let body: string;
  if (!Number.isFinite(x)) {
    body = nonFiniteText(x, upper);
    // CPython never prints a sign for nan.
    if (Number.isNaN(x)) negative = false;
  } else {
    const precision = spec.precision;
    const alt = spec.alternate;
    switch (type) {
      case 'e':
      case 'E':
        body = formatShort(x, { code: 'e', precision: precision < 0 ? 6 : precision, alt });
        break;
      case 'f':
      case 'F':
        body = formatShort(x, { code: 'f', precision: precision < 0 ? 6 : precision, alt });
        break;
      case 'g':
      case 'G':
      case 'n':
        body = formatShort(x, { code: 'g', precision: precision < 0 ? 6 : precision, alt });
        break;
      default:
        // No type: repr, or with a precision 'g' that always shows a point.
        body = precision < 0 ? formatShort(x, { code: 'r', precision: 0, addDot0: true, alt }) : formatShort(x, { code: 'g', precision, addDot0: true, alt });
    }
    if (upper) body = body.toUpperCase();
    if (spec.noNegZero && negative && !/[1-9]/.test(body.replace(/e.*$/i, ''))) negative = false;
  }
  const match = /^(\d*)(.*)$/.exec(body) as RegExpExecArray;
  const digits = match[1] as string;
  const rest = (match[2] as string) + suffix;
  return layoutNumber({ sign: signText(negative, spec.sign), prefix: '', digits, rest }, spec, 3);
}
