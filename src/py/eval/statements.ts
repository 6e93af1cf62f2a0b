// Executes statements: expression statements echo their value as the console does (and set `_`),
// assignments, augmented assignments, imports, del, pass, assert.
import type { Expr, Stmt } from '../syntax/ast';
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { PyStr, newStr } from '../objects/str';
import { PyDict } from '../objects/dict';
import type { PyModule } from '../objects/module';
import { getAttr, setAttr, findAttr } from '../ops/attr';
import { getItem, setItem } from '../ops/subscript';
import { inplaceOp, type BinaryOp } from '../ops/binary';
import { isTruthy } from '../ops/basic';
import { sequenceItems } from '../ops/iter';
import { repr } from '../ops/repr';
import { pyError } from '../exceptions/raise';
import { AssertionError, ImportError } from '../exceptions/classes';
import type { Frame, LocalScope } from './frame';
import { evalExpr, evalSubscriptKey } from './expressions';
import { assignTo, deleteTarget } from './assign';

/** sys.displayhook: print the repr of a non-None value and keep it as `_`. */
function display(value: PyObject, f: Frame): void {
  if (value === None) return;
  f.builtins.set('_', None);
  f.write(`${repr(value)}\n`);
  f.builtins.set('_', value);
}

async function augAssign(s: Extract<Stmt, { kind: 'AugAssign' }>, f: Frame, scope: LocalScope | null): Promise<void> {
  const target = s.target;
  const apply = async (current: PyObject): Promise<PyObject> => {
    const value = await evalExpr(s.value, f, scope);
    const result = inplaceOp(s.op as BinaryOp, current, value);
    return result instanceof Promise ? await result : result;
  };
  if (target.kind === 'Name') {
    f.bind(target.id, await apply(f.lookup(target.id, scope)), scope);
  } else if (target.kind === 'Attribute') {
    const obj = await evalExpr(target.value, f, scope);
    setAttr(obj, target.attr, await apply(getAttr(obj, target.attr)));
  } else if (target.kind === 'Subscript') {
    const obj = await evalExpr(target.value, f, scope);
    const key = await evalSubscriptKey(target.index, f, scope);
    const done = setItem(obj, key, await apply(getItem(obj, key)));
    if (done instanceof Promise) await done;
  }
}

function moduleOrigin(module: PyModule): string {
  const match = /^from '(.*)'$/.exec(module.origin);
  return match ? (match[1] as string) : 'unknown location';
}

async function importFrom(s: Extract<Stmt, { kind: 'ImportFrom' }>, f: Frame, scope: LocalScope | null): Promise<void> {
  if (s.level > 0) {
    throw pyError(ImportError, 'attempted relative import with no known parent package');
  }
  const module = await f.interpreter.modules.load(s.module);
  if (s.names === '*') {
    // The module's __all__ when it has one, else every public name.
    const all = module.get('__all__');
    const listed = all ? sequenceItems(all) : null;
    const names = listed
      ? listed.filter((n): n is PyStr => n instanceof PyStr).map((n) => n.value)
      : [...module.dict.keys()].filter((n) => !n.startsWith('_'));
    for (const name of names) {
      const value = module.get(name);
      if (value !== undefined) f.bind(name, value, scope);
    }
    return;
  }
  for (const alias of s.names) {
    const value = findAttr(module, alias.name);
    if (value === undefined) {
      const error = pyError(ImportError, `cannot import name '${alias.name}' from '${module.name}' (${moduleOrigin(module)})`);
      error.exc.slots.set('name', newStr(module.name));
      throw error;
    }
    f.bind(alias.asname ?? alias.name, value, scope);
  }
}

export async function execStatement(s: Stmt, f: Frame, scope: LocalScope | null = null): Promise<void> {
  switch (s.kind) {
    case 'Expr': {
      const value = await evalExpr(s.value, f, scope);
      f.lastValue = value;
      display(value, f);
      return;
    }
    case 'Assign': {
      const value = await evalExpr(s.value, f, scope);
      f.lastValue = value;
      for (const target of s.targets) await assignTo(target, value, f, scope);
      return;
    }
    case 'AugAssign':
      return augAssign(s, f, scope);
    case 'AnnAssign': {
      const annotation = await evalExpr(s.annotation, f, scope);
      if (s.value !== null) await assignTo(s.target, await evalExpr(s.value, f, scope), f, scope);
      if (s.target.kind === 'Name') {
        const annotations = f.globals.get('__annotations__');
        if (annotations instanceof PyDict) annotations.set(newStr(s.target.id), annotation);
      }
      return;
    }
    case 'Import':
      for (const alias of s.names) {
        const module = await f.interpreter.modules.load(alias.name);
        f.bind(alias.asname ?? (alias.name.split('.')[0] as string), module, scope);
      }
      return;
    case 'ImportFrom':
      return importFrom(s, f, scope);
    case 'Delete':
      for (const target of s.targets) await deleteTarget(target, f, scope);
      return;
    case 'Pass':
      return;
    case 'Assert': {
      if (isTruthy(await evalExpr(s.test, f, scope))) return;
      const msg = s.msg === null ? null : await evalExpr(s.msg as Expr, f, scope);
      throw msg === null ? pyError(AssertionError) : pyError(AssertionError, msg);
    }
  }
}
