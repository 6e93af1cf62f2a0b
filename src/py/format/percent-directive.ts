// The argument handling of printf-style formatting (CPython's unicode_format_arg_parse and
// getnextarg): directives, flags, width and precision (with *), %(key) lookups, and the
// "not enough arguments" / "not all arguments converted" checks.
import type { PyObject } from '../objects/object';
import { PyInt } from '../objects/int';
import { PyStr } from '../objects/str';
import { PyTuple } from '../objects/tuple';
import { PyDict } from '../objects/dict';
import { PyList } from '../objects/list';
import { PyBytes, PyByteArray } from '../objects/bytes';
import { PyRange } from '../objects/range';
import { getItem } from '../ops/subscript';
import { typeError, valueError } from '../exceptions/raise';

export interface Flags {
  left: boolean;
  sign: boolean;
  space: boolean;
  alternate: boolean;
  zero: boolean;
}

export interface ArgState {
  args: PyObject;
  arglen: number;
  argidx: number;
  dict: PyObject | null;
}

export function nextArg(state: ArgState): PyObject {
  if (state.argidx < state.arglen) {
    const index = state.argidx++;
    if (state.arglen < 0) return state.args;
    return (state.args as PyTuple).items[index] as PyObject;
  }
  throw typeError('not enough arguments for format string');
}

// PyMapping_Check: anything subscriptable counts, so 'x' % [] or 'x' % b'' is not an error.
function isMapping(obj: PyObject): boolean {
  return (
    obj instanceof PyDict ||
    obj instanceof PyList ||
    obj instanceof PyBytes ||
    obj instanceof PyByteArray ||
    obj instanceof PyRange ||
    obj.type.hook('getItem') !== undefined
  );
}

export interface Directive {
  key: string | null;
  flags: Flags;
  width: number;
  precision: number;
  conversion: string;
  end: number;
}

// Parses one directive starting just after its '%'; `text` is the whole template.
export function parseDirective(text: string, start: number, state: ArgState): Directive {
  let i = start;
  const at = (): string | undefined => text[i];
  let key: string | null = null;
  if (at() === '(') {
    let depth = 1;
    const keyStart = ++i;
    while (i < text.length && depth > 0) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      i++;
    }
    if (depth > 0) throw valueError('incomplete format key');
    key = text.slice(keyStart, i - 1);
  }
  const flags: Flags = { left: false, sign: false, space: false, alternate: false, zero: false };
  for (;;) {
    const c = at();
    if (c === '-') flags.left = true;
    else if (c === '+') flags.sign = true;
    else if (c === ' ') flags.space = true;
    else if (c === '#') flags.alternate = true;
    else if (c === '0') flags.zero = true;
    else break;
    i++;
  }
  const readDigits = (): number => {
    let digits = '';
    while (at() !== undefined && /[0-9]/.test(at() as string)) digits += text[i++];
    return digits === '' ? -1 : Number(digits);
  };
  const readStar = (): number => {
    i++;
    const v = nextArg(state);
    if (!(v instanceof PyInt)) throw typeError('* wants int');
    return Number(v.value);
  };
  let width = -1;
  if (at() === '*') {
    width = readStar();
    if (width < 0) {
      flags.left = true;
      width = -width;
    }
  } else width = readDigits();
  let precision = -1;
  if (at() === '.') {
    i++;
    precision = at() === '*' ? readStar() : readDigits();
    if (precision < 0) precision = 0;
  }
  while (at() === 'h' || at() === 'l' || at() === 'L') i++;
  const conversion = at();
  if (conversion === undefined) throw valueError('incomplete format');
  return { key, flags, width, precision, conversion, end: i + 1 };
}

/** `forBytes`: bytes formatting does not take bytes or bytearray arguments as mappings. */
export function startState(args: PyObject, forBytes = false): ArgState {
  const isTuple = args instanceof PyTuple;
  const excluded = args instanceof PyStr || (forBytes && (args instanceof PyBytes || args instanceof PyByteArray));
  return {
    args,
    arglen: isTuple ? args.items.length : -1,
    argidx: isTuple ? 0 : -2,
    dict: !isTuple && !excluded && isMapping(args) ? args : null,
  };
}

export function selectKeyed(state: ArgState, key: string): void {
  if (state.dict === null) throw typeError('format requires a mapping');
  state.args = getItem(state.dict, new PyStr(key));
  state.arglen = -1;
  state.argidx = -2;
}

export function finish(state: ArgState, what: 'string' | 'bytes' = 'string'): void {
  if (state.argidx < state.arglen && state.dict === null) {
    throw typeError(`not all arguments converted during ${what} formatting`);
  }
}

export function unsupportedConversion(conversion: string, index: number): never {
  const code = conversion.codePointAt(0) as number;
  throw valueError(`unsupported format character '${conversion}' (0x${code.toString(16)}) at index ${index}`);
}

