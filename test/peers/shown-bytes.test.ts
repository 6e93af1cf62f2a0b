import { describe, expect, it } from 'vitest';
import { byteCount, shownBytes, shownLine } from '../../src/session/peers/shown-bytes';
import { bytesOf } from './helpers';

describe('shownBytes', () => {
  it("is the Python bytes repr: b'Welcome!', escapes for control bytes and quotes", () => {
    expect(shownBytes(bytesOf('Welcome!'))).toBe("b'Welcome!'");
    // CPython 3.11: repr(b'\x1b]0;x\x07\'"') == 'b\'\\x1b]0;x\\x07\\\'"\''
    expect(shownBytes(bytesOf('\x1b]0;x\x07\'"'))).toBe(`b'\\x1b]0;x\\x07\\'"'`);
    expect(shownBytes(new Uint8Array(0))).toBe("b''");
  });

  it('shows a long value by its start and its length', () => {
    const shown = shownBytes(new Uint8Array(10_000).fill(0x78), 8);
    expect(shown).toBe("b'xxxxxxxx'... (10000 bytes)");
  });
});

describe('shownLine', () => {
  it('keeps printable ASCII and escapes everything else, so a terminal never gets a control byte', () => {
    expect(shownLine(bytesOf('GET / HTTP/1.1'))).toBe('GET / HTTP/1.1');
    expect(shownLine(bytesOf('\x1b[2J\\\xff\x07'))).toBe('\\x1b[2J\\\\\\xff\\x07');
  });

  it('cuts a long line', () => {
    expect(shownLine(new Uint8Array(500).fill(0x41), 10)).toBe('AAAAAAAAAA...');
  });
});

describe('byteCount', () => {
  it('says byte or bytes', () => {
    expect(byteCount(1)).toBe('1 byte');
    expect(byteCount(0)).toBe('0 bytes');
    expect(byteCount(27)).toBe('27 bytes');
  });
});
