// str.format and str.format_map, following Objects/stringlib/unicode_format.h (MarkupIterator,
// parse_field, field_name_split) so that errors match CPython's texts.
import type { PyObject } from '../objects/object';
import { newInt } from '../objects/int';
import { newStr } from '../objects/str';
import { getAttr } from '../ops/attr';
import { getItem } from '../ops/subscript';
import { repr, str } from '../ops/repr';
import { indexError, keyError, valueError } from '../exceptions/raise';
import { formatValue } from './format-value';
import { asciiEscape } from './str-repr';

export interface FormatArgs {
  /** null for format_map, where positional fields are an error. */
  positional: readonly PyObject[] | null;
  /** Looks up a keyword field; undefined when absent. */
  keyword: (name: string) => PyObject | undefined;
}

interface Numbering {
  mode: 'none' | 'auto' | 'manual';
  next: number;
}

interface Field {
  name: string;
  conversion: string;
  spec: string;
  specNeedsExpanding: boolean;
}

// parse_field: `text` starts just after the '{'; returns the field and the index after its '}'.
function parseField(text: string, start: number): { field: Field; end: number } {
  let i = start;
  let c = '';
  while (i < text.length) {
    c = text[i++] as string;
    if (c === '{') throw valueError("unexpected '{' in field name");
    if (c === '[') {
      while (i < text.length && text[i] !== ']') i++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') break;
  }
  const name = text.slice(start, i - 1);
  let conversion = '';
  if (c === '!' || c === ':') {
    if (c === '!') {
      if (i >= text.length) throw valueError('end of string while looking for conversion specifier');
      conversion = text[i++] as string;
      if (i < text.length) {
        const after = text[i++] as string;
        if (after === '}') return { field: { name, conversion, spec: '', specNeedsExpanding: false }, end: i };
        if (after !== ':') throw valueError("expected ':' after conversion specifier");
      }
    }
    const specStart = i;
    let depth = 1;
    let needsExpanding = false;
    while (i < text.length) {
      const ch = text[i++];
      if (ch === '{') {
        needsExpanding = true;
        depth++;
      } else if (ch === '}') {
        depth--;
        if (depth === 0) {
          return { field: { name, conversion, spec: text.slice(specStart, i - 1), specNeedsExpanding: needsExpanding }, end: i };
        }
      }
    }
    throw valueError("unmatched '{' in format spec");
  }
  if (c !== '}') throw valueError("expected '}' before end of string");
  return { field: { name: text.slice(start, i - 1), conversion: '', spec: '', specNeedsExpanding: false }, end: i };
}

function isDigits(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

// field_name_split + get_field_object: resolves `0.attr[key]` against the arguments.
function resolveField(name: string, args: FormatArgs, numbering: Numbering): PyObject {
  const firstEnd = name.search(/[.[]/);
  const first = firstEnd < 0 ? name : name.slice(0, firstEnd);
  let rest = firstEnd < 0 ? '' : name.slice(firstEnd);
  let value: PyObject;
  if (first === '' || isDigits(first)) {
    let index: number;
    if (first === '') {
      if (numbering.mode === 'manual') {
        throw valueError('cannot switch from manual field specification to automatic field numbering');
      }
      numbering.mode = 'auto';
      index = numbering.next++;
    } else {
      if (numbering.mode === 'auto') {
        throw valueError('cannot switch from automatic field numbering to manual field specification');
      }
      numbering.mode = 'manual';
      index = Number(first);
    }
    if (args.positional === null) throw valueError('Format string contains positional fields');
    const found = args.positional[index];
    if (found === undefined) throw indexError(`Replacement index ${index} out of range for positional args tuple`);
    value = found;
  } else {
    const found = args.keyword(first);
    if (found === undefined) throw keyError(newStr(first));
    value = found;
  }
  while (rest !== '') {
    if (rest[0] === '.') {
      const end = rest.slice(1).search(/[.[]/);
      const attr = end < 0 ? rest.slice(1) : rest.slice(1, end + 1);
      if (attr === '') throw valueError('Empty attribute in format string');
      value = getAttr(value, attr);
      rest = end < 0 ? '' : rest.slice(end + 1);
    } else if (rest[0] === '[') {
      const close = rest.indexOf(']');
      if (close < 0) throw valueError("Missing ']' in format string");
      const key = rest.slice(1, close);
      if (key === '') throw valueError('Empty attribute in format string');
      value = getItem(value, isDigits(key) ? newInt(BigInt(key)) : newStr(key));
      rest = rest.slice(close + 1);
      if (rest !== '' && rest[0] !== '.' && rest[0] !== '[') {
        throw valueError("Only '.' or '[' may follow ']' in format field specifier");
      }
    } else {
      throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return value;
}

function convert(value: PyObject, conversion: string): PyObject {
  switch (conversion) {
    case '':
      return value;
    case 'r':
      return newStr(repr(value));
    case 's':
      return newStr(str(value));
    case 'a':
      return newStr(asciiEscape(repr(value)));
    default: {
      const code = conversion.codePointAt(0) as number;
      const shown = code > 32 && code < 127 ? conversion : `\\x${code.toString(16)}`;
      throw valueError(`Unknown conversion specifier ${shown}`);
    }
  }
}

function build(template: string, args: FormatArgs, numbering: Numbering, depth: number): string {
  if (depth <= 0) throw valueError('Max string recursion exceeded');
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i] as string;
    if (c !== '{' && c !== '}') {
      const next = template.slice(i).search(/[{}]/);
      const end = next < 0 ? template.length : i + next;
      out += template.slice(i, end);
      i = end;
      continue;
    }
    const atEnd = i + 1 >= template.length;
    if (c === '}') {
      if (atEnd || template[i + 1] !== '}') throw valueError("Single '}' encountered in format string");
      out += '}';
      i += 2;
      continue;
    }
    if (atEnd) throw valueError("Single '{' encountered in format string");
    if (template[i + 1] === '{') {
      out += '{';
      i += 2;
      continue;
    }
    const { field, end } = parseField(template, i + 1);
    i = end;
    const value = convert(resolveField(field.name, args, numbering), field.conversion);
    const spec = field.specNeedsExpanding ? build(field.spec, args, numbering, depth - 1) : field.spec;
    out += formatValue(value, spec);
  }
  return out;
}

export function strFormat(template: string, args: FormatArgs): string {
  return build(template, args, { mode: 'none', next: 0 }, 2);
}
