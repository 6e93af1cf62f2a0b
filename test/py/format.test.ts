import { describe, it, expect } from 'vitest';
import { floatRepr } from '../../src/py/format/float-repr';
import { fixedDigits, formatShort, roundFloat } from '../../src/py/format/float-format';
import { formatFloat, formatInt, formatStr } from '../../src/py/format/format-spec';
import { strRepr, asciiEscape } from '../../src/py/format/str-repr';
import { bytesRepr } from '../../src/py/format/bytes-repr';
import { percentFormatBytes, percentFormatStr } from '../../src/py/format/percent';
import { strFormat } from '../../src/py/format/str-format';
import { intToDecimal } from '../../src/py/format/int-text';
import { newInt } from '../../src/py/objects/int';
import { newStr } from '../../src/py/objects/str';
import { newFloat } from '../../src/py/objects/float';
import { newTuple } from '../../src/py/objects/tuple';
import { PyDict } from '../../src/py/objects/dict';
import { PyBytes } from '../../src/py/objects/bytes';
import '../../src/py/runtime';
import { pyErrorText } from './helpers';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const text = (b: Uint8Array) => String.fromCharCode(...b);

describe('float repr', () => {
  it.each([
    [0.1, '0.1'],
    [1 / 3, '0.3333333333333333'],
    [100, '100.0'],
    [1e16, '1e+16'],
    [1.5e-5, '1.5e-05'],
    [1e-4, '0.0001'],
    [123456789012345678, '1.2345678901234568e+17'],
    [-0, '-0.0'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
  ])('repr(%d) == %s', (x, expected) => {
    expect(floatRepr(x)).toBe(expected);
  });
});

describe('correctly rounded float digits', () => {
  it('rounds half to even on the exact binary value', () => {
    expect(fixedDigits(0.125, 2)).toBe('0.12');
    expect(fixedDigits(0.375, 2)).toBe('0.38');
    expect(fixedDigits(2.5, 0)).toBe('2');
    expect(fixedDigits(1.005, 2)).toBe('1.00');
    expect(fixedDigits(0.1, 20)).toBe('0.10000000000000000555');
    expect(fixedDigits(1e100, 0)).toBe('10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104');
  });

  it('writes exponent and general notation as C printf does', () => {
    expect(formatShort(12345.678, { code: 'e', precision: 6 })).toBe('1.234568e+04');
    expect(formatShort(0.5, { code: 'e', precision: 0 })).toBe('5e-01');
    expect(formatShort(100000, { code: 'g', precision: 6 })).toBe('100000');
    expect(formatShort(1000000, { code: 'g', precision: 6 })).toBe('1e+06');
    expect(formatShort(1.5, { code: 'g', precision: 6, alt: true })).toBe('1.50000');
    expect(formatShort(3, { code: 'g', precision: 3, addDot0: true })).toBe('3.0');
    expect(formatShort(123456.789, { code: 'g', precision: 6, addDot0: true })).toBe('1.23457e+05');
    expect(formatShort(1e16, { code: 'r', precision: 0, addDot0: true, alt: true })).toBe('1.e+16');
    expect(formatShort(0.001, { code: 'f', precision: 1 })).toBe('0.0');
    expect(formatShort(1, { code: 'f', precision: 0, alt: true })).toBe('1.');
  });

  it('rounds like round(x, n)', () => {
    expect(roundFloat(2.675, 2)).toBe(2.67);
    expect(roundFloat(1234.5678, -2)).toBe(1200);
    expect(roundFloat(-0.45, 1)).toBe(-0.5);
  });
});

describe('format mini-language', () => {
  it.each([
    [42n, '05d', '00042'],
    [255n, '#010x', '0x000000ff'],
    [-255n, '#010x', '-0x00000ff'],
    [1234567n, ',', '1,234,567'],
    [0xffffffffn, '_x', 'ffff_ffff'],
    [12345n, '08,d', '0,012,345'],
    [-3n, '=+8', '-      3'],
    [3n, '*^9', '****3****'],
    [65n, 'c', 'A'],
    [5n, '.2f', '5.00'],
  ])('format(%s, %j) == %j', (n, spec, expected) => {
    expect(formatInt(n, spec)).toBe(expected);
  });

  it.each([
    [3.14159, '.2f', '3.14'],
    [1234.5, '010,.1f', '0,001,234.5'],
    [0.5, '%', '50.000000%'],
    [1e16, '.3', '1e+16'],
    [3.0, '', '3.0'],
    [-0.0, 'z.1f', '0.0'],
    [Infinity, '08.2f', '00000inf'],
    [NaN, '+', '+nan'],
    [1.0, '#.0f', '1.'],
  ])('format(%d, %j) == %j', (x, spec, expected) => {
    expect(formatFloat(x, spec)).toBe(expected);
  });

  it('formats text and rejects what CPython rejects', () => {
    expect(formatStr('ab', '*^9')).toBe('***ab****');
    expect(formatStr('abc', '.2')).toBe('ab');
    expect(pyErrorText(() => formatStr('a', '=5'))).toBe("ValueError: '=' alignment not allowed in string format specifier");
    expect(pyErrorText(() => formatInt(1n, '.2'))).toBe('ValueError: Precision not allowed in integer format specifier');
    expect(pyErrorText(() => formatInt(1n, ',x'))).toBe("ValueError: Cannot specify ',' with 'x'.");
    expect(pyErrorText(() => formatInt(1n, 'abc'))).toBe("ValueError: Invalid format specifier 'abc' for object of type 'int'");
    expect(pyErrorText(() => formatFloat(1.5, 'd'))).toBe("ValueError: Unknown format code 'd' for object of type 'float'");
  });
});

describe('reprs of text', () => {
  it('chooses quotes and escapes like CPython', () => {
    expect(strRepr("it's")).toBe('"it\'s"');
    expect(strRepr('both \' and "')).toBe("'both \\' and \"'");
    expect(strRepr('tab\there\n\x00\x7f')).toBe("'tab\\there\\n\\x00\\x7f'");
    expect(strRepr('é 中文 😀')).toBe("'é 中文 😀'");
    expect(strRepr('\u200b\u2028\ud800')).toBe("'\\u200b\\u2028\\ud800'");
    expect(asciiEscape(strRepr('é😀'))).toBe("'\\xe9\\U0001f600'");
  });

  it('shows bytes per design: printable ASCII, \\t \\n \\r \\\\ escaped, the rest \\xhh', () => {
    expect(bytesRepr(latin1('GET / HTTP/1.1\r\n\r\n'))).toBe("b'GET / HTTP/1.1\\r\\n\\r\\n'");
    expect(bytesRepr(latin1("it's"))).toBe('b"it\'s"');
    expect(bytesRepr(latin1('\x00\x1b\x7f\x80\xff\\'))).toBe("b'\\x00\\x1b\\x7f\\x80\\xff\\\\'");
    expect(bytesRepr(latin1('x'.repeat(200000))).length).toBe(200003);
  });

  it('refuses ints of more than 4300 digits, as CPython 3.11', () => {
    expect(intToDecimal(10n ** 4299n)).toHaveLength(4300);
    expect(pyErrorText(() => intToDecimal(10n ** 4300n))).toContain('Exceeds the limit (4300 digits) for integer string conversion');
  });
});

describe('% formatting', () => {
  it('formats str templates', () => {
    expect(percentFormatStr('Hello, %s!', newStr('Tracy'))).toBe('Hello, Tracy!');
    expect(percentFormatStr('%5d|%-5d|%05d|%+d', newTuple([newInt(42), newInt(42), newInt(42), newInt(5)]))).toBe('   42|42   |00042|+5');
    expect(percentFormatStr('%.2f %e %g', newTuple([newFloat(3.14159), newFloat(12345.678), newFloat(1e-5)]))).toBe('3.14 1.234568e+04 1e-05');
    expect(percentFormatStr('%#x %r %c', newTuple([newInt(255), newStr('q'), newInt(65)]))).toBe("0xff 'q' A");
    const mapping = new PyDict();
    mapping.set(newStr('name'), newStr('Sarah'));
    expect(percentFormatStr('%(name)s', mapping)).toBe('Sarah');
  });

  it('formats bytes templates', () => {
    const template = latin1('Hello, %s! %d bytes');
    expect(text(percentFormatBytes(template, newTuple([new PyBytes(latin1('Tracy')), newInt(5)])))).toBe('Hello, Tracy! 5 bytes');
    expect(pyErrorText(() => percentFormatBytes(latin1('%s'), newStr('x')))).toBe(
      "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'",
    );
  });

  it('raises what CPython raises', () => {
    expect(pyErrorText(() => percentFormatStr('%s %s', newTuple([newInt(1)])))).toBe('TypeError: not enough arguments for format string');
    expect(pyErrorText(() => percentFormatStr('%s', newTuple([newInt(1), newInt(2)])))).toBe('TypeError: not all arguments converted during string formatting');
    expect(pyErrorText(() => percentFormatStr('%d', newStr('x')))).toBe('TypeError: %d format: a real number is required, not str');
    expect(pyErrorText(() => percentFormatStr('%z', newInt(1)))).toBe("ValueError: unsupported format character 'z' (0x7a) at index 1");
  });

  it("prints '%' only for '%%': a '%' directive with a width takes an argument, then is refused", () => {
    expect(percentFormatStr('a%%b', newTuple([]))).toBe('a%b');
    expect(text(percentFormatBytes(latin1('a%%b%s'), newTuple([new PyBytes(latin1('c'))])))).toBe('a%bc');
    expect(pyErrorText(() => percentFormatStr('%5%', newTuple([])))).toBe('TypeError: not enough arguments for format string');
    expect(pyErrorText(() => percentFormatStr('%s %5%', newTuple([newInt(1), newInt(2)])))).toBe(
      "ValueError: unsupported format character '%' (0x25) at index 5",
    );
    expect(pyErrorText(() => percentFormatBytes(latin1('%-%'), newTuple([new PyBytes(latin1('x'))])))).toBe(
      "ValueError: unsupported format character '%' (0x25) at index 2",
    );
  });
});

describe('str.format', () => {
  const args = (positional: unknown[], keywords: Record<string, unknown> = {}) => ({
    positional: positional.map((v) => (typeof v === 'number' ? newInt(v) : newStr(String(v)))),
    keyword: (name: string) => (name in keywords ? newStr(String(keywords[name])) : undefined),
  });

  it('fills automatic, numbered and named fields with conversions and nested specs', () => {
    expect(strFormat('{} and {}', args(['x', 'y']))).toBe('x and y');
    expect(strFormat('{1}{0}', args(['a', 'b']))).toBe('ba');
    expect(strFormat('{name!r:>8}|', args([], { name: 'Tracy' }))).toBe(" 'Tracy'|");
    expect(strFormat('{0:{1}}|', args(['a', 5]))).toBe('a    |');
    expect(strFormat('{{}}', args([]))).toBe('{}');
  });

  it('raises what CPython raises', () => {
    expect(pyErrorText(() => strFormat('{}', args([])))).toBe('IndexError: Replacement index 0 out of range for positional args tuple');
    expect(pyErrorText(() => strFormat('{0} {}', args([1, 2])))).toBe('ValueError: cannot switch from manual field specification to automatic field numbering');
    expect(pyErrorText(() => strFormat('{', args([])))).toBe("ValueError: Single '{' encountered in format string");
    expect(pyErrorText(() => strFormat('{0!x}', args([1])))).toBe('ValueError: Unknown conversion specifier x');
  });
});
