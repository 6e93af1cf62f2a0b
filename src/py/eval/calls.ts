// Calls: positional, keyword, *iterable and **mapping arguments, then the callee with a context
// that carries the call's source text (`conn.recv(1024)`).
import type { Expr } from '../syntax/ast';
import { PyObject, PyType } from '../objects/object';
import { PyStr } from '../objects/str';
import { PyDict } from '../objects/dict';
import { PyBoundMethod, PyMethodDescriptor, PyNativeFunction } from '../objects/function';
import { calleeOf, callCallee, type Callee } from '../ops/call';
import { collect, isIterable } from '../ops/iter';
import { typeError } from '../exceptions/raise';
import type { Frame, LocalScope } from './frame';
import { evalExpr } from './expressions';

/** How CPython names a callable in argument errors: 'len()', 'socket.recv()'. */
function functionText(fn: PyObject): string {
  if (fn instanceof PyNativeFunction) return `${fn.qualname}()`;
  if (fn instanceof PyBoundMethod) return `${fn.descriptor.owner.qualname}.${fn.descriptor.name}()`;
  if (fn instanceof PyMethodDescriptor) return `${fn.owner.qualname}.${fn.name}()`;
  if (fn instanceof PyType) return `${fn.qualname}()`;
  return `${fn.type.name} object`;
}

async function evalCallee(func: Expr, f: Frame, scope: LocalScope | null): Promise<Callee> {
  if (func.kind === 'Attribute') return calleeOf(await evalExpr(func.value, f, scope), func.attr);
  return { fn: await evalExpr(func, f, scope) };
}

export async function evalCall(e: Extract<Expr, { kind: 'Call' }>, f: Frame, scope: LocalScope | null): Promise<PyObject> {
  const callee = await evalCallee(e.func, f, scope);
  const fn = callee.fn;
  const args: PyObject[] = [];
  for (const a of e.args) {
    if (a.kind === 'Starred') {
      const iterable = await evalExpr(a.value, f, scope);
      if (!isIterable(iterable)) {
        throw typeError(`${functionText(fn)} argument after * must be an iterable, not ${iterable.type.name}`);
      }
      args.push(...(await collect(iterable)));
    } else {
      args.push(await evalExpr(a, f, scope));
    }
  }
  const kwargs = new Map<string, PyObject>();
  for (const k of e.keywords) {
    const value = await evalExpr(k.value, f, scope);
    if (k.name !== null) {
      kwargs.set(k.name, value);
      continue;
    }
    if (!(value instanceof PyDict)) {
      throw typeError(`${functionText(fn)} argument after ** must be a mapping, not ${value.type.name}`);
    }
    for (const { key, value: v } of value.entries.values()) {
      if (!(key instanceof PyStr)) throw typeError('keywords must be strings');
      if (kwargs.has(key.value)) {
        throw typeError(`${functionText(fn)} got multiple values for keyword argument '${key.value}'`);
      }
      kwargs.set(key.value, v);
    }
  }
  const result = callCallee(callee, args, kwargs, f.callContext(e.start, e.end));
  return result instanceof Promise ? await result : result;
}
