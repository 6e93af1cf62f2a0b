// Text from the network, from the learner's program or from a lesson file must never reach the terminal
// raw: Ink passes OSC sequences, colours, \r, \b and BEL straight through. Every string a component shows
// goes through one of these functions first. "Printable" follows CPython's str.isprintable(): every
// code point of the Unicode categories Other (Cc Cf Cs Co Cn) and Separator (Zs Zl Zp) is escaped,
// except the ASCII space. That covers C0 and C1 controls, DEL, bidi overrides and isolates, zero-width
// characters, lone surrogates and unassigned code points, while printable Unicode (CJK, accents,
// emoji) is kept.
import { displayWidth } from './text-width';

const nonPrintable = /^[\p{C}\p{Z}]$/u;
const plainAscii = /^[\x20-\x7e]*$/;

export function isPrintable(char: string): boolean {
  return char === ' ' || !nonPrintable.test(char);
}

/** CPython's escape of one code point: `\xhh`, `\uhhhh` or `\Uhhhhhhhh`. */
export function escapeCodePoint(codePoint: number): string {
  if (codePoint < 0x100) return `\\x${codePoint.toString(16).padStart(2, '0')}`;
  if (codePoint < 0x10000) return `\\u${codePoint.toString(16).padStart(4, '0')}`;
  return `\\U${codePoint.toString(16).padStart(8, '0')}`;
}

const namedEscapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(char: string): string {
  return namedEscapes[char] ?? escapeCodePoint(char.codePointAt(0) ?? 0);
}

/** One line of safe text: every non-printable character, newlines and tabs included, written as an escape. */
export function safeText(text: string): string {
  const value = String(text);
  if (plainAscii.test(value)) return value;
  let out = '';
  for (const char of value) out += isPrintable(char) ? char : escapeChar(char);
  return out;
}

/**
 * Safe text that keeps its line structure: split at `\n` (and `\r\n`), tabs expanded to the next
 * multiple of 8 columns, everything else non-printable escaped.
 */
export function safeLines(text: string): string[] {
  return String(text)
    .split(/\r?\n/)
    .map((line) => {
      if (plainAscii.test(line)) return line;
      let out = '';
      for (const char of line) {
        if (char === '\t') out += ' '.repeat(8 - (displayWidth(out) % 8));
        else out += isPrintable(char) ? char : escapeChar(char);
      }
      return out;
    });
}

/** CPython's repr() of a str: quotes chosen as CPython chooses them, backslash and quote escaped. */
export function strRepr(text: string): string {
  const value = String(text);
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of value) {
    if (char === quote || char === '\\') out += `\\${char}`;
    else out += isPrintable(char) ? char : escapeChar(char);
  }
  return out + quote;
}
