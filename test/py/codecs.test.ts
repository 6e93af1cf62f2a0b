import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { encodeText, decodeBytes, codecName } from '../../src/py/codecs/index';
import { pyErrorText } from './helpers';
import '../../src/py/runtime';

const bytes = (...values: number[]) => Uint8Array.from(values);
const hex = (data: Uint8Array) => Buffer.from(data).toString('hex');

describe('codec names', () => {
  it('resolves the aliases CPython knows', () => {
    expect(['utf-8', 'UTF8', 'utf_8', 'U8', 'cp65001'].map(codecName)).toEqual(Array(5).fill('utf-8'));
    expect(['latin-1', 'latin1', 'ISO-8859-1', 'iso8859_1', 'l1'].map(codecName)).toEqual(Array(5).fill('latin-1'));
    expect(['ascii', 'US-ASCII', '646'].map(codecName)).toEqual(Array(3).fill('ascii'));
    expect(['gbk', 'GBK', 'cp936', '936'].map(codecName)).toEqual(Array(4).fill('gbk'));
    expect(codecName('euc-cn')).toBe('gb2312');
    expect(codecName('foo')).toBeNull();
    expect(pyErrorText(() => encodeText('x', 'foo'))).toBe('LookupError: unknown encoding: foo');
  });
});

describe('utf-8', () => {
  it('round-trips text', () => {
    const text = 'héllo 中文 😀';
    expect(decodeBytes(encodeText(text))).toBe(text);
  });

  it.each([
    [[0xff], "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"],
    [[0x61, 0xe4, 0xb8], "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data"],
    [[0xe4, 0x41], "'utf-8' codec can't decode byte 0xe4 in position 0: invalid continuation byte"],
    [[0xf0, 0x90, 0x41], "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"],
    [[0xed, 0xa0, 0x80], "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"],
    [[0xc0, 0xaf], "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"],
  ])('reports %j as CPython', (input, message) => {
    expect(pyErrorText(() => decodeBytes(Uint8Array.from(input)))).toBe(`UnicodeDecodeError: ${message}`);
  });

  it('applies the error handlers one maximal subpart at a time', () => {
    const data = bytes(0x61, 0xed, 0xa0, 0x80, 0xf0, 0x90, 0x62);
    expect(decodeBytes(data, 'utf-8', 'replace')).toBe('a\ufffd\ufffd\ufffd\ufffdb');
    expect(decodeBytes(data, 'utf-8', 'ignore')).toBe('ab');
    expect(decodeBytes(data, 'utf-8', 'backslashreplace')).toBe('a\\xed\\xa0\\x80\\xf0\\x90b');
    expect(decodeBytes(bytes(0xff, 0x41), 'utf-8', 'surrogateescape')).toBe('\udcffA');
    expect(hex(encodeText('\udcffA', 'utf-8', 'surrogateescape'))).toBe('ff41');
  });

  it('refuses lone surrogates, a run at a time', () => {
    // A low surrogate before a high one: two lone surrogates (JS would pair them the other way round).
    expect(pyErrorText(() => encodeText('a\udc00\ud800x'))).toBe(
      "UnicodeEncodeError: 'utf-8' codec can't encode characters in position 1-2: surrogates not allowed",
    );
    expect(hex(encodeText('\ud800x', 'utf-8', 'replace'))).toBe('3f78');
  });

  it('looks up an unknown error handler only when an error happens', () => {
    expect(decodeBytes(bytes(0x61), 'utf-8', 'bogus')).toBe('a');
    expect(pyErrorText(() => decodeBytes(bytes(0xff), 'utf-8', 'bogus'))).toBe("LookupError: unknown error handler name 'bogus'");
  });
});

describe('ascii and latin-1', () => {
  it('encode runs of unencodable characters as one error', () => {
    expect(pyErrorText(() => encodeText('héé', 'ascii'))).toBe(
      "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)",
    );
    expect(pyErrorText(() => encodeText('a€', 'latin-1'))).toBe(
      "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range(256)",
    );
    expect(pyErrorText(() => encodeText('😀', 'ascii'))).toContain("character '\\U0001f600'");
    expect(hex(encodeText('héllo', 'ascii', 'xmlcharrefreplace'))).toBe(hex(encodeText('h&#233;llo')));
    expect(hex(encodeText('hé', 'ascii', 'backslashreplace'))).toBe(hex(encodeText('h\\xe9')));
  });

  it('decode', () => {
    expect(decodeBytes(bytes(0xe9), 'latin-1')).toBe('é');
    expect(pyErrorText(() => decodeBytes(bytes(0x41, 0xe9), 'ascii'))).toBe(
      "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)",
    );
    expect(decodeBytes(bytes(0xe9, 0xe9), 'ascii', 'replace')).toBe('\ufffd\ufffd');
  });
});

describe('Chinese codecs', () => {
  it('encode and decode gbk as CPython', () => {
    expect(hex(encodeText('中文', 'gbk'))).toBe('d6d0cec4');
    expect(decodeBytes(bytes(0xd6, 0xd0, 0xce, 0xc4), 'gbk')).toBe('中文');
    expect(pyErrorText(() => encodeText('a€', 'gbk'))).toBe(
      "UnicodeEncodeError: 'gbk' codec can't encode character '\\u20ac' in position 1: illegal multibyte sequence",
    );
    expect(pyErrorText(() => decodeBytes(bytes(0xff, 0x61), 'gbk'))).toBe(
      "UnicodeDecodeError: 'gbk' codec can't decode byte 0xff in position 0: illegal multibyte sequence",
    );
    expect(pyErrorText(() => decodeBytes(bytes(0x61, 0x81), 'gbk'))).toBe(
      "UnicodeDecodeError: 'gbk' codec can't decode byte 0x81 in position 1: incomplete multibyte sequence",
    );
    expect(decodeBytes(bytes(0xd6, 0xd0, 0x80, 0x41), 'gbk', 'replace')).toBe('中\ufffdA');
  });

  it("keep CPython's own mappings where they differ from the WHATWG tables", () => {
    expect(decodeBytes(bytes(0xa1, 0xa4), 'gb2312')).toBe('\u30fb');
    expect(decodeBytes(bytes(0xa1, 0xa4), 'gbk')).toBe('\u00b7');
    expect(hex(encodeText('\u00a2', 'big5'))).toBe('a246');
    expect(decodeBytes(bytes(0x81, 0x30, 0x81, 0x30), 'gb18030')).toBe('\u0080');
    expect(hex(encodeText('😀', 'gb18030'))).toBe('9439fc36');
  });

  it('agree with python3 on a sample of every two-byte sequence', () => {
    const script = String.raw`
import sys, json
out = {}
for enc in ['gbk', 'gb2312', 'big5', 'gb18030']:
    for lead in range(0x81, 0xff, 3):
        for trail in range(0x40, 0xff, 5):
            b = bytes([lead, trail, 0x41])
            out[enc + ':' + b.hex()] = b.decode(enc, 'backslashreplace')
json.dump(out, sys.stdout)`;
    const expected = JSON.parse(execFileSync('python3', ['-c', script]).toString('utf8')) as Record<string, string>;
    const mismatches: string[] = [];
    for (const [key, value] of Object.entries(expected)) {
      const [encoding, hexText] = key.split(':') as [string, string];
      const actual = decodeBytes(Buffer.from(hexText, 'hex'), encoding, 'backslashreplace');
      if (actual !== value) mismatches.push(`${key} ${JSON.stringify(actual)} != ${JSON.stringify(value)}`);
    }
    expect(mismatches).toEqual([]);
    expect(Object.keys(expected).length).toBeGreaterThan(4000);
  });
});
