// The value of a string or bytes literal token: prefix, quotes and escape sequences, with CPython's
// errors for bad escapes ("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1:
// truncated \xXX escape") and for non-ASCII characters in bytes literals.
import { PySyntaxError, type Token } from './tokens';
import { columnAt } from './tokenizer';
import { unsupported } from './unsupported';

export interface LiteralParts {
  prefix: string;
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** The text between the quotes. */
  body: string;
  /** Offset of the body in the line. */
  bodyStart: number;
}

export function splitLiteral(token: Token): LiteralParts {
  const text = token.text;
  const quoteAt = text.search(/['"]/);
  const prefix = text.slice(0, quoteAt).toLowerCase();
  const quote = text[quoteAt] as string;
  const triple = text.startsWith(quote.repeat(3), quoteAt);
  const q = triple ? 3 : 1;
  return {
    prefix,
    bytes: prefix.includes('b'),
    raw: prefix.includes('r'),
    fstring: prefix.includes('f'),
    body: text.slice(quoteAt + q, text.length - q),
    bodyStart: token.start + quoteAt + q,
  };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};


/**
 * Decodes the escapes of a literal body. For bytes the result holds one char per byte (0..255).
 * `errorColumn` is where CPython's caret goes for a bad escape (the end of the literal).
 */
export function decodeEscapes(body: string, bytes: boolean, errorColumn: number): string {
  if (!body.includes('\\')) return body;
  let out = '';
  let i = 0;
  // CPython decodes str literals after turning each non-ASCII character into a 10-character
  // \UXXXXXXXX escape; its error positions count that way.
  const position = (index: number): number => {
    let p = 0;
    for (let k = 0; k < index; k++) p += body.charCodeAt(k) < 0x80 ? 1 : body.charCodeAt(k) >= 0xdc00 && body.charCodeAt(k) <= 0xdfff ? 0 : 10;
    return p;
  };
  const fail = (start: number, end: number, what: string): never => {
    if (bytes) throw new PySyntaxError(`(value error) invalid \\x escape at position ${start}`, errorColumn);
    throw new PySyntaxError(
      `(unicode error) 'unicodeescape' codec can't decode bytes in position ${position(start)}-${position(end)}: ${what}`,
      errorColumn,
    );
  };
  while (i < body.length) {
    const c = body[i] as string;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) {
      out += '\\';
      i++;
      continue;
    }
    if (e === '\n') {
      i += 2;
      continue;
    }
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      i += 2;
      continue;
    }
    if (e >= '0' && e <= '7') {
      let j = i + 1;
      let digits = '';
      while (j < body.length && digits.length < 3 && (body[j] as string) >= '0' && (body[j] as string) <= '7') digits += body[j++];
      const value = parseInt(digits, 8);
      out += String.fromCharCode(bytes ? value & 0xff : value);
      i = j;
      continue;
    }
    const hexLength = e === 'x' ? 2 : !bytes && e === 'u' ? 4 : !bytes && e === 'U' ? 8 : 0;
    if (hexLength > 0) {
      let j = i + 2;
      while (j < i + 2 + hexLength && /[0-9a-fA-F]/.test(body[j] ?? '')) j++;
      const name = e === 'x' ? '\\xXX' : e === 'u' ? '\\uXXXX' : '\\UXXXXXXXX';
      if (j < i + 2 + hexLength) fail(bytes ? position(i) : i, j - 1, `truncated ${name} escape`);
      const value = parseInt(body.slice(i + 2, j), 16);
      if (value > 0x10ffff) fail(i, j - 1, 'illegal Unicode character');
      out += String.fromCodePoint(value);
      i = j;
      continue;
    }
    if (!bytes && e === 'N') {
      // \N{...} needs the Unicode name database, which socklab does not carry.
      throw unsupported('named-escape', errorColumn);
    }
    // An unknown escape keeps its backslash (CPython 3.11 only warns).
    out += '\\';
    i++;
  }
  return out;
}

/** A bytes literal may hold only ASCII characters. */
export function checkBytesBody(body: string, source: string, token: Token): void {
  if (/[^\x00-\x7f]/.test(body)) {
    throw new PySyntaxError('bytes can only contain ASCII literal characters', columnAt(source, token.start), 'SyntaxError', columnAt(source, token.end));
  }
}
