// Evaluates expression nodes. Only calls can wait (a native function may return a promise), but
// every node is evaluated through one async function: a pure statement still costs microseconds.
import type { Expr } from '../syntax/ast';
import type { PyObject } from '../objects/object';
import { None, Ellipsis } from '../objects/none';
import { newBool, newInt, True, False } from '../objects/int';
import { newFloat } from '../objects/float';
import { newStr } from '../objects/str';
import { PyBytes, latin1Bytes } from '../objects/bytes';
import { newTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict, PySet } from '../objects/dict';
import { PySlice } from '../objects/range';
import { MAX_ITEMS } from '../objects/limits';
import { getAttr } from '../ops/attr';
import { getItem } from '../ops/subscript';
import { binaryOp, unaryOp } from '../ops/binary';
import { compare, type CompareOp } from '../ops/compare';
import { contains, isTruthy } from '../ops/basic';
import { collect } from '../ops/iter';
import { memoryError, typeError } from '../exceptions/raise';
import type { Frame, LocalScope } from './frame';
import { evalCall } from './calls';
import { evalComprehension } from './comprehension';
import { evalFString } from './fstring';

function constant(e: Extract<Expr, { kind: 'Constant' }>): PyObject {
  const c = e.value;
  switch (c.type) {
    case 'int':
      return newInt(c.value);
    case 'float':
      return newFloat(c.value);
    case 'str':
      return newStr(c.value);
    case 'bytes':
      return new PyBytes(latin1Bytes(c.value));
    case 'bool':
      return c.value ? True : False;
    case 'None':
      return None;
    case 'Ellipsis':
      return Ellipsis;
  }
}

/** Elements of a display, with `*iterable` unpacked in place. */
export async function evalElements(elts: readonly Expr[], f: Frame, scope: LocalScope | null): Promise<PyObject[]> {
  const out: PyObject[] = [];
  for (const elt of elts) {
    if (elt.kind === 'Starred') {
      out.push(...(await collect(await evalExpr(elt.value, f, scope))));
      if (out.length > MAX_ITEMS) throw memoryError();
    } else {
      out.push(await evalExpr(elt, f, scope));
    }
  }
  return out;
}

export async function evalSubscriptKey(e: Expr, f: Frame, scope: LocalScope | null): Promise<PyObject> {
  if (e.kind === 'Slice') {
    const part = async (x: Expr | null) => (x === null ? None : evalExpr(x, f, scope));
    return new PySlice(await part(e.lower), await part(e.upper), await part(e.step));
  }
  if (e.kind === 'Tuple' && e.elts.some((x) => x.kind === 'Slice')) {
    const items: PyObject[] = [];
    for (const x of e.elts) items.push(await evalSubscriptKey(x, f, scope));
    return newTuple(items);
  }
  return evalExpr(e, f, scope);
}

export async function compareValues(op: string, left: PyObject, right: PyObject): Promise<boolean> {
  switch (op) {
    case 'in':
      return contains(right, left);
    case 'not in':
      return !(await contains(right, left));
    case 'is':
      return left === right;
    case 'is not':
      return left !== right;
    default:
      return compare(op as CompareOp, left, right);
  }
}

async function evalDict(e: Extract<Expr, { kind: 'Dict' }>, f: Frame, scope: LocalScope | null): Promise<PyObject> {
  const dict = new PyDict();
  for (let i = 0; i < e.values.length; i++) {
    const keyNode = e.keys[i];
    if (keyNode === null || keyNode === undefined) {
      const mapping = await evalExpr(e.values[i] as Expr, f, scope);
      if (!(mapping instanceof PyDict)) throw typeError(`'${mapping.type.name}' object is not a mapping`);
      for (const entry of mapping.entries.values()) dict.set(entry.key, entry.value);
      continue;
    }
    const key = await evalExpr(keyNode, f, scope);
    const value = await evalExpr(e.values[i] as Expr, f, scope);
    dict.set(key, value);
  }
  return dict;
}

export async function evalExpr(e: Expr, f: Frame, scope: LocalScope | null): Promise<PyObject> {
  switch (e.kind) {
    case 'Constant':
      return constant(e);
    case 'Name':
      return f.lookup(e.id, scope);
    case 'Attribute':
      return getAttr(await evalExpr(e.value, f, scope), e.attr);
    case 'Subscript': {
      const value = await evalExpr(e.value, f, scope);
      return getItem(value, await evalSubscriptKey(e.index, f, scope));
    }
    case 'Slice':
      return evalSubscriptKey(e, f, scope);
    case 'Call':
      return evalCall(e, f, scope);
    case 'BinOp': {
      const left = await evalExpr(e.left, f, scope);
      const right = await evalExpr(e.right, f, scope);
      return binaryOp(e.op, left, right);
    }
    case 'UnaryOp': {
      const operand = await evalExpr(e.operand, f, scope);
      return e.op === 'not' ? newBool(!isTruthy(operand)) : unaryOp(e.op, operand);
    }
    case 'BoolOp': {
      let value: PyObject = None;
      for (const v of e.values) {
        value = await evalExpr(v, f, scope);
        const truthy = isTruthy(value);
        if (e.op === 'and' ? !truthy : truthy) return value;
      }
      return value;
    }
    case 'Compare': {
      let left = await evalExpr(e.left, f, scope);
      for (let i = 0; i < e.ops.length; i++) {
        const right = await evalExpr(e.comparators[i] as Expr, f, scope);
        if (!(await compareValues(e.ops[i] as string, left, right))) return False;
        left = right;
      }
      return True;
    }
    case 'IfExp':
      return isTruthy(await evalExpr(e.test, f, scope)) ? evalExpr(e.body, f, scope) : evalExpr(e.orelse, f, scope);
    case 'Tuple':
      return newTuple(await evalElements(e.elts, f, scope));
    case 'List':
      return new PyList(await evalElements(e.elts, f, scope));
    case 'Set': {
      const set = new PySet();
      for (const v of await evalElements(e.elts, f, scope)) set.add(v);
      return set;
    }
    case 'Dict':
      return evalDict(e, f, scope);
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      return evalComprehension(e, f, scope);
    case 'FString':
      return evalFString(e, f, scope);
    case 'Starred':
      throw typeError("can't use starred expression here");
  }
}
