import { describe, expect, it } from 'vitest';
import { splitChunk } from '../../src/ui/keys/split-chunk';

describe('splitChunk', () => {
  it('leaves single keys, flagged keys and pasted lines alone', () => {
    expect(splitChunk('a', {})).toEqual({ keys: [{ input: 'a', key: {} }], rest: '' });
    expect(splitChunk('', { tab: true })).toEqual({ keys: [{ input: '', key: { tab: true } }], rest: '' });
    expect(splitChunk('x = 1\ry = 2\r', {})).toEqual({ keys: [{ input: 'x = 1\ry = 2\r', key: {} }], rest: '' });
    expect(splitChunk('ab', { ctrl: true })).toEqual({ keys: [{ input: 'ab', key: { ctrl: true } }], rest: '' });
  });

  it('cuts Tab, Backspace and Delete out of a run of characters, in order', () => {
    expect(splitChunk('\t\r', {})).toEqual({ keys: [{ input: '', key: { tab: true } }, { input: '', key: { return: true } }], rest: '' });
    expect(splitChunk('ab\x7fc\bd', {}).keys).toEqual([
      { input: 'ab', key: {} },
      { input: '', key: { delete: true } },
      { input: 'c', key: {} },
      { input: '', key: { backspace: true } },
      { input: 'd', key: {} },
    ]);
  });

  it('stops at the first Enter and leaves the rest to be pasted', () => {
    expect(splitChunk('so\t\r\nprint(1)\r\tpass', {})).toEqual({
      keys: [{ input: 'so', key: {} }, { input: '', key: { tab: true } }, { input: '', key: { return: true } }],
      rest: 'print(1)\r\tpass',
    });
  });
});
