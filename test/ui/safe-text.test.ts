import { describe, expect, it } from 'vitest';
import { escapeCodePoint, isPrintable, safeLines, safeText, strRepr } from '../../src/ui/format/safe-text';
import { forbidden, hostileText } from './fixtures';

const ESC = '\x1b';

describe('safeText', () => {
  it('keeps printable ASCII and printable Unicode as they are', () => {
    expect(safeText('Hello, world!')).toBe('Hello, world!');
    expect(safeText('中文 café 😀 e\u0301')).toBe('中文 café 😀 e\u0301');
  });

  it('escapes OSC title and clipboard sequences so that no ESC or BEL survives', () => {
    expect(safeText('\x1b]0;pwned\x07')).toBe('\\x1b]0;pwned\\x07');
    expect(safeText('\x1b]2;t\x1b\\')).toBe('\\x1b]2;t\\x1b\\');
    expect(safeText('\x1b]52;c;ZWNobw==\x07')).toBe('\\x1b]52;c;ZWNobw==\\x07');
  });

  it('escapes CSI screen clears and cursor moves, \\r, \\b, BEL and DEL', () => {
    expect(safeText('\x1b[2J\x1b[H')).toBe('\\x1b[2J\\x1b[H');
    expect(safeText('\x1b[10A')).toBe('\\x1b[10A');
    expect(safeText('a\rb\bc\x07d\x7f')).toBe('a\\rb\\x08c\\x07d\\x7f');
  });

  it('escapes C1 controls and bidi overrides, isolates and marks', () => {
    expect(safeText('\u009b31m\u009d0;x\u009c\u0085')).toBe('\\x9b31m\\x9d0;x\\x9c\\x85');
    expect(safeText('abc\u202egnp.exe')).toBe('abc\\u202egnp.exe');
    expect(safeText('\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202c\u202d')).toBe(
      '\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u202a\\u202b\\u202c\\u202d',
    );
  });

  it('escapes lone surrogates, unassigned and private-use code points', () => {
    expect(safeText('\ud800')).toBe('\\ud800');
    expect(safeText('\u0378\ue000')).toBe('\\u0378\\ue000');
    expect(safeText('\u{10ffff}')).toBe('\\U0010ffff');
  });

  it('leaves nothing forbidden in the whole hostile sample', () => {
    const out = safeText(hostileText);
    expect(out).not.toMatch(forbidden);
    expect(out.includes(ESC)).toBe(false);
  });
});

describe('safeLines', () => {
  it('keeps line breaks as lines and expands tabs to 8-column stops', () => {
    expect(safeLines('a\tb\nxy\r\nz')).toEqual(['a       b', 'xy', 'z']);
    expect(safeLines('中\tx')).toEqual(['中      x']);
  });

  it('escapes a lone \\r and every control in each line', () => {
    expect(safeLines('carriage\rreturn\n\x1b[2J')).toEqual(['carriage\\rreturn', '\\x1b[2J']);
    for (const line of safeLines(hostileText)) expect(line).not.toMatch(forbidden);
  });
});

describe('strRepr (CPython 3.11 repr of a str)', () => {
  it('matches CPython for quotes, escapes and printable Unicode', () => {
    expect(strRepr('\x1b]0;t\x07')).toBe("'\\x1b]0;t\\x07'");
    expect(strRepr('a\u202eb')).toBe("'a\\u202eb'");
    expect(strRepr('中文\u3000x')).toBe("'中文\\u3000x'");
    expect(strRepr("it's")).toBe('"it\'s"');
    expect(strRepr('both \' and "')).toBe("'both \\' and \"'");
    expect(strRepr('\ud800')).toBe("'\\ud800'");
    expect(strRepr('\u{1F600}')).toBe("'😀'");
    expect(strRepr('\x85')).toBe("'\\x85'");
    expect(strRepr('\u00a0')).toBe("'\\xa0'");
    expect(strRepr('back\\slash\n')).toBe("'back\\\\slash\\n'");
  });
});

describe('code points', () => {
  it('escape as \\x, \\u or \\U by size', () => {
    expect(escapeCodePoint(0x1b)).toBe('\\x1b');
    expect(escapeCodePoint(0x202e)).toBe('\\u202e');
    expect(escapeCodePoint(0x1f600)).toBe('\\U0001f600');
  });

  it('treat the ASCII space as printable and other spaces as not', () => {
    expect(isPrintable(' ')).toBe(true);
    expect(isPrintable('\u3000')).toBe(false);
    expect(isPrintable('x')).toBe(true);
  });
});
