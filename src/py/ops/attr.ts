// Attribute access (obj.name), assignment, deletion and dir(), following CPython's lookup order:
// data descriptors (properties) first, then the instance's own attributes, then methods.
import { PyObject, PyType } from '../objects/object';
import { None } from '../objects/none';
import { newStr } from '../objects/str';
import { newTuple } from '../objects/tuple';
import { PyModule } from '../objects/module';
import {
  PyBoundMethod,
  PyClassMethodDescriptor,
  PyMethodDescriptor,
  PyNativeFunction,
  PyProperty,
} from '../objects/function';
import { attributeError, typeError } from '../exceptions/raise';

function docOf(obj: PyObject): PyObject {
  if (obj instanceof PyType) return obj.doc ? newStr(obj.doc) : None;
  if (obj instanceof PyNativeFunction || obj instanceof PyMethodDescriptor || obj instanceof PyClassMethodDescriptor || obj instanceof PyProperty) {
    return obj.doc ? newStr(obj.doc) : None;
  }
  if (obj instanceof PyBoundMethod) return obj.descriptor.doc ? newStr(obj.descriptor.doc) : None;
  if (obj instanceof PyModule) return obj.doc ? newStr(obj.doc) : None;
  return obj.type.doc ? newStr(obj.type.doc) : None;
}

// The few dunder attributes this subset supports on every kind of object.
function specialAttr(obj: PyObject, name: string): PyObject | undefined {
  switch (name) {
    case '__class__':
      return obj.type;
    case '__doc__':
      return docOf(obj);
    case '__name__':
      if (obj instanceof PyType) return newStr(obj.name);
      if (obj instanceof PyModule) return newStr(obj.name);
      if (obj instanceof PyNativeFunction || obj instanceof PyMethodDescriptor) return newStr(obj.name);
      if (obj instanceof PyBoundMethod) return newStr(obj.descriptor.name);
      return undefined;
    case '__qualname__':
      if (obj instanceof PyType) return newStr(obj.qualname);
      if (obj instanceof PyNativeFunction) return newStr(obj.qualname);
      return undefined;
    case '__module__':
      if (obj instanceof PyType) return newStr(obj.module);
      return undefined;
    case '__mro__':
      return obj instanceof PyType ? newTuple(obj.mro) : undefined;
    case '__bases__':
      return obj instanceof PyType ? newTuple(obj.bases) : undefined;
    case '__self__':
      if (obj instanceof PyNativeFunction) return obj.boundSelf ?? None;
      if (obj instanceof PyBoundMethod) return obj.self;
      return undefined;
    default:
      return undefined;
  }
}

function typeAttribute(cls: PyType, name: string): PyObject | undefined {
  const found = cls.lookup(name);
  if (found instanceof PyClassMethodDescriptor) return found.bind(cls);
  if (found !== undefined) return found;
  return specialAttr(cls, name);
}

/** obj.name, or undefined when there is no such attribute. */
export function findAttr(obj: PyObject, name: string): PyObject | undefined {
  if (obj instanceof PyType) return typeAttribute(obj, name);
  if (obj instanceof PyModule) return obj.dict.get(name) ?? specialAttr(obj, name);
  const found = obj.type.lookup(name);
  if (found instanceof PyProperty) return found.get(obj);
  const own = obj.dict?.get(name);
  if (own !== undefined) return own;
  if (found instanceof PyMethodDescriptor) return found.bind(obj);
  if (found instanceof PyClassMethodDescriptor) return found.bind(obj.type);
  if (found !== undefined) return found;
  const special = specialAttr(obj, name);
  if (special !== undefined) return special;
  return obj.type.hook('getAttribute')?.(obj, name);
}

export function noAttribute(obj: PyObject, name: string) {
  if (obj instanceof PyModule) return attributeError(`module '${obj.name}' has no attribute '${name}'`, obj, name);
  if (obj instanceof PyType) return attributeError(`type object '${obj.name}' has no attribute '${name}'`, obj, name);
  return attributeError(`'${obj.type.name}' object has no attribute '${name}'`, obj, name);
}

export function getAttr(obj: PyObject, name: string): PyObject {
  const found = findAttr(obj, name);
  if (found === undefined) throw noAttribute(obj, name);
  return found;
}

export function setAttr(obj: PyObject, name: string, value: PyObject): void {
  if (obj instanceof PyType) {
    if (obj.module === 'builtins') throw typeError(`cannot set '${name}' attribute of immutable type '${obj.name}'`);
    obj.attrs.set(name, value);
    return;
  }
  const found = obj.type.lookup(name);
  if (found instanceof PyProperty) {
    if (!found.set) {
      throw attributeError(`property '${name}' of '${obj.type.name}' object has no setter`, null, null);
    }
    found.set(obj, value);
    return;
  }
  if (obj.dict) {
    obj.dict.set(name, value);
    return;
  }
  if (found !== undefined) {
    throw attributeError(`'${obj.type.name}' object attribute '${name}' is read-only`, null, null);
  }
  throw attributeError(`'${obj.type.name}' object has no attribute '${name}'`, obj, name);
}

export function delAttr(obj: PyObject, name: string): void {
  if (obj instanceof PyType) {
    if (obj.module === 'builtins') throw typeError(`cannot delete '${name}' attribute of immutable type '${obj.name}'`);
    if (!obj.attrs.delete(name)) throw noAttribute(obj, name);
    return;
  }
  const found = obj.type.lookup(name);
  if (found instanceof PyProperty) {
    throw attributeError(`property '${name}' of '${obj.type.name}' object has no deleter`, null, null);
  }
  if (obj.dict?.delete(name)) return;
  if (found !== undefined) {
    throw attributeError(`'${obj.type.name}' object attribute '${name}' is read-only`, null, null);
  }
  throw noAttribute(obj, name);
}

/** dir(obj): the attribute names, sorted. */
export function dirOf(obj: PyObject): string[] {
  const names = new Set<string>(['__class__', '__doc__']);
  const types = obj instanceof PyType ? obj.mro : obj.type.mro;
  for (const t of types) for (const k of t.attrs.keys()) names.add(k);
  if (obj instanceof PyType) for (const k of ['__name__', '__qualname__', '__module__', '__mro__', '__bases__']) names.add(k);
  if (obj instanceof PyModule) names.add('__name__');
  if (obj.dict) for (const k of obj.dict.keys()) names.add(k);
  for (const k of obj.type.hook('dir')?.(obj) ?? []) names.add(k);
  return [...names].sort(compareNames);
}

/** Python's default sort of str: by code point. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
