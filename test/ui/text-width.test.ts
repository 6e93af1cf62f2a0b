import { describe, expect, it } from 'vitest';
import { truncateAddress } from '../../src/ui/format/address';
import { displayWidth, fitWidth, truncateEnd, wordWrap, wrapLine } from '../../src/ui/format/text-width';
import { titleBar } from '../../src/ui/format/title-bar';

describe('displayWidth', () => {
  it('counts CJK and emoji as two columns and combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
  });
});

describe('truncateEnd and fitWidth', () => {
  it('cut with an ellipsis only when needed', () => {
    expect(truncateEnd('hello', 5)).toBe('hello');
    expect(truncateEnd('hello world', 6)).toBe('hello…');
    expect(truncateEnd('hello', 1)).toBe('…');
    expect(truncateEnd('hello', 0)).toBe('');
    expect(truncateEnd('中文中文', 5)).toBe('中文…');
  });

  it('pads to the exact width', () => {
    expect(fitWidth('ab', 4)).toBe('ab  ');
    expect(fitWidth('abcdef', 4)).toBe('abc…');
    expect(displayWidth(fitWidth('中文中文', 5))).toBe(5);
  });
});

describe('wrapLine and wordWrap', () => {
  it('hard-wraps at the width without losing characters', () => {
    expect(wrapLine('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(wrapLine('', 3)).toEqual(['']);
    expect(wrapLine('中文中', 4)).toEqual(['中文', '中']);
  });

  it('wraps prose at spaces', () => {
    expect(wordWrap('the quick brown fox', 10)).toEqual(['the quick', 'brown fox']);
    expect(wordWrap('averyveryverylongword x', 8)).toEqual(['averyver', 'yverylon', 'gword x']);
  });
});

describe('truncateAddress', () => {
  it('keeps the port and cuts the host', () => {
    expect(truncateAddress('127.0.0.1:51968', 15)).toBe('127.0.0.1:51968');
    expect(truncateAddress('127.0.0.1:51968', 12)).toBe('127.0…:51968');
    expect(truncateAddress('[fe80::1:2:3:4]:9999', 14)).toBe('[fe80::…]:9999');
  });

  it('falls back to a plain cut when the port alone does not fit', () => {
    expect(truncateAddress('127.0.0.1:51968', 5)).toBe('127.…');
    expect(truncateAddress('/tmp/a-long-unix-socket-path', 10)).toBe('/tmp/a-lo…');
  });
});

describe('titleBar', () => {
  it('draws a rule of exactly the width with the title in it', () => {
    expect(titleBar('sockets (4)', 20)).toBe('── sockets (4) ─────');
    expect(displayWidth(titleBar('a very long title that does not fit', 12))).toBe(12);
    expect(titleBar('x', 3)).toBe('───');
  });
});
