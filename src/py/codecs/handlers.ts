// The error handlers of encoding and decoding (errors='strict' | 'ignore' | 'replace' |
// 'backslashreplace' | 'surrogateescape' | 'xmlcharrefreplace'), raising CPython's exceptions.
import { PyException, UnicodeDecodeError, UnicodeEncodeError, instantiateException } from '../exceptions/classes';
import { lookupError } from '../exceptions/raise';
import { newInt } from '../objects/int';
import { newStr, fromCodePoints } from '../objects/str';
import { PyBytes } from '../objects/bytes';

/** Called for bytes [start, end) that cannot be decoded; returns the text to put in their place. */
export type DecodeErrorHandler = (start: number, end: number, reason: string) => string;
/** Called for code points [start, end) that cannot be encoded; returns the bytes to put instead. */
export type EncodeErrorHandler = (start: number, end: number, reason: string) => number[];

const KNOWN = new Set(['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'xmlcharrefreplace']);

function unknownHandler(errors: string) {
  return lookupError(`unknown error handler name '${errors}'`);
}

export function decodeError(encoding: string, data: Uint8Array, start: number, end: number, reason: string): PyException {
  return new PyException(
    instantiateException(UnicodeDecodeError, [newStr(encoding), new PyBytes(data.slice()), newInt(start), newInt(end), newStr(reason)]),
  );
}

export function encodeError(encoding: string, text: number[], start: number, end: number, reason: string): PyException {
  return new PyException(
    instantiateException(UnicodeEncodeError, [newStr(encoding), newStr(fromCodePoints(text)), newInt(start), newInt(end), newStr(reason)]),
  );
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

export function decodeHandler(encoding: string, data: Uint8Array, errors: string): DecodeErrorHandler {
  return (start, end, reason) => {
    switch (errors) {
      case 'strict':
        throw decodeError(encoding, data, start, end, reason);
      case 'ignore':
        return '';
      case 'replace':
        return '\ufffd';
      case 'backslashreplace': {
        let out = '';
        for (let i = start; i < end; i++) out += `\\x${hex2(data[i] as number)}`;
        return out;
      }
      case 'surrogateescape': {
        let out = '';
        for (let i = start; i < end; i++) {
          const b = data[i] as number;
          if (b < 0x80) throw decodeError(encoding, data, start, end, reason);
          out += String.fromCharCode(0xdc00 + b);
        }
        return out;
      }
      default:
        throw unknownHandler(errors);
    }
  };
}

function asciiBytes(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

export function encodeHandler(encoding: string, text: number[], errors: string): EncodeErrorHandler {
  return (start, end, reason) => {
    const chars = text.slice(start, end);
    switch (errors) {
      case 'strict':
        throw encodeError(encoding, text, start, end, reason);
      case 'ignore':
        return [];
      case 'replace':
        return chars.map(() => 0x3f);
      case 'backslashreplace':
        return asciiBytes(
          chars
            .map((cp) => (cp <= 0xff ? `\\x${hex2(cp)}` : cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`))
            .join(''),
        );
      case 'xmlcharrefreplace':
        return asciiBytes(chars.map((cp) => `&#${cp};`).join(''));
      case 'surrogateescape':
        if (chars.every((cp) => cp >= 0xdc80 && cp <= 0xdcff)) return chars.map((cp) => cp - 0xdc00);
        throw encodeError(encoding, text, start, end, reason);
      default:
        throw unknownHandler(errors);
    }
  };
}

export function isKnownHandler(errors: string): boolean {
  return KNOWN.has(errors);
}
