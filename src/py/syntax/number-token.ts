// Number literals, scanned the way CPython's tokenizer does (Parser/tokenizer.c), so that bad ones
// fail with its messages at its columns: 'invalid decimal literal', 'invalid hexadecimal literal',
// "invalid digit '8' in octal literal", 'leading zeros in decimal integer literals are not permitted ...'.
import { PySyntaxError } from './tokens';
import { columnAt } from './tokenizer';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isHex = (c: string | undefined): boolean => c !== undefined && /[0-9a-fA-F]/.test(c);
const isIdentChar = (c: string | undefined): boolean => c !== undefined && (/[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) >= 0x80);

class Scan {
  constructor(
    readonly source: string,
    public i: number,
  ) {}
  get c(): string | undefined {
    return this.source[this.i];
  }
  // CPython's tokenizer reports these errors at the index of its cursor, taken as the 1-based column.
  errorAt(message: string, index: number): PySyntaxError {
    return new PySyntaxError(message, columnAt(this.source, index) - 1 || 0);
  }
}

// A number followed directly by a letter is an error, except before the keywords that may follow a
// number in valid code ("1if x else y"), which CPython only warns about.
function checkEnd(scan: Scan, kind: string): PySyntaxError | null {
  const rest = scan.source.slice(scan.i);
  // verify_end_of_number: "1if", "1in", "1is" always pass; the other keywords must end there.
  if (/^(and|else|for|or|not)(?![A-Za-z0-9_\u0080-\uffff])/.test(rest) || /^i[fns]/.test(rest)) return null;
  if (isIdentChar(scan.c)) return scan.errorAt(`invalid ${kind} literal`, scan.i);
  return null;
}

// Digits with single underscores between them; the cursor ends on the first other character.
function decimalTail(scan: Scan): PySyntaxError | null {
  for (;;) {
    while (isDigit(scan.c)) scan.i++;
    if (scan.c !== '_') return null;
    scan.i++;
    if (!isDigit(scan.c)) return scan.errorAt('invalid decimal literal', scan.i);
  }
}

function radixLiteral(scan: Scan, kind: string, isValid: (c: string | undefined) => boolean, maxDigit: string | null): PySyntaxError | null {
  scan.i += 2;
  do {
    if (scan.c === '_') scan.i++;
    if (!isValid(scan.c)) {
      if (maxDigit !== null && isDigit(scan.c)) return scan.errorAt(`invalid digit '${scan.c}' in ${kind} literal`, scan.i + 1);
      return scan.errorAt(`invalid ${kind} literal`, scan.i);
    }
    while (isValid(scan.c)) scan.i++;
  } while (scan.c === '_');
  if (maxDigit !== null && isDigit(scan.c)) return scan.errorAt(`invalid digit '${scan.c}' in ${kind} literal`, scan.i + 1);
  return checkEnd(scan, kind);
}

function fractionAndExponent(scan: Scan, atFraction: boolean): PySyntaxError | null {
  if (atFraction) {
    scan.i++;
    if (isDigit(scan.c)) {
      const e = decimalTail(scan);
      if (e) return e;
    }
  }
  if (scan.c === 'e' || scan.c === 'E') {
    const eAt = scan.i;
    scan.i++;
    const sign: string | undefined = scan.c;
    if (sign === '+' || sign === '-') {
      scan.i++;
      if (!isDigit(scan.c)) return scan.errorAt('invalid decimal literal', scan.i);
    } else if (!isDigit(scan.c)) {
      scan.i = eAt;
      // "1else": the number ends before the keyword (CPython only warns).
      if (scan.source.startsWith('else', eAt)) return null;
      return scan.errorAt('invalid decimal literal', eAt);
    }
    const e = decimalTail(scan);
    if (e) return e;
  }
  if (scan.c === 'j' || scan.c === 'J') {
    scan.i++;
    return checkEnd(scan, 'imaginary');
  }
  return checkEnd(scan, 'decimal');
}

/** Scans the number at `start`; returns the offset just past it, or the tokenizer's error. */
export function scanNumber(source: string, start: number): number | PySyntaxError {
  const scan = new Scan(source, start);
  let error: PySyntaxError | null;
  const next = source[start + 1];
  if (source[start] === '.') {
    error = fractionAndExponent(scan, true);
  } else if (source[start] === '0' && (next === 'x' || next === 'X')) {
    error = radixLiteral(scan, 'hexadecimal', isHex, null);
  } else if (source[start] === '0' && (next === 'o' || next === 'O')) {
    error = radixLiteral(scan, 'octal', (c) => c !== undefined && c >= '0' && c <= '7', '7');
  } else if (source[start] === '0' && (next === 'b' || next === 'B')) {
    error = radixLiteral(scan, 'binary', (c) => c === '0' || c === '1', '1');
  } else if (source[start] === '0') {
    // Zeros (with underscores), then maybe more digits: only valid as a float or imaginary number.
    error = null;
    for (;;) {
      if (scan.c === '_') {
        scan.i++;
        if (!isDigit(scan.c)) {
          error = scan.errorAt('invalid decimal literal', scan.i);
          break;
        }
      }
      if (scan.c !== '0') break;
      scan.i++;
    }
    if (!error) {
      const zerosEnd = scan.i;
      let nonzero = false;
      if (isDigit(scan.c)) {
        nonzero = true;
        error = decimalTail(scan);
      }
      if (!error) {
        if (scan.c === '.' || scan.c === 'e' || scan.c === 'E' || scan.c === 'j' || scan.c === 'J') {
          error = fractionAndExponent(scan, scan.c === '.');
        } else if (nonzero) {
          error = new PySyntaxError(
            'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
            columnAt(source, start),
            'SyntaxError',
            columnAt(source, zerosEnd),
          );
        } else {
          error = checkEnd(scan, 'decimal');
        }
      }
    }
  } else {
    error = decimalTail(scan) ?? fractionAndExponent(scan, scan.c === '.');
  }
  return error ?? scan.i;
}
