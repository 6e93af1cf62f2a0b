// str: a sequence of Unicode code points. JS strings are UTF-16, so a str holding characters outside
// the Basic Multilingual Plane keeps a code point array for indexing; len('é😀') is 2, as in Python.
import { PyObject, PyType } from './object';

export const strType = new PyType({
  name: 'str',
  doc: "str(object='') -> str; str(bytes, encoding, errors='strict') -> str. Text: a sequence of Unicode characters.",
});

const SURROGATE = /[\uD800-\uDFFF]/;

export class PyStr extends PyObject {
  readonly value: string;
  // undefined: not computed yet; null: every code point is one UTF-16 unit.
  private points: number[] | null | undefined;

  constructor(value: string) {
    super(strType);
    this.value = value;
  }

  /** The code points, or null when indexes into `value` are already code point indexes. */
  codePoints(): number[] | null {
    if (this.points === undefined) {
      this.points = SURROGATE.test(this.value) ? toCodePoints(this.value) : null;
    }
    return this.points;
  }

  get length(): number {
    const points = this.codePoints();
    return points === null ? this.value.length : points.length;
  }

  /** The character at code point index i (0 <= i < length). */
  charAt(i: number): string {
    const points = this.codePoints();
    return points === null ? this.value.charAt(i) : String.fromCodePoint(points[i] as number);
  }

  codePointAt(i: number): number {
    const points = this.codePoints();
    return points === null ? this.value.charCodeAt(i) : (points[i] as number);
  }

  /** The text between code point indexes start and end. */
  slice(start: number, end: number): string {
    const points = this.codePoints();
    if (points === null) return this.value.slice(start, end);
    return fromCodePoints(points.slice(start, end));
  }
}

/** Code points of a JS string; a lone surrogate is its own code point, as in Python. */
export function toCodePoints(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

export function fromCodePoints(points: readonly number[]): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < points.length; i += CHUNK) out += String.fromCodePoint(...points.slice(i, i + CHUNK));
  return out;
}

/** Number of code points in a JS string. */
export function codePointLength(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  return toCodePoints(text).length;
}

const EMPTY = new PyStr('');

export function newStr(value: string): PyStr {
  return value === '' ? EMPTY : new PyStr(value);
}
