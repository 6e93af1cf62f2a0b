// The numeric conversions of printf-style formatting: %d %i %u %o %x %X and %e %E %f %F %g %G,
// with their flags, width and precision.
import type { PyObject } from '../objects/object';
import { PyInt } from '../objects/int';
import { PyFloat } from '../objects/float';
import { overflowError, typeError, valueError } from '../exceptions/raise';
import { formatShort, nonFiniteText } from './float-format';
import { intToDecimal } from './int-text';
import type { Flags } from './percent-directive';

function signPrefix(negative: boolean, flags: Flags): string {
  return negative ? '-' : flags.sign ? '+' : flags.space ? ' ' : '';
}

function padNumber(sign: string, prefix: string, digits: string, width: number, flags: Flags): string {
  const length = sign.length + prefix.length + digits.length;
  if (width <= length) return sign + prefix + digits;
  const padding = width - length;
  if (flags.left) return sign + prefix + digits + ' '.repeat(padding);
  if (flags.zero) return sign + prefix + '0'.repeat(padding) + digits;
  return ' '.repeat(padding) + sign + prefix + digits;
}

export function padText(text: string, width: number, flags: Flags): string {
  const length = [...text].length;
  if (width <= length) return text;
  return flags.left ? text + ' '.repeat(width - length) : ' '.repeat(width - length) + text;
}

function toIntegerForD(value: PyObject, conversion: string): bigint {
  if (value instanceof PyInt) return value.value;
  if (value instanceof PyFloat) {
    if (Number.isNaN(value.value)) throw valueError('cannot convert float NaN to integer');
    if (!Number.isFinite(value.value)) throw overflowError('cannot convert float infinity to integer');
    return BigInt(Math.trunc(value.value));
  }
  throw typeError(`%${conversion} format: a real number is required, not ${value.type.name}`);
}

export function formatInteger(value: PyObject, conversion: string, width: number, precision: number, flags: Flags): string {
  let n: bigint;
  if (conversion === 'd' || conversion === 'i' || conversion === 'u') n = toIntegerForD(value, conversion);
  else if (value instanceof PyInt) n = value.value;
  else throw typeError(`%${conversion} format: an integer is required, not ${value.type.name}`);
  const negative = n < 0n;
  const magnitude = negative ? -n : n;
  let digits: string;
  let prefix = '';
  switch (conversion) {
    case 'o':
      digits = magnitude.toString(8);
      if (flags.alternate) prefix = '0o';
      break;
    case 'x':
      digits = magnitude.toString(16);
      if (flags.alternate) prefix = '0x';
      break;
    case 'X':
      digits = magnitude.toString(16).toUpperCase();
      if (flags.alternate) prefix = '0X';
      break;
    default:
      digits = intToDecimal(magnitude);
  }
  if (precision > digits.length) digits = digits.padStart(precision, '0');
  return padNumber(signPrefix(negative, flags), prefix, digits, width, flags);
}

function toFloat(value: PyObject): number {
  if (value instanceof PyFloat) return value.value;
  if (value instanceof PyInt) {
    const f = Number(value.value);
    if (!Number.isFinite(f)) throw overflowError('int too large to convert to float');
    return f;
  }
  throw typeError(`must be real number, not ${value.type.name}`);
}

export function formatFloatPercent(value: PyObject, conversion: string, width: number, precision: number, flags: Flags): string {
  const x = toFloat(value);
  const negative = (x < 0 || Object.is(x, -0)) && !Number.isNaN(x);
  const magnitude = Math.abs(x);
  const p = precision < 0 ? 6 : precision;
  const upper = conversion === 'E' || conversion === 'F' || conversion === 'G';
  let body: string;
  if (!Number.isFinite(magnitude)) {
    body = nonFiniteText(magnitude, upper);
    return padNumber(signPrefix(negative, flags), '', body, width, { ...flags, zero: false });
  }
  const code = conversion.toLowerCase() as 'e' | 'f' | 'g';
  body = formatShort(magnitude, { code, precision: p, alt: flags.alternate });
  if (upper) body = body.toUpperCase();
  return padNumber(signPrefix(negative, flags), '', body, width, flags);
}

