// repr() of str, as CPython's unicode_repr: quote choice, escapes of non-printables, printable
// Unicode kept as is.

// Py_UNICODE_ISPRINTABLE: false for the "Other" and "Separator" categories, except the ASCII space.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

export function isPrintable(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return !NON_PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

/** The escape CPython's repr uses for a non-printable code point. */
export function escapeCodePoint(cp: number): string {
  if (cp === 0x09) return '\\t';
  if (cp === 0x0a) return '\\n';
  if (cp === 0x0d) return '\\r';
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

export function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  let plainStart = 0;
  let i = 0;
  // Runs of plain printable ASCII are copied in one slice; only special characters are examined.
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit < 0x7f && unit !== 0x5c && unit !== quote.charCodeAt(0)) {
      i++;
      continue;
    }
    out += text.slice(plainStart, i);
    const cp = text.codePointAt(i) as number;
    const isPair = cp > 0xffff;
    if (cp === 0x5c) out += '\\\\';
    else if (cp === quote.charCodeAt(0)) out += `\\${quote}`;
    else if (isPrintable(cp)) out += String.fromCodePoint(cp);
    else out += escapeCodePoint(cp);
    i += isPair ? 2 : 1;
    plainStart = i;
  }
  return out + text.slice(plainStart) + quote;
}

/** Escapes every non-ASCII character of a text (a repr), as ascii() does. */
export function asciiEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    out += cp < 0x80 ? ch : cp <= 0xff ? `\\x${hex(cp, 2)}` : cp <= 0xffff ? `\\u${hex(cp, 4)}` : `\\U${hex(cp, 8)}`;
  }
  return out;
}
