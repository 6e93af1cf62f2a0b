// Fixed, exponent and general notation for floats, correctly rounded (half to even on the exact
// binary value, as CPython's dtoa does: '%.2f' % 0.125 is '0.12', where JS toFixed gives '0.13').
import { shortestDigits } from './float-repr';

/** |x| = numerator / 10**scale exactly (x finite). */
function exactDecimal(x: number): { numerator: bigint; scale: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biased === 0) exponent = -1074;
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  if (exponent >= 0) return { numerator: mantissa << BigInt(exponent), scale: 0 };
  return { numerator: mantissa * 5n ** BigInt(-exponent), scale: -exponent };
}

/** |x| rounded half-even to `places` decimals, as an integer scaled by 10**places. */
function roundScaled(x: number, places: number): bigint {
  const { numerator, scale } = exactDecimal(x);
  if (places >= scale) return numerator * 10n ** BigInt(places - scale);
  const divisor = 10n ** BigInt(scale - places);
  const q = numerator / divisor;
  const r = numerator % divisor;
  const twice = r * 2n;
  if (twice > divisor || (twice === divisor && q % 2n === 1n)) return q + 1n;
  return q;
}

function insertPoint(digits: string, places: number): string {
  if (places === 0) return digits;
  const padded = digits.padStart(places + 1, '0');
  return `${padded.slice(0, -places)}.${padded.slice(-places)}`;
}

/** Digits of |x| in fixed notation with `places` decimals ('1.50'); x finite. */
export function fixedDigits(x: number, places: number): string {
  return insertPoint(roundScaled(x, places).toString(), places);
}

/** Decimal exponent of the first significant digit of |x| (x finite, non-zero). */
function decimalExponent(x: number): number {
  return shortestDigits(x).exponent;
}

/** |x| rounded to `significant` digits: the digit string and the exponent of its first digit. */
export function roundSignificant(x: number, significant: number): { digits: string; exponent: number } {
  if (x === 0) return { digits: '0'.repeat(significant), exponent: 0 };
  let exponent = decimalExponent(x);
  let scaled = roundScaled(x, significant - 1 - exponent);
  let digits = scaled.toString();
  // The shortest repr's exponent can be one off the exact value's near a power of ten.
  if (digits.length < significant) {
    exponent -= 1;
    scaled = roundScaled(x, significant - 1 - exponent);
    digits = scaled.toString();
  }
  if (digits.length > significant) {
    exponent += 1;
    digits = digits.slice(0, significant);
  }
  return { digits, exponent };
}

export interface ShortFormat {
  /** 'r': shortest round-trip; 'e', 'f', 'g' as in C. */
  code: 'r' | 'e' | 'f' | 'g';
  precision: number;
  /** Py_DTSF_ADD_DOT_0: a float shown without a point gets '.0' (and 'g' switches to exponent sooner). */
  addDot0?: boolean;
  /** Py_DTSF_ALT: '#': keep the point and trailing zeros. */
  alt?: boolean;
}

// The digits _Py_dg_dtoa returns (trailing zeros stripped) and the position of the decimal point.
function dtoa(x: number, f: ShortFormat): { digits: string; decpt: number } {
  if (x === 0) return { digits: '0', decpt: 1 };
  if (f.code === 'r') {
    const { digits, exponent } = shortestDigits(x);
    return { digits, decpt: exponent + 1 };
  }
  if (f.code === 'f') {
    const scaled = roundScaled(x, f.precision);
    if (scaled === 0n) return { digits: '', decpt: -f.precision };
    const text = scaled.toString();
    return { digits: text.replace(/0+$/, ''), decpt: text.length - f.precision };
  }
  const significant = f.code === 'e' ? f.precision + 1 : f.precision;
  const { digits, exponent } = roundSignificant(x, significant);
  return { digits: digits.replace(/(?<=.)0+$/, ''), decpt: exponent + 1 };
}

function exponentText(exponent: number): string {
  return `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Python/pystrtod.c format_float_short, for finite |x| >= 0: the text without a sign. */
export function formatShort(x: number, format: ShortFormat): string {
  const f = { ...format, precision: format.code === 'g' && format.precision === 0 ? 1 : format.precision };
  const addDot0 = f.addDot0 ?? false;
  const alt = f.alt ?? false;
  const { digits } = dtoa(x, f);
  let { decpt } = dtoa(x, f);
  const digitsLen = digits.length;
  let vdigitsEnd = digitsLen;
  let useExp = false;
  switch (f.code) {
    case 'e':
      useExp = true;
      vdigitsEnd = f.precision + 1;
      break;
    case 'f':
      vdigitsEnd = decpt + f.precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? f.precision - 1 : f.precision)) useExp = true;
      if (alt) vdigitsEnd = f.precision;
      break;
    case 'r':
      if (decpt <= -4 || decpt > 16) useExp = true;
      break;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vdigitsEnd = Math.max(vdigitsEnd, decpt + 1);
  else vdigitsEnd = Math.max(vdigitsEnd, decpt);
  let out = '';
  if (decpt <= 0) out += `${'0'.repeat(decpt - vdigitsStart)}.${'0'.repeat(-decpt)}`;
  else out += '0'.repeat(-vdigitsStart);
  if (decpt > 0 && decpt <= digitsLen) out += `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  else out += digits;
  if (digitsLen < decpt) out += `${'0'.repeat(decpt - digitsLen)}.${'0'.repeat(vdigitsEnd - decpt)}`;
  else out += '0'.repeat(vdigitsEnd - digitsLen);
  if (out.endsWith('.') && !alt) out = out.slice(0, -1);
  if (useExp) out += `e${exponentText(exp)}`;
  return out;
}

/** 'inf' / 'nan' in the case the format type asks for. */
export function nonFiniteText(x: number, upper: boolean): string {
  const text = Number.isNaN(x) ? 'nan' : 'inf';
  return upper ? text.toUpperCase() : text;
}

/** round(x, ndigits) for a finite float: correctly rounded half-even at 10**-ndigits, as CPython. */
export function roundFloat(x: number, ndigits: number): number {
  if (ndigits > 323) return x;
  const sign = x < 0 || Object.is(x, -0) ? -1 : 1;
  if (ndigits >= 0) return sign * Number(fixedDigits(x, ndigits));
  if (ndigits < -308) return sign * 0;
  const { numerator, scale } = exactDecimal(x);
  const divisor = 10n ** BigInt(scale - ndigits);
  let q = numerator / divisor;
  const twice = (numerator % divisor) * 2n;
  if (twice > divisor || (twice === divisor && q % 2n === 1n)) q += 1n;
  return sign * Number(q * 10n ** BigInt(-ndigits));
}
