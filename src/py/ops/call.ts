// Calling any callable object: native functions, bound methods, method descriptors, types.
import { PyObject, PyType, type Kwargs, type NativeResult } from '../objects/object';
import { PyBoundMethod, PyMethodDescriptor, PyNativeFunction } from '../objects/function';
import type { CallContext } from '../events';
import { typeError } from '../exceptions/raise';

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
