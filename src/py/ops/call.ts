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
 * The method `name` of `obj` when a call `obj.name(...)` can skip making a bound method (CPython's
 * LOAD_METHOD): a method of the object's type that no attribute of the object itself hides.
 */
export function methodOf(obj: PyObject, name: string): PyMethodDescriptor | undefined {
  if (obj instanceof PyType || obj instanceof PyModule) return undefined;
  const found = obj.type.lookup(name);
  return found instanceof PyMethodDescriptor && obj.dict?.has(name) !== true ? found : undefined;
}

/** obj.name(*args, **kwargs): the same result as getting the attribute and calling it. */
export function callMethod(obj: PyObject, name: string, args: PyObject[], kwargs: Kwargs, ctx: CallContext): NativeResult {
  const method = methodOf(obj, name);
  return method ? method.impl(obj, args, kwargs, ctx) : callObject(getAttr(obj, name), args, kwargs, ctx);
}
