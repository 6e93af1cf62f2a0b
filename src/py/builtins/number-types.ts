// Calling int, float and bool: conversions with CPython's errors.
import type { PyObject } from '../objects/object';
import { PyInt, intType, newInt, newBool, boolType } from '../objects/int';
import { PyFloat, floatType, newFloat } from '../objects/float';
import { PyStr } from '../objects/str';
import { isBytesLike, latin1Text } from '../objects/bytes';
import { isTruthy } from '../ops/basic';
import { intToFloat } from '../ops/numbers';
import { repr } from '../ops/repr';
import { bytesRepr } from '../format/bytes-repr';
import { parseFloatText, parseIntText } from '../format/number-parse';
import { parseArgs, sig } from '../native/args';
import { asIndex } from '../native/convert';
import { overflowError, typeError, valueError } from '../exceptions/raise';

const INT_SIGNATURE = sig('int', 'clinic', ['x?/', 'base?']);

function floatToInt(x: number): bigint {
  if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw overflowError('cannot convert float infinity to integer');
  return BigInt(Math.trunc(x));
}

intType.hooks.construct = (_cls, args, kwargs) => {
  const [x, baseArg] = parseArgs(INT_SIGNATURE, args, kwargs);
  if (x === undefined) {
    if (baseArg !== undefined) throw typeError("int() missing string argument");
    return newInt(0n);
  }
  if (baseArg === undefined) {
    if (x instanceof PyInt) return newInt(x.value);
    if (x instanceof PyFloat) return newInt(floatToInt(x.value));
    if (!(x instanceof PyStr) && !isBytesLike(x)) {
      throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${x.type.name}'`);
    }
  }
  const base = baseArg === undefined ? 10n : asIndex(baseArg);
  if (!(x instanceof PyStr) && !isBytesLike(x)) throw typeError("int() can't convert non-string with explicit base");
  if (base !== 0n && (base < 2n || base > 36n)) throw valueError('int() base must be >= 2 and <= 36, or 0');
  const text = x instanceof PyStr ? x.value : latin1Text(x.data);
  const value = parseIntText(text, Number(base));
  // CPython reads a bytearray as bytes, and shows it so.
  const shown = x instanceof PyStr ? repr(x) : bytesRepr(x.data);
  if (value === null) throw valueError(`invalid literal for int() with base ${base}: ${shown}`);
  return newInt(value);
};

floatType.hooks.construct = (_cls, args, kwargs) => {
  const [x] = parseArgs(sig('float', 'positional', ['x?']), args, kwargs);
  if (x === undefined) return newFloat(0);
  if (x instanceof PyFloat) return newFloat(x.value);
  if (x instanceof PyInt) return newFloat(intToFloat(x.value));
  if (x instanceof PyStr || isBytesLike(x)) {
    const value = parseFloatText(x instanceof PyStr ? x.value : latin1Text(x.data));
    if (value === null) throw valueError(`could not convert string to float: ${repr(x)}`);
    return newFloat(value);
  }
  throw typeError(`float() argument must be a string or a real number, not '${x.type.name}'`);
};

boolType.hooks.construct = (_cls, args, kwargs) => {
  const [x] = parseArgs(sig('bool', 'positional', ['x?']), args, kwargs);
  return newBool(x !== undefined && isTruthy(x as PyObject));
};
