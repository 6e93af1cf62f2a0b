// Python source for data: literals CPython reads back exactly (str and bytes through their own repr),
// dicts and lists laid out one item per line when they do not fit, and comments that cannot break out
// of their line.
import { bytesRepr } from '../py/format/bytes-repr';
import { strRepr } from '../py/format/str-repr';

/** A dict with int keys ({1: ...}); plain objects become dicts with str keys. */
export class PyIntKeyed {
  constructor(readonly entries: readonly [number, PyValue][]) {}
}

export type PyValue = string | number | boolean | null | Uint8Array | PyIntKeyed | readonly PyValue[] | { readonly [key: string]: PyValue };

const WIDTH = 100;

function flat(value: PyValue): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`no Python literal for ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return strRepr(value);
  if (value instanceof Uint8Array) return bytesRepr(value);
  if (value instanceof PyIntKeyed) return `{${value.entries.map(([k, v]) => `${k}: ${flat(v)}`).join(', ')}}`;
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${strRepr(k)}: ${flat(v)}`).join(', ')}}`;
}

/** The value as Python source, indented by `indent` spaces after its first line. */
export function pyLiteral(value: PyValue, indent = 0): string {
  const one = flat(value);
  if (indent + one.length <= WIDTH) return one;
  const pad = ' '.repeat(indent + 4);
  const close = ' '.repeat(indent);
  if (value instanceof PyIntKeyed) {
    return `{\n${value.entries.map(([k, v]) => `${pad}${k}: ${pyLiteral(v, indent + 4)},\n`).join('')}${close}}`;
  }
  if (Array.isArray(value)) return `[\n${value.map((v) => `${pad}${pyLiteral(v, indent + 4)},\n`).join('')}${close}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const items = Object.entries(value as Record<string, PyValue>);
    return `{\n${items.map(([k, v]) => `${pad}${strRepr(k)}: ${pyLiteral(v, indent + 4)},\n`).join('')}${close}}`;
  }
  return one;
}

/**
 * Text as comment lines: `# ` before each line (a bare `#` for an empty one). Characters that would end
 * the comment or that Python rejects in source (\r, NUL, the other controls) are written as escapes.
 */
export function pyComment(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).replace(/\t/g, '    ').trimEnd())
    .map((line) => (line === '' ? '#' : `# ${line}`));
}
