import { describe, expect, it } from 'vitest';
import { decodeLessonBytes, firstInvalidUtf8, splitFrontMatter, splitLines } from '../../src/lesson/lesson-text';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('firstInvalidUtf8', () => {
  it('accepts well-formed UTF-8 of every length', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('aé你😀'))).toBe(-1);
  });

  it('finds stray, truncated, overlong and surrogate sequences', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xff))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0xe4, 0xbd))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xe0, 0x80, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0x80))).toBe(0);
  });
});

describe('decodeLessonBytes', () => {
  it('gives the line of the first bad byte', () => {
    const result = decodeLessonBytes(bytes(0x61, 0x0a, 0x62, 0x0a, 0x63, 0xe9, 0x0a));
    expect(result).toEqual({ ok: false, line: 3, offset: 5, byte: 0xe9 });
  });

  it('drops a byte order mark', () => {
    expect(decodeLessonBytes(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, text: 'a' });
  });
});

describe('splitLines', () => {
  it('splits on every line ending and ignores a final newline', () => {
    expect(splitLines('a\r\nb\nc\rd\n')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('splitFrontMatter', () => {
  it('returns the YAML and the body with their first file lines', () => {
    const result = splitFrontMatter(['---', 'id: a', 'title: T', '---', '', 'Body']);
    expect(result).toEqual({ ok: true, yaml: 'id: a\ntitle: T', yamlLine: 2, body: ['', 'Body'], bodyLine: 5 });
  });

  it('allows blank lines before the front matter and ... as its end', () => {
    const result = splitFrontMatter(['', '---', 'id: a', '...', 'x']);
    expect(result).toMatchObject({ ok: true, yamlLine: 3, bodyLine: 5 });
  });

  it('reports a missing, unclosed or empty front matter at its line', () => {
    expect(splitFrontMatter(['# Title'])).toMatchObject({ ok: false, line: 1 });
    expect(splitFrontMatter(['', '---', 'id: a'])).toMatchObject({ ok: false, line: 2, message: expect.stringMatching(/never closed/) });
    expect(splitFrontMatter(['', ''])).toMatchObject({ ok: false, line: 1, message: expect.stringMatching(/empty/) });
  });
});
