// Assignment to targets (names, attributes, subscripts, and unpacking into tuples and lists with one
// starred target) and deletion, with CPython's unpacking errors.
import type { Expr } from '../syntax/ast';
import type { PyObject } from '../objects/object';
import { PyList } from '../objects/list';
import { setAttr, delAttr } from '../ops/attr';
import { setItem, delItem } from '../ops/subscript';
import { collect, isIterable } from '../ops/iter';
import { typeError, valueError } from '../exceptions/raise';
import type { Frame, LocalScope } from './frame';
import { evalExpr, evalSubscriptKey } from './expressions';

async function unpack(targets: readonly Expr[], value: PyObject, f: Frame, scope: LocalScope | null): Promise<void> {
  if (!isIterable(value)) throw typeError(`cannot unpack non-iterable ${value.type.name} object`);
  const items = await collect(value);
  const starAt = targets.findIndex((t) => t.kind === 'Starred');
  if (starAt < 0) {
    if (items.length > targets.length) throw valueError(`too many values to unpack (expected ${targets.length})`);
    if (items.length < targets.length) {
      throw valueError(`not enough values to unpack (expected ${targets.length}, got ${items.length})`);
    }
    for (let i = 0; i < targets.length; i++) await assignTo(targets[i] as Expr, items[i] as PyObject, f, scope);
    return;
  }
  const after = targets.length - starAt - 1;
  if (items.length < targets.length - 1) {
    throw valueError(`not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
  }
  for (let i = 0; i < starAt; i++) await assignTo(targets[i] as Expr, items[i] as PyObject, f, scope);
  const starred = targets[starAt] as Extract<Expr, { kind: 'Starred' }>;
  await assignTo(starred.value, new PyList(items.slice(starAt, items.length - after)), f, scope);
  for (let i = 0; i < after; i++) {
    await assignTo(targets[starAt + 1 + i] as Expr, items[items.length - after + i] as PyObject, f, scope);
  }
}

export async function assignTo(target: Expr, value: PyObject, f: Frame, scope: LocalScope | null): Promise<void> {
  switch (target.kind) {
    case 'Name':
      f.bind(target.id, value, scope);
      return;
    case 'Attribute':
      setAttr(await evalExpr(target.value, f, scope), target.attr, value);
      return;
    case 'Subscript': {
      const obj = await evalExpr(target.value, f, scope);
      const key = await evalSubscriptKey(target.index, f, scope);
      const done = setItem(obj, key, value);
      if (done instanceof Promise) await done;
      return;
    }
    case 'Tuple':
    case 'List':
      return unpack(target.elts, value, f, scope);
    default:
      throw typeError(`cannot assign to ${target.kind}`);
  }
}

export async function deleteTarget(target: Expr, f: Frame, scope: LocalScope | null): Promise<void> {
  switch (target.kind) {
    case 'Name':
      f.unbind(target.id, scope);
      return;
    case 'Attribute':
      delAttr(await evalExpr(target.value, f, scope), target.attr);
      return;
    case 'Subscript': {
      const obj = await evalExpr(target.value, f, scope);
      delItem(obj, await evalSubscriptKey(target.index, f, scope));
      return;
    }
    case 'Tuple':
    case 'List':
      for (const t of target.elts) await deleteTarget(t, f, scope);
      return;
    default:
      throw typeError(`cannot delete ${target.kind}`);
  }
}
