// Calling list, tuple, dict, set, frozenset, range, slice, object and type.
import { PyObject, objectType, typeType, type Kwargs } from '../objects/object';
import { None } from '../objects/none';
import { PyStr, newStr } from '../objects/str';
import { newTuple, tupleType } from '../objects/tuple';
import { PyList, listType } from '../objects/list';
import { PyDict, PySet, dictType, setType, frozensetType } from '../objects/dict';
import { PyRange, PySlice, rangeType, sliceType } from '../objects/range';
import { collect } from '../ops/iter';
import { updateDict } from '../ops/dict-update';
import { parseArgs, sig } from '../native/args';
import { asIndex } from '../native/convert';
import { typeError, valueError } from '../exceptions/raise';
import { SocklabNote } from '../note';
import { unsupportedNote } from '../syntax/unsupported';

function noKeywords(name: string, kwargs: Kwargs): void {
  if (kwargs.size > 0) throw typeError(`${name}() takes no keyword arguments`);
}

listType.hooks.construct = async (_cls, args, kwargs) => {
  noKeywords('list', kwargs);
  const [iterable] = parseArgs(sig('list', 'positional', ['iterable?']), args, kwargs);
  return new PyList(iterable === undefined ? [] : await collect(iterable));
};

tupleType.hooks.construct = async (_cls, args, kwargs) => {
  noKeywords('tuple', kwargs);
  const [iterable] = parseArgs(sig('tuple', 'positional', ['iterable?']), args, kwargs);
  return newTuple(iterable === undefined ? [] : await collect(iterable));
};

dictType.hooks.construct = async (_cls, args, kwargs) => {
  if (args.length > 1) throw typeError(`dict expected at most 1 argument, got ${args.length}`);
  const dict = new PyDict();
  if (args[0] !== undefined) await updateDict(dict, args[0]);
  for (const [k, v] of kwargs) dict.set(newStr(k), v);
  return dict;
};

function setConstructor(name: 'set' | 'frozenset') {
  return async (_cls: unknown, args: PyObject[], kwargs: Kwargs): Promise<PyObject> => {
    noKeywords(name, kwargs);
    const [iterable] = parseArgs(sig(name, 'positional', ['iterable?']), args, kwargs);
    const set = new PySet(name === 'set' ? setType : frozensetType);
    if (iterable !== undefined) for (const v of await collect(iterable)) set.add(v);
    return set;
  };
}
setType.hooks.construct = setConstructor('set');
frozensetType.hooks.construct = setConstructor('frozenset');

rangeType.hooks.construct = (_cls, args, kwargs) => {
  noKeywords('range', kwargs);
  const [a, b, c] = parseArgs(sig('range', 'positional', ['start', 'stop?', 'step?']), args, kwargs);
  if (b === undefined) return new PyRange(0n, asIndex(a as PyObject), 1n);
  const step = c === undefined ? 1n : asIndex(c);
  if (step === 0n) throw valueError('range() arg 3 must not be zero');
  return new PyRange(asIndex(a as PyObject), asIndex(b), step);
};

sliceType.hooks.construct = (_cls, args, kwargs) => {
  noKeywords('slice', kwargs);
  const [a, b, c] = parseArgs(sig('slice', 'positional', ['start', 'stop?', 'step?']), args, kwargs);
  if (b === undefined) return new PySlice(None, a as PyObject, None);
  return new PySlice(a as PyObject, b, c ?? None);
};

objectType.hooks.construct = (_cls, args, kwargs) => {
  if (args.length > 0 || kwargs.size > 0) throw typeError('object() takes no arguments');
  return new PyObject(objectType);
};

typeType.hooks.construct = (_cls, args, kwargs) => {
  if (args.length === 1 && kwargs.size === 0) return (args[0] as PyObject).type;
  if (args.length === 3 && args[0] instanceof PyStr) throw new SocklabNote(unsupportedNote('class'));
  throw typeError('type() takes 1 or 3 arguments');
};
