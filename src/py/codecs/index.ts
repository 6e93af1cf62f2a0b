// str.encode / bytes.decode: resolve the codec, run it with the error handler, raise CPython's errors.
import { lookupError } from '../exceptions/raise';
import { PyException } from '../exceptions/classes';
import { toCodePoints } from '../objects/str';
import { codecName } from './names';
import { decodeHandler, encodeHandler, isKnownHandler } from './handlers';
import { decodeUtf8, encodeUtf8 } from './utf8';
import { decodeAscii, decodeLatin1, encodeSingleByte } from './single-byte';
import { decodeCjk, encodeCjk } from './cjk';

export { codecName } from './names';

function resolve(encoding: string): string {
  const codec = codecName(encoding);
  if (codec === null) throw lookupError(`unknown encoding: ${encoding}`);
  return codec;
}

const isAscii = (text: string): boolean => /^[\x00-\x7f]*$/.test(text);
const isLatin1 = (text: string): boolean => /^[\x00-\xff]*$/.test(text);
const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// The multibyte codecs report an unknown error handler wrapped, as CPython's codec machinery does.
function wrapCjk<T>(codec: string, errors: string, direction: 'encoding' | 'decoding', run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof PyException && error.exc.type.name === 'LookupError' && !isKnownHandler(errors)) {
      throw lookupError(`${direction} with '${codec}' codec failed (LookupError: unknown error handler name '${errors}')`);
    }
    throw error;
  }
}

export function encodeText(text: string, encoding = 'utf-8', errors = 'strict'): Uint8Array {
  const codec = resolve(encoding);
  switch (codec) {
    case 'utf-8':
      if (!LONE_SURROGATE.test(text)) return encoder.encode(text);
      break;
    case 'ascii':
      if (isAscii(text)) return new Uint8Array(Buffer.from(text, 'latin1'));
      break;
    case 'latin-1':
      if (isLatin1(text)) return new Uint8Array(Buffer.from(text, 'latin1'));
      break;
    default:
      if (isAscii(text)) return new Uint8Array(Buffer.from(text, 'latin1'));
  }
  const points = toCodePoints(text);
  const onError = encodeHandler(codec, points, errors);
  switch (codec) {
    case 'utf-8':
      return encodeUtf8(points, onError);
    case 'ascii':
      return encodeSingleByte(points, 128, onError);
    case 'latin-1':
      return encodeSingleByte(points, 256, onError);
    default:
      return wrapCjk(codec, errors, 'encoding', () => encodeCjk(codec, points, onError));
  }
}

export function decodeBytes(data: Uint8Array, encoding = 'utf-8', errors = 'strict'): string {
  const codec = resolve(encoding);
  const onError = decodeHandler(codec, data, errors);
  switch (codec) {
    case 'utf-8':
      return decodeUtf8(data, onError);
    case 'ascii':
      return decodeAscii(data, onError);
    case 'latin-1':
      return decodeLatin1(data);
    default:
      return wrapCjk(codec, errors, 'decoding', () => decodeCjk(codec, data, onError));
  }
}
