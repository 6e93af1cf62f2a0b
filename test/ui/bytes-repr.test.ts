import { describe, expect, it } from 'vitest';
import { bytesRepr, bytesReprPrefix } from '../../src/ui/format/bytes-repr';

const b = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('bytesRepr (CPython 3.11 repr of bytes)', () => {
  // Each expected value is what python3.11 printed for repr() of the same bytes.
  it.each([
    ['', "b''"],
    ['hi', "b'hi'"],
    ["it's", `b"it's"`],
    ['say "hi"', `b'say "hi"'`],
    [`'"`, `b'\\'"'`],
    ['\\', "b'\\\\'"],
    ['\t\n\r', "b'\\t\\n\\r'"],
    ['\x7f\x80\xff', "b'\\x7f\\x80\\xff'"],
    ['GET / HTTP/1.1\r\nHost: x\r\n\r\n', "b'GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'"],
  ])('repr of %j', (text, expected) => {
    expect(bytesRepr(b(text))).toBe(expected);
  });

  it('writes every C0 control as CPython does', () => {
    const all = new Uint8Array(Array.from({ length: 32 }, (_, i) => i));
    expect(bytesRepr(all)).toBe(
      "b'\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n\\x0b\\x0c\\r\\x0e\\x0f\\x10\\x11\\x12\\x13\\x14\\x15\\x16\\x17\\x18\\x19\\x1a\\x1b\\x1c\\x1d\\x1e\\x1f'",
    );
  });

  it('never lets a control byte through', () => {
    const all = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    expect(bytesRepr(all)).toMatch(/^[\x20-\x7e]+$/);
  });

  it('cuts a long payload to a prefix and says how much is left', () => {
    const data = new Uint8Array(1000).fill(0x41);
    const { repr, omitted } = bytesReprPrefix(data, 10);
    expect(repr).toBe("b'AAAAAAAAAA'");
    expect(omitted).toBe(990);
    expect(bytesReprPrefix(b('abc'), 10)).toEqual({ repr: "b'abc'", omitted: 0 });
  });
});
