// Calling any callable object: native functions, bound methods, method descriptors, types.
import { PyObject, PyType, type Kwargs, type NativeResult } from '../objects/object';
import { PyBoundMethod, PyMethodDescriptor, PyNativeFunction } from '../objects/function';
import type { CallContext } from '../events';
import { PyModule } from '../objects/module';
import { typeError } from '../exceptions/raise';
import { getAttr } from './attr';

export function isCallable(obj: PyObject): boolean {
  return (
    obj instanceof PyNativeFunction ||
    obj instanceof PyBoundMethod ||
    obj instanceof PyMethodDescriptor ||
    obj instanceof PyType ||
    obj.type.hook('call') !== undefined
  );
}

export function callObject(fn: PyObject, args: PyObject[], kwargs: Kwargs, ctx: CallContext): NativeResult {
  if (fn instanceof PyNativeFunction) return fn.impl(args, kwargs, ctx);
  if (fn instanceof PyBoundMethod) return fn.descriptor.impl(fn.self, args, kwargs, ctx);
  if (fn instanceof PyMethodDescriptor) return fn.callUnbound(args, kwargs, ctx);
  if (fn instanceof PyType) {
    const construct = fn.hook('construct');
    if (!construct) throw typeError(`cannot create '${fn.fullName}' instances`);
    return construct(fn, args, kwargs, ctx);
  }
  const call = fn.type.hook('call');
  if (call) return call(fn, args, kwargs, ctx);
  throw typeError(`'${fn.type.name}' object is not callable`);
}

/**
 * What a call `obj.name(...)` calls. When `name` is a method of the object's type that no attribute of
 * the object itself hides, that is the method and obj, with no bound method made in between (CPython's
 * LOAD_METHOD); otherwise it is the attribute's value.
 */
export type Callee = { fn: PyObject; self?: undefined } | { fn: PyMethodDescriptor; self: PyObject };

export function calleeOf(obj: PyObject, name: string): Callee {
  if (!(obj instanceof PyType) && !(obj instanceof PyModule)) {
    const found = obj.type.lookup(name);
    if (found instanceof PyMethodDescriptor && obj.dict?.has(name) !== true) return { fn: found, self: obj };
  }
  return { fn: getAttr(obj, name) };
}

export function callCallee(callee: Callee, args: PyObject[], kwargs: Kwargs, ctx: CallContext): NativeResult {
  return callee.self !== undefined ? callee.fn.impl(callee.self, args, kwargs, ctx) : callObject(callee.fn, args, kwargs, ctx);
}
