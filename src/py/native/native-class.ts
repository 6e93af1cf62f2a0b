// Defining a native class (what the socket module's socket.socket is): a type with a constructor,
// a repr, methods (built-in or Python-level flavour, with CPython's argument errors) and properties.
import { PyType, type TypeHooks, type PyObject } from '../objects/object';
import { defineProperty, type PropertySpec } from '../objects/function';
import { defineCheckedMethods, type CheckedMethodSpec } from './define';

export interface NativeClassSpec {
  name: string;
  /** 'socket' for socket.socket: the repr is `<class 'socket.socket'>`. */
  module: string;
  qualname?: string;
  doc: string;
  bases?: PyType[];
  /** Calling the class. */
  construct?: TypeHooks['construct'];
  repr?: (obj: PyObject) => string;
  /** Any other behaviour (truthiness, iteration, equality ...). */
  hooks?: TypeHooks;
  methods?: readonly CheckedMethodSpec[];
  properties?: readonly PropertySpec[];
  /** Instances accept new attributes (`s.note = 1`), as instances of Python classes do. */
  instanceDict?: boolean;
}

export function defineNativeClass(spec: NativeClassSpec): PyType {
  const type = new PyType({
    name: spec.name,
    module: spec.module,
    qualname: spec.qualname,
    doc: spec.doc,
    bases: spec.bases,
    instanceDict: spec.instanceDict,
    hooks: { ...spec.hooks, ...(spec.construct ? { construct: spec.construct } : {}), ...(spec.repr ? { repr: spec.repr } : {}) },
  });
  if (spec.methods) defineCheckedMethods(type, spec.methods);
  for (const property of spec.properties ?? []) defineProperty(type, property);
  return type;
}
