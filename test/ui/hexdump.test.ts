import { describe, expect, it } from 'vitest';
import { bytesPerLineFor, hexdumpLines, hexdumpLineWidth } from '../../src/ui/format/hexdump';

const b = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('hexdumpLines', () => {
  // The expected lines are what `hexdump -C` printed for the same input on this machine.
  it('matches hexdump -C, non-printables as dots', () => {
    expect(hexdumpLines(b('Hello, world\n\x00\x01\x1b]0;hi\x07 more text here!'))).toEqual([
      '00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 0a 00 01 1b  |Hello, world....|',
      '00000010  5d 30 3b 68 69 07 20 6d  6f 72 65 20 74 65 78 74  |]0;hi. more text|',
      '00000020  20 68 65 72 65 21                                 | here!|',
      '00000026',
    ]);
  });

  it('collapses repeated lines into * as hexdump -C does', () => {
    expect(hexdumpLines(new Uint8Array(70))).toEqual([
      '00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|',
      '*',
      '00000040  00 00 00 00 00 00                                 |......|',
      '00000046',
    ]);
    expect(hexdumpLines(b('A'.repeat(16) + 'B'.repeat(32) + 'A'.repeat(16) + 'C'))).toEqual([
      '00000000  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|',
      '00000010  42 42 42 42 42 42 42 42  42 42 42 42 42 42 42 42  |BBBBBBBBBBBBBBBB|',
      '*',
      '00000030  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|',
      '00000040  43                                                |C|',
      '00000041',
    ]);
  });

  it('prints nothing for no bytes, like hexdump', () => {
    expect(hexdumpLines(new Uint8Array(0))).toEqual([]);
  });

  it('has a narrow 8-byte layout and picks it when 16 do not fit', () => {
    expect(hexdumpLines(b('Hello there\n'), 8)).toEqual([
      '00000000  48 65 6c 6c  6f 20 74 68  |Hello th|',
      '00000008  65 72 65 0a               |ere.|',
      '0000000c',
    ]);
    expect(hexdumpLineWidth(16)).toBe(78);
    expect(bytesPerLineFor(80)).toBe(16);
    expect(bytesPerLineFor(60)).toBe(8);
  });

  it('stops at maxLines without the length line', () => {
    const lines = hexdumpLines(b('x'.repeat(100)), 16, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.startsWith('*')).toBe(true);
  });

  it('keeps every dump line plain ASCII whatever the bytes', () => {
    const all = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    for (const line of hexdumpLines(all)) expect(line).toMatch(/^[\x20-\x7e]*$/);
  });
});
