// Decoding received bytes for the bytes panel with the interpreter's own codecs, strictly, as
// bytes.decode() does: either the text, or the error CPython would raise, in its words.
import { decodeBytes as decodeWithCodec } from '../../py/codecs';
import { PyException } from '../../py/exceptions/classes';
import { str } from '../../py/ops/repr';
// The exceptions' own texts (UnicodeDecodeError's "'utf-8' codec can't decode ...") are defined there.
import '../../py/runtime';
import type { DecodeResult, Decoding } from './decode';

export function decodeBytes(data: Uint8Array, decoding: Decoding): DecodeResult {
  try {
    return { ok: true, text: decodeWithCodec(data, decoding, 'strict') };
  } catch (error) {
    if (!(error instanceof PyException)) throw error;
    return { ok: false, message: str(error.exc) };
  }
}
