// Built-in functions about objects in general: print, len, repr, ascii, format, id, hash, callable,
// isinstance, issubclass, getattr/setattr/hasattr/delattr, iter, next, input.
import { PyObject, PyType } from '../objects/object';
import { None } from '../objects/none';
import { newBool, newInt } from '../objects/int';
import { PyStr, newStr } from '../objects/str';
import { PyTuple } from '../objects/tuple';
import { PyIteratorObject } from '../objects/iterator';
import { findAttr, getAttr, setAttr, delAttr } from '../ops/attr';
import { callObject, isCallable } from '../ops/call';
import { hashValue } from '../ops/hash';
import { length } from '../ops/basic';
import { iterObject } from '../ops/iter';
import { repr, str } from '../ops/repr';
import { formatValue } from '../format/format-value';
import { asciiEscape } from '../format/str-repr';
import { memoryError, pyError, typeError } from '../exceptions/raise';
import { StopIteration, PyException, AttributeError } from '../exceptions/classes';
import { checkedFunction } from '../native/define';
import { parseArgs, sig } from '../native/args';
import { newFunction } from '../objects/function';
import { equals } from '../ops/compare';
import { SocklabNote } from '../note';
import { unsupportedNote } from '../syntax/unsupported';
import type { CallContext } from '../events';
import { MAX_TEXT_LENGTH } from '../objects/limits';

function optionalText(value: PyObject | undefined, name: string, fallback: string): string {
  if (value === undefined || value === None) return fallback;
  if (value instanceof PyStr) return value.value;
  throw typeError(`${name} must be None or a string, not ${value.type.name}`);
}

const PRINT_KEYWORDS = sig('print', 'clinic', ['*sep?', '*end?', '*file?', '*flush?']);

export const print = newFunction({
  name: 'print',
  doc: "print(*values, sep=' ', end='\\n'): prints the values, separated by sep and followed by end.",
  call: (args, kwargs, ctx) => {
    // Any number of values; only the keywords are checked against a signature.
    const [sep, end, file] = parseArgs(PRINT_KEYWORDS, [], kwargs);
    const separator = optionalText(sep, 'sep', ' ');
    const ending = optionalText(end, 'end', '\n');
    let text = '';
    for (let i = 0; i < args.length; i++) {
      if (i > 0) text += separator;
      text += str(args[i] as PyObject);
      if (text.length > MAX_TEXT_LENGTH) throw memoryError();
    }
    text += ending;
    if (file !== undefined && file !== None) {
      const write = getAttr(file, 'write');
      return Promise.resolve(callObject(write, [newStr(text)], new Map(), ctx)).then(() => None);
    }
    ctx.write(text);
    return None;
  },
});

export const len = checkedFunction({
  name: 'len',
  doc: 'len(obj): the number of items in a container (bytes in a bytes object, characters in a str).',
  style: 'one',
  params: ['obj'],
  call: ([obj]) => newInt(length(obj as PyObject)),
});

export const reprFn = checkedFunction({
  name: 'repr',
  doc: 'repr(obj): the text Python shows for an object, e.g. b\'hi\\n\' for bytes.',
  style: 'one',
  params: ['obj'],
  call: ([obj]) => newStr(repr(obj as PyObject)),
});

export const ascii = checkedFunction({
  name: 'ascii',
  doc: 'ascii(obj): like repr(), with every non-ASCII character escaped.',
  style: 'one',
  params: ['obj'],
  call: ([obj]) => newStr(asciiEscape(repr(obj as PyObject))),
});

export const format = checkedFunction({
  name: 'format',
  doc: "format(value, format_spec=''): the value formatted by the format mini-language, e.g. format(3.14159, '.2f').",
  style: 'positional',
  params: ['value', 'format_spec?'],
  call: ([value, spec]) => {
    if (spec !== undefined && !(spec instanceof PyStr)) {
      throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
    }
    return newStr(formatValue(value as PyObject, spec?.value ?? ''));
  },
});

export const id = checkedFunction({
  name: 'id',
  doc: "id(obj): the object's identity, an integer unique among the objects alive.",
  style: 'one',
  params: ['obj'],
  call: ([obj]) => newInt((obj as PyObject).address),
});

export const hash = checkedFunction({
  name: 'hash',
  doc: 'hash(obj): the hash value of an object (equal values hash equal).',
  style: 'one',
  params: ['obj'],
  call: ([obj]) => newInt(hashValue(obj as PyObject)),
});

export const callable = checkedFunction({
  name: 'callable',
  doc: 'callable(obj): whether the object can be called.',
  style: 'one',
  params: ['obj'],
  call: ([obj]) => newBool(isCallable(obj as PyObject)),
});

function classInfoCheck(cls: PyObject, test: (t: PyType) => boolean, fname: string): boolean {
  if (cls instanceof PyType) return test(cls);
  if (cls instanceof PyTuple) return cls.items.some((c) => classInfoCheck(c, test, fname));
  throw typeError(`${fname}() arg 2 must be a type, a tuple of types, or a union`);
}

export const isinstance = checkedFunction({
  name: 'isinstance',
  doc: 'isinstance(obj, class_or_tuple): whether obj is an instance of the class (or of a subclass).',
  style: 'positional',
  params: ['obj', 'class_or_tuple'],
  call: ([obj, cls]) => newBool(classInfoCheck(cls as PyObject, (t) => (obj as PyObject).type.isSubtypeOf(t), 'isinstance')),
});

export const issubclass = checkedFunction({
  name: 'issubclass',
  doc: 'issubclass(cls, class_or_tuple): whether cls derives from the class.',
  style: 'positional',
  params: ['cls', 'class_or_tuple'],
  call: ([cls, info]) => {
    if (!(cls instanceof PyType)) throw typeError('issubclass() arg 1 must be a class');
    return newBool(classInfoCheck(info as PyObject, (t) => cls.isSubtypeOf(t), 'issubclass'));
  },
});

function attrName(name: PyObject | undefined): string {
  if (name instanceof PyStr) return name.value;
  throw typeError(`attribute name must be string, not '${(name as PyObject).type.name}'`);
}

export const getattr = checkedFunction({
  name: 'getattr',
  doc: 'getattr(obj, name[, default]): the attribute of that name, or default when there is none.',
  style: 'positional',
  params: ['obj', 'name', 'default?'],
  call: ([obj, name, fallback]) => {
    const n = attrName(name);
    if (fallback === undefined) return getAttr(obj as PyObject, n);
    try {
      return findAttr(obj as PyObject, n) ?? fallback;
    } catch (error) {
      if (error instanceof PyException && error.exc.type.isSubtypeOf(AttributeError)) return fallback;
      throw error;
    }
  },
});

export const hasattr = checkedFunction({
  name: 'hasattr',
  doc: 'hasattr(obj, name): whether the object has an attribute of that name.',
  style: 'positional',
  params: ['obj', 'name'],
  call: ([obj, name]) => {
    const n = attrName(name);
    try {
      return newBool(findAttr(obj as PyObject, n) !== undefined);
    } catch (error) {
      if (error instanceof PyException && error.exc.type.isSubtypeOf(AttributeError)) return newBool(false);
      throw error;
    }
  },
});

export const setattr = checkedFunction({
  name: 'setattr',
  doc: 'setattr(obj, name, value): sets the attribute, like obj.name = value.',
  style: 'positional',
  params: ['obj', 'name', 'value'],
  call: ([obj, name, value]) => {
    setAttr(obj as PyObject, attrName(name), value as PyObject);
    return None;
  },
});

export const delattr = checkedFunction({
  name: 'delattr',
  doc: 'delattr(obj, name): deletes the attribute, like del obj.name.',
  style: 'positional',
  params: ['obj', 'name'],
  call: ([obj, name]) => {
    delAttr(obj as PyObject, attrName(name));
    return None;
  },
});

export const iter = checkedFunction({
  name: 'iter',
  doc: 'iter(iterable): an iterator over the items; next() takes them one at a time.',
  style: 'positional',
  params: ['object', 'sentinel?'],
  call: ([obj, sentinel], ctx) => {
    if (sentinel === undefined) return iterObject(obj as PyObject);
    if (!isCallable(obj as PyObject)) throw typeError('iter(v, w): v must be callable');
    return callableIterator(obj as PyObject, sentinel, ctx);
  },
});

function callableIterator(fn: PyObject, sentinel: PyObject, ctx: CallContext): PyIteratorObject {
  let done = false;
  return new PyIteratorObject('callable_iterator', {
    next: async () => {
      if (done) return undefined;
      const value = await callObject(fn, [], new Map(), ctx);
      if (value === sentinel || equals(value, sentinel)) {
        done = true;
        return undefined;
      }
      return value;
    },
  });
}

export const next = checkedFunction({
  name: 'next',
  doc: 'next(iterator[, default]): the next item, or default (or StopIteration) when it is exhausted.',
  style: 'positional',
  params: ['iterator', 'default?'],
  call: ([it, fallback]) => {
    if (!(it instanceof PyIteratorObject)) throw typeError(`'${(it as PyObject).type.name}' object is not an iterator`);
    const finish = (value: PyObject | undefined): PyObject => {
      if (value !== undefined) return value;
      if (fallback !== undefined) return fallback;
      throw pyError(StopIteration);
    };
    const step = it.next();
    return step instanceof Promise ? step.then(finish) : finish(step);
  },
});

export const input = checkedFunction({
  name: 'input',
  doc: 'input(prompt): in socklab, type the value itself instead.',
  style: 'positional',
  params: ['prompt?'],
  call: () => {
    throw new SocklabNote(unsupportedNote('input'));
  },
});
