// Native callables and the descriptors that put them on types.
// Two flavours mirror CPython: 'builtin' functions and methods written in C (`<built-in function
// len>`, `<built-in method bind of socket object at 0x...>`), and 'python' ones written in Python in
// CPython's standard library (`<function create_connection at 0x...>`, `<bound method socket.accept
// of <socket.socket ...>>`). The flavour decides the repr; argument errors follow the Signature style.
import type { CallContext } from '../events';
import { PyObject, PyType, hexAddress, type Kwargs, type NativeResult } from './object';
import { repr } from '../ops/repr';
import { typeError } from '../exceptions/raise';

export type Flavor = 'builtin' | 'python';
export type NativeCall = (args: PyObject[], kwargs: Kwargs, ctx: CallContext) => NativeResult;
export type NativeMethodCall = (self: PyObject, args: PyObject[], kwargs: Kwargs, ctx: CallContext) => NativeResult;

export const builtinFunctionType = new PyType({ name: 'builtin_function_or_method' });
export const functionType = new PyType({ name: 'function' });
export const boundMethodType = new PyType({ name: 'method' });
export const methodDescriptorType = new PyType({ name: 'method_descriptor' });
export const classMethodDescriptorType = new PyType({ name: 'classmethod_descriptor' });
export const propertyType = new PyType({ name: 'property' });

/** A function object: a module-level function, or a built-in method bound to its object. */
export class PyNativeFunction extends PyObject {
  readonly name: string;
  readonly qualname: string;
  readonly doc: string;
  readonly flavor: Flavor;
  readonly impl: NativeCall;
  /** The object a built-in method is bound to (CPython's __self__), or null for a plain function. */
  readonly boundSelf: PyObject | null;
  readonly module: string | null;

  constructor(options: {
    name: string;
    qualname?: string;
    doc: string;
    flavor?: Flavor;
    impl: NativeCall;
    boundSelf?: PyObject | null;
    module?: string | null;
  }) {
    const flavor = options.flavor ?? 'builtin';
    super(flavor === 'python' ? functionType : builtinFunctionType);
    this.name = options.name;
    this.qualname = options.qualname ?? options.name;
    this.doc = options.doc;
    this.flavor = flavor;
    this.impl = options.impl;
    this.boundSelf = options.boundSelf ?? null;
    this.module = options.module ?? null;
  }
}

/** A method defined on a type; looking it up on an instance binds it. */
export class PyMethodDescriptor extends PyObject {
  readonly name: string;
  readonly owner: PyType;
  readonly doc: string;
  readonly flavor: Flavor;
  readonly impl: NativeMethodCall;
  /** The defining type's C name in reprs, when it differs from the Python one ('_socket.socket'). */
  readonly ownerCName: string;

  constructor(owner: PyType, spec: MethodSpec) {
    super(methodDescriptorType);
    this.name = spec.name;
    this.owner = owner;
    this.doc = spec.doc;
    this.flavor = spec.flavor ?? 'builtin';
    this.impl = spec.call;
    this.ownerCName = spec.ownerCName ?? owner.name;
  }

  bind(self: PyObject): PyObject {
    if (this.flavor === 'python') return new PyBoundMethod(this, self);
    const impl = this.impl;
    return new PyNativeFunction({
      name: this.name,
      qualname: `${this.owner.qualname}.${this.name}`,
      doc: this.doc,
      impl: (args, kwargs, ctx) => impl(self, args, kwargs, ctx),
      boundSelf: self,
    });
  }

  /** Called through the type: `str.upper('a')`, `socket.socket.accept(s)`. */
  callUnbound(args: PyObject[], kwargs: Kwargs, ctx: CallContext): NativeResult {
    const self = args[0];
    if (self === undefined) {
      throw typeError(`unbound method ${this.owner.qualname}.${this.name}() needs an argument`);
    }
    if (!self.type.isSubtypeOf(this.owner)) {
      throw typeError(
        `descriptor '${this.name}' for '${this.owner.name}' objects doesn't apply to a '${self.type.name}' object`,
      );
    }
    return this.impl(self, args.slice(1), kwargs, ctx);
  }
}

/** A class method: bound to the type whether looked up on the type or an instance (int.from_bytes). */
export class PyClassMethodDescriptor extends PyObject {
  readonly name: string;
  readonly owner: PyType;
  readonly doc: string;
  readonly impl: NativeMethodCall;

  constructor(owner: PyType, spec: MethodSpec) {
    super(classMethodDescriptorType);
    this.name = spec.name;
    this.owner = owner;
    this.doc = spec.doc;
    this.impl = spec.call;
  }

  bind(cls: PyType): PyNativeFunction {
    const impl = this.impl;
    return new PyNativeFunction({
      name: this.name,
      qualname: `${this.owner.qualname}.${this.name}`,
      doc: this.doc,
      impl: (args, kwargs, ctx) => impl(cls, args, kwargs, ctx),
      boundSelf: cls,
    });
  }
}

/** A computed attribute (CPython's getset descriptors and properties). */
export class PyProperty extends PyObject {
  readonly name: string;
  readonly owner: PyType;
  readonly doc: string;
  /** 'builtin': a C getset (`<attribute 'real' of 'int' objects>`); 'member': a C struct member
   * (`<member 'errno' of 'OSError' objects>`); 'python': a property object. */
  readonly flavor: Flavor | 'member';
  readonly get: (self: PyObject) => PyObject;
  readonly set: ((self: PyObject, value: PyObject) => void) | null;

  constructor(owner: PyType, spec: PropertySpec) {
    super(propertyType);
    this.name = spec.name;
    this.owner = owner;
    this.doc = spec.doc;
    this.get = spec.get;
    this.set = spec.set ?? null;
    this.flavor = spec.flavor ?? 'builtin';
  }
}

/** A Python-level method bound to its object: `<bound method socket.accept of <socket.socket ...>>`. */
export class PyBoundMethod extends PyObject {
  readonly descriptor: PyMethodDescriptor;
  readonly self: PyObject;
  constructor(descriptor: PyMethodDescriptor, self: PyObject) {
    super(boundMethodType);
    this.descriptor = descriptor;
    this.self = self;
  }
}

export interface MethodSpec {
  name: string;
  /** One paragraph: what help() shows. */
  doc: string;
  flavor?: Flavor;
  ownerCName?: string;
  call: NativeMethodCall;
}

export interface PropertySpec {
  name: string;
  doc: string;
  flavor?: Flavor | 'member';
  get: (self: PyObject) => PyObject;
  set?: (self: PyObject, value: PyObject) => void;
}

export function defineMethod(type: PyType, spec: MethodSpec): PyMethodDescriptor {
  const descriptor = new PyMethodDescriptor(type, spec);
  type.attrs.set(spec.name, descriptor);
  return descriptor;
}

export function defineMethods(type: PyType, specs: readonly MethodSpec[]): void {
  for (const spec of specs) defineMethod(type, spec);
}

export function defineClassMethod(type: PyType, spec: MethodSpec): PyClassMethodDescriptor {
  const descriptor = new PyClassMethodDescriptor(type, spec);
  type.attrs.set(spec.name, descriptor);
  return descriptor;
}

export function defineProperty(type: PyType, spec: PropertySpec): PyProperty {
  const property = new PyProperty(type, spec);
  type.attrs.set(spec.name, property);
  return property;
}

export interface FunctionSpec {
  name: string;
  doc: string;
  flavor?: Flavor;
  /** The module whose function this is ('socket'); shown by help(). */
  module?: string;
  call: NativeCall;
}

export function newFunction(spec: FunctionSpec): PyNativeFunction {
  return new PyNativeFunction({
    name: spec.name,
    doc: spec.doc,
    flavor: spec.flavor ?? 'builtin',
    impl: spec.call,
    module: spec.module ?? null,
  });
}

builtinFunctionType.hooks.repr = (obj) => {
  const fn = obj as PyNativeFunction;
  if (fn.boundSelf === null || fn.boundSelf.type.name === 'module') return `<built-in function ${fn.name}>`;
  const self = fn.boundSelf;
  const selfName = self instanceof PyType ? 'type' : self.type.name;
  return `<built-in method ${fn.name} of ${selfName} object at ${hexAddress(self)}>`;
};
functionType.hooks.repr = (obj) => `<function ${(obj as PyNativeFunction).qualname} at ${hexAddress(obj)}>`;
methodDescriptorType.hooks.repr = (obj) => {
  const d = obj as PyMethodDescriptor;
  if (d.flavor === 'python') return `<function ${d.owner.qualname}.${d.name} at ${hexAddress(d)}>`;
  return `<method '${d.name}' of '${d.ownerCName}' objects>`;
};
classMethodDescriptorType.hooks.repr = (obj) => {
  const d = obj as PyClassMethodDescriptor;
  return `<method '${d.name}' of '${d.owner.name}' objects>`;
};
propertyType.hooks.repr = (obj) => {
  const p = obj as PyProperty;
  if (p.flavor === 'python') return `<property object at ${hexAddress(p)}>`;
  return `<${p.flavor === 'member' ? 'member' : 'attribute'} '${p.name}' of '${p.owner.name}' objects>`;
};
boundMethodType.hooks.repr = (obj) => {
  const m = obj as PyBoundMethod;
  return `<bound method ${m.descriptor.owner.qualname}.${m.descriptor.name} of ${repr(m.self)}>`;
};
