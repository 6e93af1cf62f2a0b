// int('...', base) and float('...') text parsing with CPython's rules: surrounding whitespace,
// a sign, single underscores between digits, base prefixes, any Unicode decimal digit.
import { MAX_INT_STR_DIGITS } from '../objects/limits';
import { tooManyDigitsToParse } from './int-text';

const DECIMAL_DIGIT = /\p{Nd}/u;

/** The value 0-9 of a Unicode decimal digit (digits come in runs of ten from a zero). */
function decimalValue(ch: string): number {
  const cp = ch.codePointAt(0) as number;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let start = cp;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/** Replaces non-ASCII decimal digits with ASCII ones and trims Unicode whitespace. */
function normalize(text: string): string {
  let out = '';
  for (const ch of text.trim()) out += (ch.codePointAt(0) as number) >= 0x80 && DECIMAL_DIGIT.test(ch) ? String(decimalValue(ch)) : ch;
  return out;
}

const BASE_PREFIX: Record<string, number> = { x: 16, o: 8, b: 2 };

/** The integer of a text in a base (0: from its prefix), or null when the text is not one. */
export function parseIntText(text: string, base: number): bigint | null {
  let s = normalize(text);
  let negative = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  let b = base;
  const prefix = /^0([xXoObB])/.exec(s);
  if (prefix) {
    const prefixBase = BASE_PREFIX[(prefix[1] as string).toLowerCase()] as number;
    if (b === 0 || b === prefixBase) {
      b = prefixBase;
      s = s.slice(2);
      if (s.startsWith('_')) s = s.slice(1);
    }
  }
  if (b === 0) {
    // Base 0 reads a literal: no leading zeros unless the number is zero.
    if (/^0[0-9_]*$/.test(s) && !/^0(_?0)*$/.test(s)) return null;
    b = 10;
  }
  if (s === '' || s.startsWith('_') || s.endsWith('_') || s.includes('__')) return null;
  const digits = s.replace(/_/g, '');
  const valid = b <= 10 ? new RegExp(`^[0-${b - 1}]+$`) : new RegExp(`^[0-9a-${String.fromCharCode(86 + b)}]+$`, 'i');
  if (!valid.test(digits)) return null;
  if ((b & (b - 1)) !== 0 && digits.length > MAX_INT_STR_DIGITS) throw tooManyDigitsToParse(digits.length);
  let value = 0n;
  if (b === 10) value = BigInt(digits);
  else if (b === 16 || b === 8 || b === 2) value = BigInt(`0${b === 16 ? 'x' : b === 8 ? 'o' : 'b'}${digits}`);
  else {
    const big = BigInt(b);
    for (const d of digits.toLowerCase()) value = value * big + BigInt(parseInt(d, b));
  }
  return negative ? -value : value;
}

/** The float of a text, or null when the text is not one. */
export function parseFloatText(text: string): number | null {
  const s = normalize(text);
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if ((special[2] as string).toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  const digits = '[0-9](?:_?[0-9])*';
  const pattern = new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:[eE][+-]?${digits})?$`);
  if (!pattern.test(s)) return null;
  return Number(s.replace(/_/g, ''));
}
