// Bytes a peer sends, written in a lesson either as a Python bytes literal or as text to encode.

import { encodeText } from './encodings';
import type { Payload } from './model';
import { parsePython } from './python-syntax';
import type { PyExpr } from './python-tree';

export type PayloadResult = { ok: true; payload: Payload } | { ok: false; message: string };

const BYTES_LITERAL_START = /^(?:[bB][rR]?|[rR][bB])['"]/;

/** Largest payload a lesson may carry: enough for any page or message a lesson shows. */
export const MAX_PAYLOAD_BYTES = 1 << 20;

function checked(payload: Payload): PayloadResult {
  if (payload.bytes.length > MAX_PAYLOAD_BYTES) {
    return { ok: false, message: `${payload.bytes.length} bytes is more than a lesson may send at once (${MAX_PAYLOAD_BYTES})` };
  }
  return { ok: true, payload };
}

/** From a peer action argument: b'...' or '...'.encode(encoding). */
export function payloadFromExpr(expr: PyExpr): PayloadResult {
  const source = expr.text;
  if (expr.kind === 'bytes') return checked({ bytes: expr.value, text: null, encoding: null, source });
  if (expr.kind === 'str') {
    return { ok: false, message: `a peer sends bytes: write b'...' or '...'.encode('utf-8'), not a str` };
  }
  if (expr.kind === 'call' && expr.func.kind === 'attribute' && expr.func.attr === 'encode' && expr.func.object.kind === 'str') {
    const text = expr.func.object.value;
    if (expr.spread) return { ok: false, message: 'encode() takes literal arguments here' };
    const keywordEncoding = expr.keywords.find((k) => k.name === 'encoding');
    const others = expr.keywords.filter((k) => k.name !== 'encoding');
    if (others.length > 0) return { ok: false, message: `encode() here takes only an encoding, not '${others[0]!.name}'` };
    const encodingExpr = expr.args[0] ?? keywordEncoding?.value;
    if (expr.args.length > 1 || (expr.args.length === 1 && keywordEncoding)) {
      return { ok: false, message: 'encode() here takes one argument: the encoding' };
    }
    if (encodingExpr !== undefined && encodingExpr.kind !== 'str') {
      return { ok: false, message: "the encoding must be a str literal: '...'.encode('gbk')" };
    }
    const encoding = encodingExpr?.kind === 'str' ? encodingExpr.value : 'utf-8';
    const encoded = encodeText(text, encoding);
    if (!encoded.ok) return encoded;
    return checked({ bytes: encoded.bytes, text, encoding: encoded.encoding, source });
  }
  return { ok: false, message: "the data must be a bytes literal b'...' or a str literal with .encode(...)" };
}

/**
 * From a front-matter string: a Python bytes literal ("b'Welcome!'") is taken as bytes; any other
 * text is encoded with the peer's encoding.
 */
export function payloadFromYaml(value: string, encoding: string): PayloadResult {
  const trimmed = value.trim();
  if (BYTES_LITERAL_START.test(trimmed)) {
    const parsed = parsePython(trimmed);
    if (!parsed.ok) return { ok: false, message: `bad bytes literal: ${parsed.message}` };
    const only = parsed.statements.length === 1 ? parsed.statements[0] : undefined;
    if (!only || only.kind !== 'expression' || only.expr.kind !== 'bytes') {
      return { ok: false, message: "a value starting with b' must be one bytes literal, like b'Welcome!'" };
    }
    return checked({ bytes: only.expr.value, text: null, encoding: null, source: trimmed });
  }
  const encoded = encodeText(value, encoding);
  if (!encoded.ok) return encoded;
  return checked({ bytes: encoded.bytes, text: value, encoding: encoded.encoding, source: JSON.stringify(value) });
}
