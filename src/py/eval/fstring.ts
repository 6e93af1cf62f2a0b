// f-string values: literal parts, and each field's value converted (!r !s !a) and formatted with
// its spec (whose own fields are evaluated first), with f'{x=}' showing the expression's text.
import type { Expr, FStringPart } from '../syntax/ast';
import type { PyObject } from '../objects/object';
import { newStr } from '../objects/str';
import { repr, str } from '../ops/repr';
import { formatValue } from '../format/format-value';
import { asciiEscape } from '../format/str-repr';
import { MAX_TEXT_LENGTH } from '../objects/limits';
import { memoryError } from '../exceptions/raise';
import type { Frame, LocalScope } from './frame';
import { evalExpr } from './expressions';

async function renderParts(parts: readonly FStringPart[], f: Frame, scope: LocalScope | null): Promise<string> {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = await evalExpr(part.value, f, scope);
    const converted: PyObject =
      part.conversion === 'r'
        ? newStr(repr(value))
        : part.conversion === 's'
          ? newStr(str(value))
          : part.conversion === 'a'
            ? newStr(asciiEscape(repr(value)))
            : value;
    const spec = part.spec === null ? '' : await renderParts(part.spec, f, scope);
    out += (part.debugText ?? '') + formatValue(converted, spec);
    if (out.length > MAX_TEXT_LENGTH) throw memoryError();
  }
  return out;
}

export async function evalFString(e: Extract<Expr, { kind: 'FString' }>, f: Frame, scope: LocalScope | null): Promise<PyObject> {
  return newStr(await renderParts(e.parts, f, scope));
}
