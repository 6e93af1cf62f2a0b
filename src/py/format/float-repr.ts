// repr() of float: the shortest text that round-trips (JS finds the digits), laid out the way
// CPython's float_repr_style 'short' does: fixed notation for exponents -4..15, else 1e+16 / 1.5e-05.

/** The shortest round-trip digits of |x| (no leading zeros) and the decimal exponent of the first. */
export function shortestDigits(x: number): { digits: string; exponent: number } {
  const [mantissa, exp] = Math.abs(x).toExponential().split('e') as [string, string];
  return { digits: mantissa.replace('.', ''), exponent: Number(exp) };
}

export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0.0`;
  const { digits, exponent } = shortestDigits(x);
  if (exponent >= -4 && exponent < 16) return sign + placePoint(digits, exponent, true);
  const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${digits[0]}${rest}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Digits d1d2d3... with the first digit at 10**exponent, in fixed notation. */
export function placePoint(digits: string, exponent: number, keepPointZero: boolean): string {
  let text: string;
  if (exponent < 0) text = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  else if (digits.length > exponent + 1) text = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  else text = digits + '0'.repeat(exponent + 1 - digits.length) + (keepPointZero ? '.0' : '');
  return text;
}
