// bytes (immutable) and bytearray (mutable): sequences of integers 0..255.
import { PyObject, PyType } from './object';

export const bytesType = new PyType({
  name: 'bytes',
  doc: 'bytes(iterable_of_ints) | bytes(string, encoding) | bytes(int) -> immutable sequence of bytes: what sockets send and receive.',
});
export const bytearrayType = new PyType({
  name: 'bytearray',
  doc: 'bytearray(iterable_of_ints) | bytearray(string, encoding) | bytearray(int) -> a mutable sequence of bytes.',
});

export class PyBytes extends PyObject {
  readonly data: Uint8Array;
  constructor(data: Uint8Array) {
    super(bytesType);
    this.data = data;
  }
}

export class PyByteArray extends PyObject {
  data: Uint8Array;
  constructor(data: Uint8Array) {
    super(bytearrayType);
    this.data = data;
  }
}

export function newBytes(data: Uint8Array): PyBytes {
  return new PyBytes(data);
}

/** bytes or bytearray: what CPython calls a bytes-like object (the buffer protocol) in this subset. */
export function isBytesLike(obj: PyObject): obj is PyBytes | PyByteArray {
  return obj instanceof PyBytes || obj instanceof PyByteArray;
}

/** A byte string from latin-1 text (each char one byte): for building bytes from literals. */
export function latin1Bytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Each byte as one char (ISO-8859-1): for searching and slicing bytes with string functions. */
export function latin1Text(data: Uint8Array): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
