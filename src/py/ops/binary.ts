// Binary and unary operators: numbers (ops/numbers), sequence concatenation and repetition,
// % formatting, set algebra and dict union, with CPython's error texts.
import type { PyObject } from '../objects/object';
import { PyInt, newInt } from '../objects/int';
import { PyFloat, newFloat } from '../objects/float';
import { PyStr, newStr } from '../objects/str';
import { PyBytes, PyByteArray, concatBytes, isBytesLike } from '../objects/bytes';
import { PyTuple, newTuple } from '../objects/tuple';
import { PyList } from '../objects/list';
import { PyDict, PySet } from '../objects/dict';
import { MAX_ITEMS, MAX_TEXT_LENGTH } from '../objects/limits';
import { floatBinary, intBinary, intToFloat, isNumber, type NumberOp } from './numbers';
import { memoryError, overflowError, typeError } from '../exceptions/raise';
import { percentFormatStr, percentFormatBytes } from '../format/percent';
import { collect } from './iter';
import { updateDict } from './dict-update';
import { PyRange } from '../objects/range';
import { PyDictView } from '../objects/iterator';

export type BinaryOp = NumberOp | '@';

function unsupported(op: string, a: PyObject, b: PyObject): never {
  const shown = op === '**' ? '** or pow()' : op;
  throw typeError(`unsupported operand type(s) for ${shown}: '${a.type.name}' and '${b.type.name}'`);
}

function asFloat(n: PyInt | PyFloat): number {
  return n instanceof PyFloat ? n.value : intToFloat(n.value);
}

function repeatCount(n: PyInt): number {
  if (n.value > (1n << 63n) - 1n || n.value < -(1n << 63n)) {
    throw overflowError("cannot fit 'int' into an index-sized integer");
  }
  return n.value < 0n ? 0 : Number(n.value);
}

function checkSize(length: number, count: number, limit: number): void {
  if (length > 0 && count > limit / length) throw memoryError();
}

function repeat(seq: PyObject, count: PyInt): PyObject | undefined {
  if (!isSequence(seq)) return undefined;
  const n = repeatCount(count);
  if (seq instanceof PyStr) {
    checkSize(seq.value.length, n, MAX_TEXT_LENGTH);
    return newStr(seq.value.repeat(n));
  }
  if (isBytesLike(seq)) {
    checkSize(seq.data.length, n, MAX_TEXT_LENGTH);
    const out = new Uint8Array(seq.data.length * n);
    for (let i = 0; i < n; i++) out.set(seq.data, i * seq.data.length);
    return seq instanceof PyBytes ? new PyBytes(out) : new PyByteArray(out);
  }
  if (seq instanceof PyList || seq instanceof PyTuple) {
    checkSize(seq.items.length, n, MAX_ITEMS);
    const out: PyObject[] = [];
    for (let i = 0; i < n; i++) out.push(...seq.items);
    return seq instanceof PyList ? new PyList(out) : newTuple(out);
  }
  return undefined;
}

function isSequence(obj: PyObject): boolean {
  return obj instanceof PyStr || isBytesLike(obj) || obj instanceof PyList || obj instanceof PyTuple;
}

function concat(a: PyObject, b: PyObject): PyObject | undefined {
  if (a instanceof PyStr) {
    if (!(b instanceof PyStr)) throw typeError(`can only concatenate str (not "${b.type.name}") to str`);
    if (a.value.length + b.value.length > MAX_TEXT_LENGTH) throw memoryError();
    return newStr(a.value + b.value);
  }
  if (isBytesLike(a)) {
    if (!isBytesLike(b)) throw typeError(`can't concat ${b.type.name} to ${a.type.name}`);
    if (a.data.length + b.data.length > MAX_TEXT_LENGTH) throw memoryError();
    const data = concatBytes([a.data, b.data]);
    return a instanceof PyBytes ? new PyBytes(data) : new PyByteArray(data);
  }
  if (a instanceof PyList) {
    if (!(b instanceof PyList)) throw typeError(`can only concatenate list (not "${b.type.name}") to list`);
    if (a.items.length + b.items.length > MAX_ITEMS) throw memoryError();
    return new PyList([...a.items, ...b.items]);
  }
  if (a instanceof PyTuple) {
    if (!(b instanceof PyTuple)) throw typeError(`can only concatenate tuple (not "${b.type.name}") to tuple`);
    if (a.items.length + b.items.length > MAX_ITEMS) throw memoryError();
    return newTuple([...a.items, ...b.items]);
  }
  return undefined;
}

function setAlgebra(op: BinaryOp, a: PySet, b: PySet): PySet | undefined {
  const out = new PySet(a.type);
  switch (op) {
    case '|':
      for (const v of a.values()) out.add(v);
      for (const v of b.values()) out.add(v);
      return out;
    case '&':
      for (const [k, v] of a.entries) if (b.entries.has(k)) out.entries.set(k, v);
      return out;
    case '-':
      for (const [k, v] of a.entries) if (!b.entries.has(k)) out.entries.set(k, v);
      return out;
    case '^':
      for (const [k, v] of a.entries) if (!b.entries.has(k)) out.entries.set(k, v);
      for (const [k, v] of b.entries) if (!a.entries.has(k)) out.entries.set(k, v);
      return out;
    default:
      return undefined;
  }
}

function hookResult(op: string, a: PyObject, b: PyObject): PyObject | undefined {
  const left = a.type.hook('binary');
  if (left) {
    const r = left(op, a, b);
    if (r !== undefined) return r;
  }
  const right = b.type.hook('binary');
  if (right && right !== left) return right(op, a, b);
  return undefined;
}

/** `a op b`; `symbol` is what error messages show ('+=' for augmented assignment). */
export function binaryOp(op: BinaryOp, a: PyObject, b: PyObject, symbol: string = op): PyObject {
  const hooked = hookResult(op, a, b);
  if (hooked !== undefined) return hooked;
  if (op !== '@') {
    if (a instanceof PyInt && b instanceof PyInt) return intBinary(op, a, b);
    if (isNumber(a) && isNumber(b)) {
      const r = floatBinary(op, asFloat(a), asFloat(b));
      if (r !== undefined) return r;
    }
  }
  switch (op) {
    case '+': {
      const r = concat(a, b);
      if (r !== undefined) return r;
      break;
    }
    case '*': {
      if (b instanceof PyInt) {
        const r = repeat(a, b);
        if (r !== undefined) return r;
      }
      if (a instanceof PyInt) {
        const r = repeat(b, a);
        if (r !== undefined) return r;
      }
      if (isSequence(a) || isSequence(b)) {
        const other = isSequence(a) ? b : a;
        throw typeError(`can't multiply sequence by non-int of type '${other.type.name}'`);
      }
      break;
    }
    case '%':
      if (a instanceof PyStr) return newStr(percentFormatStr(a.value, b));
      if (isBytesLike(a)) {
        const data = percentFormatBytes(a.data, b);
        return a instanceof PyBytes ? new PyBytes(data) : new PyByteArray(data);
      }
      break;
    case '|':
      if (a instanceof PyDict && b instanceof PyDict) {
        const out = new PyDict();
        for (const e of a.entries.values()) out.set(e.key, e.value);
        for (const e of b.entries.values()) out.set(e.key, e.value);
        return out;
      }
      if (a instanceof PySet && b instanceof PySet) return setAlgebra(op, a, b) as PySet;
      break;
    case '&':
    case '-':
    case '^':
      if (a instanceof PySet && b instanceof PySet) {
        const r = setAlgebra(op, a, b);
        if (r !== undefined) return r;
      }
      break;
    default:
      break;
  }
  return unsupported(symbol, a, b);
}

/** `a op= b`: lists, bytearrays, sets and dicts change in place; everything else rebinds. */
export function inplaceOp(op: BinaryOp, a: PyObject, b: PyObject): PyObject | Promise<PyObject> {
  if (a instanceof PyList && op === '+') {
    const list = a;
    const append = (items: PyObject[]): PyObject => {
      if (list.items.length + items.length > MAX_ITEMS) throw memoryError();
      list.items.push(...items);
      return list;
    };
    const items = collect(b);
    return items instanceof Promise ? items.then(append) : append(items);
  }
  if (a instanceof PyList && op === '*' && b instanceof PyInt) {
    const n = repeatCount(b);
    checkSize(a.items.length, n, MAX_ITEMS);
    const items = a.items.slice();
    a.items = [];
    for (let i = 0; i < n; i++) a.items.push(...items);
    return a;
  }
  if (a instanceof PyByteArray && op === '+') {
    if (!isBytesLike(b)) throw typeError(`can't concat ${b.type.name} to bytearray`);
    if (a.data.length + b.data.length > MAX_TEXT_LENGTH) throw memoryError();
    a.data = concatBytes([a.data, b.data]);
    return a;
  }
  if (a instanceof PySet && !a.frozen && b instanceof PySet && (op === '|' || op === '&' || op === '-' || op === '^')) {
    const r = setAlgebra(op, a, b) as PySet;
    a.entries.clear();
    for (const [k, v] of r.entries) a.entries.set(k, v);
    return a;
  }
  if (a instanceof PyDict && op === '|') return updateDict(a, b).then(() => a);
  // PyNumber_InPlaceMultiply: a left operand with sequence methods but no repetition (range, dict,
  // set) does not fall back to the right operand's repetition.
  const noRepeat = a instanceof PyRange || a instanceof PyDict || a instanceof PySet || a instanceof PyDictView;
  if (op === '*' && noRepeat && isSequence(b)) {
    throw typeError(`unsupported operand type(s) for *=: '${a.type.name}' and '${b.type.name}'`);
  }
  return binaryOp(op, a, b, `${op}=`);
}

export function unaryOp(op: '-' | '+' | '~', a: PyObject): PyObject {
  const hook = a.type.hook('unary');
  if (hook) {
    const r = hook(op, a);
    if (r !== undefined) return r;
  }
  if (a instanceof PyInt) {
    if (op === '-') return newInt(-a.value);
    if (op === '+') return newInt(a.value);
    return newInt(~a.value);
  }
  if (a instanceof PyFloat && op !== '~') return newFloat(op === '-' ? -a.value : a.value);
  throw typeError(`bad operand type for unary ${op}: '${a.type.name}'`);
}
