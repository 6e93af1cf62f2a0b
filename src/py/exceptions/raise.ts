// Shorthands for raising built-in exceptions from native code: `throw typeError('...')`.
import type { PyObject, PyType } from '../objects/object';
import { newStr } from '../objects/str';
import {
  AttributeError,
  IndexError,
  KeyError,
  LookupError,
  MemoryError,
  NameError,
  OverflowError,
  PyException,
  RuntimeError,
  StopIteration,
  TypeError_,
  ValueError,
  ZeroDivisionError,
  instantiateException,
} from './classes';

/** An exception of `type` with the given args (a message string is the usual single arg). */
export function pyError(type: PyType, ...args: (string | PyObject)[]): PyException {
  return new PyException(instantiateException(type, args.map((a) => (typeof a === 'string' ? newStr(a) : a))));
}

export const typeError = (message: string): PyException => pyError(TypeError_, message);
export const valueError = (message: string): PyException => pyError(ValueError, message);
export const indexError = (message: string): PyException => pyError(IndexError, message);
export const overflowError = (message: string): PyException => pyError(OverflowError, message);
export const zeroDivisionError = (message: string): PyException => pyError(ZeroDivisionError, message);
export const lookupError = (message: string): PyException => pyError(LookupError, message);
export const runtimeError = (message: string): PyException => pyError(RuntimeError, message);
export const memoryError = (): PyException => pyError(MemoryError);
export const keyError = (key: PyObject): PyException => pyError(KeyError, key);
export const stopIteration = (): PyException => pyError(StopIteration);

/** NameError with its `name` attribute, which the console uses for "Did you mean" suggestions. */
export function nameError(name: string): PyException {
  const error = pyError(NameError, `name '${name}' is not defined`);
  error.exc.slots.set('name', newStr(name));
  return error;
}

/** AttributeError with `name` and `obj`, which the console uses for "Did you mean" suggestions. */
export function attributeError(message: string, obj: PyObject | null, name: string | null): PyException {
  const error = pyError(AttributeError, message);
  if (name !== null) error.exc.slots.set('name', newStr(name));
  if (obj !== null) error.exc.slots.set('obj', obj);
  return error;
}

export function isPyException(error: unknown, type?: PyType): error is PyException {
  return error instanceof PyException && (type === undefined || error.exc.type.isSubtypeOf(type));
}
