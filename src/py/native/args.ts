// Argument checking for native functions, with the exact TypeError texts of each way CPython parses
// arguments. Pick the style the real function uses (check with python3):
//   noargs     METH_NOARGS         "socket.fileno() takes no arguments (1 given)"
//   one        METH_O              "socket.bind() takes exactly one argument (2 given)"
//   tuple      PyArg_ParseTuple    "recv() takes at least 1 argument (0 given)"
//   positional _PyArg_CheckPositional  "pop expected at most 1 argument, got 2"
//   clinic     Argument Clinic with keywords  "to_bytes() takes at most 2 positional arguments (3 given)"
//   python     a function written in Python  "socket.accept() takes 1 positional argument but 2 were given"
import type { Kwargs, PyObject } from '../objects/object';
import { typeError } from '../exceptions/raise';

export type ArgStyle = 'noargs' | 'one' | 'tuple' | 'positional' | 'clinic' | 'python';

export interface Param {
  name: string;
  /** May be left out (the slot is then undefined). */
  optional?: boolean;
  /** Only by keyword (after `*`). */
  kwOnly?: boolean;
  /** Only by position (before `/`); every parameter is positional-only in the non-keyword styles. */
  posOnly?: boolean;
}

export interface Signature {
  /** The name CPython's messages use: 'recv', 'split'. */
  name: string;
  /** Qualified name for the messages that use it: 'socket.bind', 'str.upper'. */
  qualname?: string;
  style: ArgStyle;
  params: readonly Param[];
  /** python style: the function is a method and `self` counts in "takes N positional arguments". */
  method?: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Matches args and keywords to the signature's parameters and returns one slot per parameter
 * (undefined when an optional one was not given); throws CPython's TypeError otherwise.
 */
export function parseArgs(sig: Signature, args: readonly PyObject[], kwargs: Kwargs): (PyObject | undefined)[] {
  switch (sig.style) {
    case 'noargs':
    case 'one':
    case 'tuple':
    case 'positional':
      return parsePositionalOnly(sig, args, kwargs);
    case 'clinic':
      return parseClinic(sig, args, kwargs);
    case 'python':
      return parsePython(sig, args, kwargs);
  }
}

function parsePositionalOnly(sig: Signature, args: readonly PyObject[], kwargs: Kwargs): (PyObject | undefined)[] {
  const qual = sig.qualname ?? sig.name;
  if (kwargs.size > 0) throw typeError(`${qual}() takes no keyword arguments`);
  const max = sig.params.length;
  const n = args.length;
  // Every call of a native method comes through here: count and copy without temporary arrays.
  let min = 0;
  for (const p of sig.params) if (!p.optional) min++;
  if (n >= min && n <= max) {
    const slots = new Array<PyObject | undefined>(max);
    for (let i = 0; i < max; i++) slots[i] = args[i];
    return slots;
  }
  if (sig.style === 'noargs') throw typeError(`${qual}() takes no arguments (${n} given)`);
  if (sig.style === 'one') throw typeError(`${qual}() takes exactly one argument (${n} given)`);
  if (sig.style === 'tuple') {
    const bound = min === max ? 'exactly' : n < min ? 'at least' : 'at most';
    const count = n < min ? min : max;
    throw typeError(`${sig.name}() takes ${bound} ${plural(count, 'argument')} (${n} given)`);
  }
  if (min === max) throw typeError(`${sig.name} expected ${plural(min, 'argument')}, got ${n}`);
  if (n < min) throw typeError(`${sig.name} expected at least ${plural(min, 'argument')}, got ${n}`);
  throw typeError(`${sig.name} expected at most ${plural(max, 'argument')}, got ${n}`);
}

// Python/getargs.c _PyArg_UnpackKeywords, message for message.
function parseClinic(sig: Signature, args: readonly PyObject[], kwargs: Kwargs): (PyObject | undefined)[] {
  const fname = `${sig.name}()`;
  const params = sig.params;
  const positional = params.filter((p) => !p.kwOnly);
  const maxpos = positional.length;
  const minpos = positional.filter((p) => !p.optional).length;
  const posonly = params.filter((p) => p.posOnly).length;
  const minposonly = Math.min(posonly, minpos);
  const maxargs = params.length;
  const minkw = params.filter((p) => p.kwOnly && !p.optional).length;
  const reqlimit = minkw > 0 ? maxpos + minkw : minpos;
  const nargs = args.length;
  let nkwargs = kwargs.size;
  if (nargs + nkwargs > maxargs) {
    const kw = nargs === 0 ? 'keyword ' : '';
    throw typeError(`${fname} takes at most ${maxargs} ${kw}argument${maxargs === 1 ? '' : 's'} (${nargs + nkwargs} given)`);
  }
  if (nargs > maxpos) {
    if (maxpos === 0) throw typeError(`${fname} takes no positional arguments`);
    const bound = minpos < maxpos ? 'at most' : 'exactly';
    throw typeError(`${fname} takes ${bound} ${plural(maxpos, 'positional argument')} (${nargs} given)`);
  }
  if (nargs < minposonly) {
    const bound = minposonly < maxpos ? 'at least' : 'exactly';
    throw typeError(`${fname} takes ${bound} ${plural(minposonly, 'positional argument')} (${nargs} given)`);
  }
  const out: (PyObject | undefined)[] = params.map((_, i) => args[i]);
  for (let i = Math.max(nargs, posonly); i < maxargs; i++) {
    const param = params[i] as Param;
    let current: PyObject | undefined;
    if (nkwargs > 0) current = kwargs.get(param.name);
    else if (i >= reqlimit) break;
    out[i] = current;
    if (current !== undefined) nkwargs--;
    else if (i < minpos || (maxpos <= i && i < reqlimit)) {
      throw typeError(`${fname} missing required argument '${param.name}' (pos ${i + 1})`);
    }
  }
  if (nkwargs > 0) {
    for (let i = posonly; i < nargs; i++) {
      const param = params[i] as Param;
      if (kwargs.has(param.name)) {
        throw typeError(`argument for ${fname} given by name ('${param.name}') and position (${i + 1})`);
      }
    }
    for (const key of kwargs.keys()) {
      if (!params.some((p, i) => i >= posonly && p.name === key)) {
        throw typeError(`'${key}' is an invalid keyword argument for ${fname}`);
      }
    }
  }
  return out;
}

function nameList(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return quoted[0] as string;
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

// Python/ceval.c: the messages of a call to a function defined in Python.
function parsePython(sig: Signature, args: readonly PyObject[], kwargs: Kwargs): (PyObject | undefined)[] {
  const qual = `${sig.qualname ?? sig.name}()`;
  const params = sig.params;
  const positional = params.filter((p) => !p.kwOnly);
  const self = sig.method ? 1 : 0;
  const n = args.length;
  if (n > positional.length) {
    const required = positional.filter((p) => !p.optional).length;
    const total = positional.length + self;
    const takes =
      required === positional.length
        ? plural(total, 'positional argument')
        : `from ${required + self} to ${total} positional arguments`;
    const given = n + self;
    throw typeError(`${qual} takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`);
  }
  const out: (PyObject | undefined)[] = params.map((_, i) => (i < positional.length ? args[i] : undefined));
  for (const [key, value] of kwargs) {
    const index = params.findIndex((p) => p.name === key && !p.posOnly);
    if (index < 0) throw typeError(`${qual} got an unexpected keyword argument '${key}'`);
    if (out[index] !== undefined) throw typeError(`${qual} got multiple values for argument '${key}'`);
    out[index] = value;
  }
  const missing = positional.filter((p, i) => !p.optional && out[i] === undefined).map((p) => p.name);
  if (missing.length > 0) {
    throw typeError(`${qual} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${nameList(missing)}`);
  }
  const missingKw = params.filter((p, i) => p.kwOnly && !p.optional && out[i] === undefined).map((p) => p.name);
  if (missingKw.length > 0) {
    throw typeError(`${qual} missing ${missingKw.length} required keyword-only argument${missingKw.length === 1 ? '' : 's'}: ${nameList(missingKw)}`);
  }
  return out;
}

/**
 * Shorthand for a signature. Each param is a name with markers: a trailing '?' makes it optional, a
 * leading '*' keyword-only, a trailing '/' positional-only: sig('to_bytes', 'clinic', ['length?', 'byteorder?', '*signed?']).
 */
export function sig(name: string, style: ArgStyle, params: readonly string[] = [], extra: Partial<Signature> = {}): Signature {
  return {
    name,
    style,
    params: params.map((p) => {
      const kwOnly = p.startsWith('*');
      const optional = p.includes('?');
      const posOnly = p.includes('/');
      return { name: p.replace(/[*?/]/g, ''), optional, kwOnly, posOnly };
    }),
    ...extra,
  };
}
