// int -> decimal text, with CPython 3.11's limit on the number of digits (sys.int_info's 4300).
import { MAX_INT_STR_DIGITS } from '../objects/limits';
import { valueError } from '../exceptions/raise';

export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  return n === 0n ? 0 : n.toString(2).length;
}

// log2(10) bits per digit: past this many bits the text surely has more than 4300 digits.
const SURELY_TOO_MANY_BITS = Math.ceil((MAX_INT_STR_DIGITS + 1) * Math.log2(10)) + 1;

export function intToDecimal(n: bigint): string {
  const bits = n < 0n ? (-n).toString(16).length * 4 : n.toString(16).length * 4;
  if (bits > SURELY_TOO_MANY_BITS + 8) throw tooManyDigits();
  const text = n.toString();
  const digits = n < 0n ? text.length - 1 : text.length;
  if (digits > MAX_INT_STR_DIGITS) throw tooManyDigits();
  return text;
}

function tooManyDigits() {
  return valueError(
    `Exceeds the limit (${MAX_INT_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
  );
}

/** The error int('...') gives for a text of too many digits. */
export function tooManyDigitsToParse(count: number) {
  return valueError(
    `Exceeds the limit (${MAX_INT_STR_DIGITS} digits) for integer string conversion: value has ${count} digits; use sys.set_int_max_str_digits() to increase the limit`,
  );
}
