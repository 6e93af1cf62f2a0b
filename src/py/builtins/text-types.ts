// Calling str, bytes and bytearray: conversion, decoding, encoding and filling, with CPython's errors.
import type { PyObject } from '../objects/object';
import { None } from '../objects/none';
import { PyInt } from '../objects/int';
import { PyStr, newStr, strType } from '../objects/str';
import { PyBytes, PyByteArray, bytesType, bytearrayType, isBytesLike } from '../objects/bytes';
import { MAX_TEXT_LENGTH } from '../objects/limits';
import { str } from '../ops/repr';
import { collect, isIterable } from '../ops/iter';
import { encodeText, decodeBytes } from '../codecs/index';
import { parseArgs, sig } from '../native/args';
import { asIndex, asStrArg } from '../native/convert';
import { memoryError, overflowError, typeError, valueError } from '../exceptions/raise';

const STR_SIGNATURE = sig('str', 'clinic', ['object?', 'encoding?', 'errors?']);

strType.hooks.construct = (_cls, args, kwargs) => {
  const [object, encoding, errors] = parseArgs(STR_SIGNATURE, args, kwargs);
  const enc = encoding === undefined ? undefined : asStrArg(encoding, 'str', 'encoding');
  const err = errors === undefined ? undefined : asStrArg(errors, 'str', 'errors');
  if (object === undefined) return newStr('');
  if (enc === undefined && err === undefined) return newStr(str(object));
  if (object instanceof PyStr) throw typeError('decoding str is not supported');
  if (!isBytesLike(object)) throw typeError(`decoding to str: need a bytes-like object, ${object.type.name} found`);
  return newStr(decodeBytes(object.data, enc, err));
};

/** The bytes bytes(source, encoding, errors) and bytearray(...) build. */
async function bytesFrom(kind: 'bytes' | 'bytearray', args: PyObject[], kwargs: ReadonlyMap<string, PyObject>): Promise<Uint8Array> {
  const [source, encoding, errors] = parseArgs(sig(kind, 'clinic', ['source?', 'encoding?', 'errors?']), args, kwargs);
  const enc = encoding === undefined ? undefined : asStrArg(encoding, kind, 'encoding');
  const err = errors === undefined ? undefined : asStrArg(errors, kind, 'errors');
  if (source === undefined) {
    if (enc !== undefined) throw typeError('encoding without a string argument');
    if (err !== undefined) throw typeError('errors without a string argument');
    return new Uint8Array(0);
  }
  if (source instanceof PyStr) {
    if (enc === undefined) throw typeError('string argument without an encoding');
    return encodeText(source.value, enc, err);
  }
  if (enc !== undefined) throw typeError('encoding without a string argument');
  if (err !== undefined) throw typeError('errors without a string argument');
  if (source instanceof PyInt) {
    const n = source.value;
    if (n < 0n) throw valueError('negative count');
    if (n > (1n << 63n) - 1n) throw overflowError("cannot fit 'int' into an index-sized integer");
    if (n > BigInt(MAX_TEXT_LENGTH)) throw memoryError();
    return new Uint8Array(Number(n));
  }
  if (isBytesLike(source)) return source.data.slice();
  if (source === None || !isIterable(source)) throw typeError(`cannot convert '${source.type.name}' object to bytes`);
  const items = await collect(source);
  const out = new Uint8Array(items.length);
  items.forEach((item, i) => {
    const v = asIndex(item);
    if (v < 0n || v > 255n) throw valueError(kind === 'bytes' ? 'bytes must be in range(0, 256)' : 'byte must be in range(0, 256)');
    out[i] = Number(v);
  });
  return out;
}

bytesType.hooks.construct = async (_cls, args, kwargs) => new PyBytes(await bytesFrom('bytes', args, kwargs));
bytearrayType.hooks.construct = async (_cls, args, kwargs) => new PyByteArray(await bytesFrom('bytearray', args, kwargs));
