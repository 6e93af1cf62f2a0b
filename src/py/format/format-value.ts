// format(value, spec): what str.format, f-strings and format() apply to each value.
import type { PyObject } from '../objects/object';
import { PyInt, isBool } from '../objects/int';
import { PyFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { str } from '../ops/repr';
import { typeError } from '../exceptions/raise';
import { formatFloat, formatInt, formatStr } from './format-spec';

export function formatValue(obj: PyObject, spec: string): string {
  if (obj instanceof PyStr) return formatStr(obj.value, spec);
  if (obj instanceof PyInt) {
    if (spec === '') return str(obj);
    return formatInt(obj.value, spec, isBool(obj) ? 'bool' : obj.type.name);
  }
  if (obj instanceof PyFloat) return formatFloat(obj.value, spec);
  if (spec === '') return str(obj);
  throw typeError(`unsupported format string passed to ${obj.type.name}.__format__`);
}
