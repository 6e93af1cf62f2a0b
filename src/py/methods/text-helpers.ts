// Shared pieces of the str and bytes methods: Python's whitespace, start/end arguments with slice
// semantics, and conversion between code point positions and JS string offsets.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { PyInt } from '../objects/int';
import { PyStr, codePointLength } from '../objects/str';
import { typeError } from '../exceptions/raise';

/** Py_UNICODE_ISSPACE: what str.split() and str.strip() treat as whitespace. */
export const STR_WHITESPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const STR_IS_SPACE = new RegExp(`^[${STR_WHITESPACE}]+$`, 'u');

function boundValue(obj: PyObject | undefined): bigint | null {
  if (obj === undefined || obj === None) return null;
  if (obj instanceof PyInt) return obj.value;
  throw typeError('slice indices must be integers or None or have an __index__ method');
}

/**
 * The [start, end) a method's optional start/end arguments select (CPython's ADJUST_INDICES):
 * negative values count from the end; start may lie past the end (nothing is then found).
 */
export function rangeArgs(start: PyObject | undefined, end: PyObject | undefined, length: number): { start: number; end: number } {
  const limit = (v: bigint): number => Number(v > 1n << 53n ? 1n << 53n : v < -(1n << 53n) ? -(1n << 53n) : v);
  const startValue = boundValue(start);
  const endValue = boundValue(end);
  let s = startValue === null ? 0 : limit(startValue);
  let e = endValue === null ? length : limit(endValue);
  if (e > length) e = length;
  else if (e < 0) e = Math.max(0, e + length);
  if (s < 0) s = Math.max(0, s + length);
  return { start: s, end: e };
}

/** Code point index of a JS offset inside a str. */
export function unitToCodePoint(text: string, offset: number): number {
  return codePointLength(text.slice(0, offset));
}

/** The text of the code points [start, end) of a str (start may exceed the length: then ''). */
export function codePointSlice(s: PyStr, start: number, end: number): string {
  return start >= end ? '' : s.slice(start, end);
}

export function strArg(obj: PyObject | undefined, message: (o: PyObject) => string): string {
  if (obj instanceof PyStr) return obj.value;
  throw typeError(message(obj as PyObject));
}
