// Splits one line of Python into tokens, reporting the tokenizer's own errors with CPython 3.11's
// texts and columns: bad strings and numbers, invalid characters, unmatched and mismatched brackets.
import { PySyntaxError, type Token } from './tokens';
import { scanNumber } from './number-token';

export interface TokenizeResult {
  tokens: Token[];
  /** The first tokenizer error; tokens holds what came before it. */
  error: PySyntaxError | null;
  /** The innermost bracket still open at the end of the line, if any. */
  unclosed: { char: string; offset: number } | null;
}

const MAX_BRACKET_DEPTH = 200;

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '->', ':=', '**', '//', '>>', '<<', '<=', '>=', '==', '!=', '+=', '-=',
  '*=', '/=', '%=', '&=', '|=', '^=', '@=', '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(',
  ')', '[', ']', '{', '}', ',', ':', ';', '.', '=', '!',
];

const STRING_PREFIXES = new Set(['r', 'u', 'f', 'b', 'br', 'rb', 'fr', 'rf']);
const CLOSER_OF: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

const IDENT_START = /[\p{L}\p{Nl}_\u1885\u1886\u2118\u212e\u309b\u309c]/u;
const IDENT_CONTINUE = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_\u00b7\u0387\u1369-\u1371\u19da\u1885\u1886\u2118\u212e\u309b\u309c]/u;
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** 1-based column (in code points) of a UTF-16 offset in the line. */
export function columnAt(source: string, offset: number): number {
  let column = 1;
  for (let i = 0; i < offset && i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) i++;
    column++;
  }
  return column + Math.max(0, offset - source.length);
}

function charAt(source: string, i: number): string {
  return String.fromCodePoint(source.codePointAt(i) as number);
}

/**
 * Scans a string literal whose quote is at `quoteAt` (its prefix starts at `start`); returns its end
 * offset or an error. A backslash always keeps the next character inside, raw literals included.
 */
function scanString(source: string, start: number, quoteAt: number): number | PySyntaxError {
  const quote = source[quoteAt] as string;
  const triple = source.startsWith(quote.repeat(3), quoteAt);
  let i = quoteAt + (triple ? 3 : 1);
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (!triple && c === '\n') break;
    if (triple ? source.startsWith(quote.repeat(3), i) : c === quote) return i + (triple ? 3 : 1);
    i++;
  }
  const what = triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
  const line = source.slice(0, triple ? source.length : i).split('\n').length;
  return new PySyntaxError(`${what} (detected at line ${line})`, columnAt(source, start));
}

/** `inExpression`: the text is an expression padded to its place in the line (f-string fields). */
export function tokenize(source: string, inExpression = false): TokenizeResult {
  const tokens: Token[] = [];
  const brackets: { char: string; offset: number }[] = [];
  // On an error the tokens so far still end like a line, so the parser can look at them.
  const fail = (error: PySyntaxError): TokenizeResult => {
    const at = tokens[tokens.length - 1]?.end ?? 0;
    tokens.push({ kind: 'newline', text: '', start: at, end: at }, { kind: 'end', text: '', start: at, end: at });
    return { tokens, error, unclosed: null };
  };
  let i = 0;
  const lineStart = /^[ \t\f]*/.exec(source)?.[0].length ?? 0;
  const rest = source.slice(lineStart);
  if (!inExpression && lineStart > 0 && rest !== '' && !rest.startsWith('#') && !/^[\r\n]/.test(rest)) {
    return fail(new PySyntaxError('unexpected indent', lineStart, 'IndentationError'));
  }
  while (i < source.length) {
    const c = source[i] as string;
    if (c === ' ' || c === '\t' || c === '\f' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      if (brackets.length === 0) tokens.push({ kind: 'newline', text: '\n', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '\\') {
      const next = source[i + 1];
      if (next === '\n' || (next === '\r' && source[i + 2] === '\n')) {
        i += next === '\n' ? 2 : 3;
        continue;
      }
      return fail(new PySyntaxError('unexpected character after line continuation character', columnAt(source, i)));
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const scanned = scanNumber(source, i);
      if (scanned instanceof PySyntaxError) return fail(scanned);
      tokens.push({ kind: 'number', text: source.slice(i, scanned), start: i, end: scanned });
      i = scanned;
      continue;
    }
    if (c === '"' || c === "'") {
      const end = scanString(source, i, i);
      if (end instanceof PySyntaxError) return fail(end);
      tokens.push({ kind: 'string', text: source.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    const ch = charAt(source, i);
    if (IDENT_START.test(ch) || (ch.codePointAt(0) as number) >= 0x80) {
      let j = i;
      while (j < source.length) {
        const cj = charAt(source, j);
        if (j === i ? !IDENT_START.test(cj) : !IDENT_CONTINUE.test(cj)) break;
        j += cj.length;
      }
      if (j === i || (j < source.length && (charAt(source, j).codePointAt(0) as number) >= 0x80 && !IDENT_CONTINUE.test(charAt(source, j)))) {
        const bad = j === i ? ch : charAt(source, j);
        const at = j === i ? i : j;
        const cp = bad.codePointAt(0) as number;
        const hex = cp.toString(16).toUpperCase().padStart(4, '0');
        const message = NON_PRINTABLE.test(bad) ? `invalid non-printable character U+${hex}` : `invalid character '${bad}' (U+${hex})`;
        return fail(new PySyntaxError(message, columnAt(source, at)));
      }
      const word = source.slice(i, j);
      const quote = source[j];
      if ((quote === '"' || quote === "'") && STRING_PREFIXES.has(word.toLowerCase())) {
        const end = scanString(source, i, j);
        if (end instanceof PySyntaxError) return fail(end);
        tokens.push({ kind: 'string', text: source.slice(i, end), start: i, end });
        i = end;
        continue;
      }
      tokens.push({ kind: 'name', text: word, start: i, end: j });
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op === undefined) {
      tokens.push({ kind: 'error', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (op === '(' || op === '[' || op === '{') {
      if (brackets.length >= MAX_BRACKET_DEPTH) {
        return fail(new PySyntaxError('too many nested parentheses', columnAt(source, i)));
      }
      brackets.push({ char: op, offset: i });
    } else if (op === ')' || op === ']' || op === '}') {
      const open = brackets.pop();
      if (!open) return fail(new PySyntaxError(`unmatched '${op}'`, columnAt(source, i)));
      if (CLOSER_OF[open.char] !== op) {
        const sameLine = !source.slice(open.offset, i).includes('\n');
        const where = sameLine ? '' : ` on line ${source.slice(0, open.offset).split('\n').length}`;
        return fail(
          new PySyntaxError(`closing parenthesis '${op}' does not match opening parenthesis '${open.char}'${where}`, columnAt(source, i)),
        );
      }
    }
    tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
    i += op.length;
  }
  tokens.push({ kind: 'newline', text: '', start: source.length, end: source.length });
  tokens.push({ kind: 'end', text: '', start: source.length, end: source.length });
  return { tokens, error: null, unclosed: brackets[brackets.length - 1] ?? null };
}
