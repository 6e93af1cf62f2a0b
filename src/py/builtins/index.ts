// The builtins namespace, in the order of CPython's builtins module (the order matters for the
// "Did you mean" suggestions, which take the first best match).
import type { PyObject } from '../objects/object';
import { objectType, typeType } from '../objects/object';
import { None, NotImplemented, Ellipsis } from '../objects/none';
import { True, False, intType, boolType } from '../objects/int';
import { floatType } from '../objects/float';
import { strType } from '../objects/str';
import { bytesType, bytearrayType } from '../objects/bytes';
import { tupleType } from '../objects/tuple';
import { listType } from '../objects/list';
import { dictType, setType, frozensetType } from '../objects/dict';
import { rangeType, sliceType } from '../objects/range';
import { BUILTIN_EXCEPTIONS } from '../exceptions/classes';
import * as core from './core';
import * as numeric from './numeric';
import * as iteration from './iteration';
import * as introspection from './introspection';
import { openBuiltin, type FileHost } from './files';
import './number-types';
import './text-types';
import './container-types';

const CPYTHON_ORDER = [
  '__import__', 'abs', 'all', 'any', 'ascii', 'bin', 'breakpoint', 'callable', 'chr', 'compile', 'delattr', 'dir',
  'divmod', 'eval', 'exec', 'format', 'getattr', 'globals', 'hasattr', 'hash', 'hex', 'id', 'input', 'isinstance',
  'issubclass', 'iter', 'aiter', 'len', 'locals', 'max', 'min', 'next', 'anext', 'oct', 'ord', 'pow', 'print',
  'repr', 'round', 'setattr', 'sorted', 'sum', 'vars', 'None', 'Ellipsis', 'NotImplemented', 'False', 'True',
  'bool', 'memoryview', 'bytearray', 'bytes', 'classmethod', 'complex', 'dict', 'enumerate', 'filter', 'float',
  'frozenset', 'property', 'int', 'list', 'map', 'object', 'range', 'reversed', 'set', 'slice', 'staticmethod',
  'str', 'super', 'tuple', 'type', 'zip',
];
const AFTER_EXCEPTIONS = ['open', 'quit', 'exit', 'help'];
// CPython built-ins outside the subset: present, so names resolve as in Python, but calling them
// gives socklab's note.
const UNAVAILABLE = ['__import__', 'breakpoint', 'compile', 'eval', 'exec', 'globals', 'aiter', 'locals', 'anext', 'vars', 'memoryview', 'classmethod', 'complex', 'property', 'staticmethod', 'super', 'open'];

const VALUES: Record<string, PyObject> = {
  abs: numeric.abs,
  all: iteration.all,
  any: iteration.any,
  ascii: core.ascii,
  bin: numeric.bin,
  callable: core.callable,
  chr: numeric.chr,
  delattr: core.delattr,
  dir: introspection.dir,
  divmod: numeric.divmod,
  format: core.format,
  getattr: core.getattr,
  hasattr: core.hasattr,
  hash: core.hash,
  hex: numeric.hex,
  id: core.id,
  input: core.input,
  isinstance: core.isinstance,
  issubclass: core.issubclass,
  iter: core.iter,
  len: core.len,
  max: numeric.max,
  min: numeric.min,
  next: core.next,
  oct: numeric.oct,
  ord: numeric.ord,
  pow: numeric.pow,
  print: core.print,
  repr: core.reprFn,
  round: numeric.round,
  setattr: core.setattr,
  sorted: iteration.sorted,
  sum: numeric.sum,
  None,
  Ellipsis,
  NotImplemented,
  False,
  True,
  bool: boolType,
  bytearray: bytearrayType,
  bytes: bytesType,
  dict: dictType,
  enumerate: iteration.enumerateType,
  filter: iteration.filterType,
  float: floatType,
  frozenset: frozensetType,
  int: intType,
  list: listType,
  map: iteration.mapType,
  object: objectType,
  range: rangeType,
  reversed: iteration.reversedType,
  set: setType,
  slice: sliceType,
  str: strType,
  tuple: tupleType,
  type: typeType,
  zip: iteration.zipType,
  quit: introspection.quit,
  exit: introspection.exit,
  help: introspection.help,
};

const UNAVAILABLE_VALUES = new Map(UNAVAILABLE.map((name) => [name, introspection.unavailable(name)]));

/** A fresh builtins namespace (each interpreter has its own: `_` lives there). */
/**
 * A fresh builtins namespace. With `files`, open() works on real files relative to its directory;
 * without, open() gives socklab's note (lesson validation only needs the names).
 */
export function createBuiltins(files?: () => FileHost): Map<string, PyObject> {
  const builtins = new Map<string, PyObject>();
  const open = files ? openBuiltin(files) : null;
  const value = (name: string): PyObject =>
    (name === 'open' && open) || (VALUES[name] ?? (UNAVAILABLE_VALUES.get(name) as PyObject));
  for (const name of CPYTHON_ORDER) builtins.set(name, value(name));
  for (const [name, type] of BUILTIN_EXCEPTIONS) builtins.set(name, type);
  for (const name of AFTER_EXCEPTIONS) builtins.set(name, value(name));
  return builtins;
}
