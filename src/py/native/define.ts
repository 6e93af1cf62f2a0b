// Helpers for defining native functions and methods whose arguments are checked against a
// Signature first, so each implementation receives one slot per parameter.
import type { CallContext } from '../events';
import type { NativeResult, PyObject, PyType } from '../objects/object';
import { defineMethod, newFunction, type Flavor, type PyNativeFunction } from '../objects/function';
import { parseArgs, sig, type ArgStyle, type Signature } from './args';

export type Slots = (PyObject | undefined)[];

/** What every natively defined function or method declares about its arguments. */
interface CheckedSpec {
  name: string;
  doc: string;
  /** How CPython parses this function's arguments, and its parameters (see args.ts `sig`). */
  style: ArgStyle;
  params?: readonly string[];
  /** Overrides for the signature: qualname for 'noargs'/'one' messages, `method` for 'python'. */
  signature?: Partial<Signature>;
  flavor?: Flavor;
}

export interface CheckedFunctionSpec extends CheckedSpec {
  module?: string;
  call: (args: Slots, ctx: CallContext, rest: { args: PyObject[]; kwargs: ReadonlyMap<string, PyObject> }) => NativeResult;
}

export function checkedFunction(spec: CheckedFunctionSpec): PyNativeFunction {
  const signature = sig(spec.name, spec.style, spec.params ?? [], { qualname: spec.name, ...spec.signature });
  return newFunction({
    name: spec.name,
    doc: spec.doc,
    flavor: spec.flavor,
    module: spec.module,
    call: (args, kwargs, ctx) => spec.call(parseArgs(signature, args, kwargs), ctx, { args, kwargs }),
  });
}

export interface CheckedMethodSpec extends CheckedSpec {
  ownerCName?: string;
  call: (self: PyObject, args: Slots, ctx: CallContext) => NativeResult;
}

/** Defines methods on a type; 'noargs' and 'one' messages use the qualified name ('str.upper()'). */
export function defineCheckedMethods(type: PyType, specs: readonly CheckedMethodSpec[]): void {
  for (const spec of specs) {
    const signature = sig(spec.name, spec.style, spec.params ?? [], {
      qualname: `${type.qualname}.${spec.name}`,
      method: true,
      ...spec.signature,
    });
    defineMethod(type, {
      name: spec.name,
      doc: spec.doc,
      flavor: spec.flavor,
      ownerCName: spec.ownerCName,
      call: (self, args, kwargs, ctx) => spec.call(self, parseArgs(signature, args, kwargs), ctx),
    });
  }
}
