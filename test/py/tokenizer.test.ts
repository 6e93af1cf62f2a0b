import { describe, it, expect } from 'vitest';
import { tokenize, columnAt } from '../../src/py/syntax/tokenizer';

const kinds = (source: string) => tokenize(source).tokens.map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('splits a statement into names, operators, numbers and strings with their offsets', () => {
    const { tokens, error } = tokenize("conn.send(b'hi\\n', 0x10)");
    expect(error).toBeNull();
    expect(tokens.map((t) => [t.kind, t.text, t.start, t.end])).toEqual([
      ['name', 'conn', 0, 4],
      ['op', '.', 4, 5],
      ['name', 'send', 5, 9],
      ['op', '(', 9, 10],
      ['string', "b'hi\\n'", 10, 17],
      ['op', ',', 17, 18],
      ['number', '0x10', 19, 23],
      ['op', ')', 23, 24],
      ['newline', '', 24, 24],
      ['end', '', 24, 24],
    ]);
  });

  it('takes the longest operator and keeps comments out', () => {
    expect(kinds('a **= b // c # note')).toEqual(['name:a', 'op:**=', 'name:b', 'op://', 'name:c', 'newline:', 'end:']);
  });

  it('recognises every string prefix and triple quotes, and leaves other names alone', () => {
    expect(kinds(`rb'x' Br"y" f'{a}' u'z' '''t'q'''`).filter((k) => k.startsWith('string'))).toHaveLength(5);
    expect(kinds("ur'x'").slice(0, 2)).toEqual(['name:ur', "string:'x'"]);
  });

  it('reads the number forms of Python 3', () => {
    for (const n of ['0', '00', '1_000', '0x_ff', '0o17', '0b1010', '1.5', '.5', '5.', '1e-3', '1E+9', '3j', '09.5', '0e0']) {
      const { tokens, error } = tokenize(n);
      expect(error, n).toBeNull();
      expect(tokens[0]).toMatchObject({ kind: 'number', text: n });
    }
  });

  it.each([
    ["x = 'abc", 'unterminated string literal (detected at line 1)', 5],
    ["x = '''abc", 'unterminated triple-quoted string literal (detected at line 1)', 5],
    ['x = 1abc', 'invalid decimal literal', 5],
    ['x = 0123', 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', 5],
    ['x = 0x', 'invalid hexadecimal literal', 6],
    ['x = 0o8', "invalid digit '8' in octal literal", 7],
    ['x = 0b2', "invalid digit '2' in binary literal", 7],
    ['x = 1__0', 'invalid decimal literal', 6],
    ['x = 1e', 'invalid decimal literal', 5],
    ['x = “hi”', "invalid character '“' (U+201C)", 5],
    ['x = 1)', "unmatched ')'", 6],
    ['x = [1, 2)', "closing parenthesis ')' does not match opening parenthesis '['", 10],
    ['x = 1 \\', 'unexpected character after line continuation character', 7],
  ])('reports %j as CPython does', (source, message, column) => {
    const { error } = tokenize(source);
    expect(error?.message).toBe(message);
    expect(error?.column).toBe(column);
  });

  it('reports an indented line as IndentationError and an open bracket as unclosed', () => {
    expect(tokenize('  x = 1').error).toMatchObject({ kind: 'IndentationError', message: 'unexpected indent' });
    expect(tokenize('f(a, [1').unclosed).toEqual({ char: '[', offset: 5 });
  });

  it('stops at 200 nested brackets', () => {
    expect(tokenize('('.repeat(200) + ')'.repeat(200)).error).toBeNull();
    expect(tokenize('('.repeat(201) + ')'.repeat(201)).error).toMatchObject({ message: 'too many nested parentheses', column: 201 });
  });

  it('ends the tokens like a line even after an error, so a parser can still read them', () => {
    const { tokens } = tokenize("while x == 'abc");
    expect(tokens.slice(-2).map((t) => t.kind)).toEqual(['newline', 'end']);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    expect(columnAt('😀 = 1', 3)).toBe(3);
    expect(tokenize("'😀' + “x”").error?.column).toBe(7);
  });
});
