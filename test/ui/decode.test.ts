import { describe, expect, it } from 'vitest';
import { nextDecoding } from '../../src/ui/format/decode';
import { decodeBytes } from '../../src/ui/format/decode-codec';

const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

describe('decodeBytes', () => {
  it('decodes valid utf-8, gbk and latin-1', () => {
    expect(decodeBytes(new TextEncoder().encode('héllo 中文'), 'utf-8')).toEqual({ ok: true, text: 'héllo 中文' });
    expect(decodeBytes(hex('d6d0cec4'), 'gbk')).toEqual({ ok: true, text: '中文' });
    expect(decodeBytes(hex('a1a1'), 'gbk')).toEqual({ ok: true, text: '\u3000' });
    expect(decodeBytes(hex('48e9ff'), 'latin-1')).toEqual({ ok: true, text: 'Hé\u00ff' });
  });

  it('keeps a utf-8 BOM as data, as CPython does', () => {
    expect(decodeBytes(hex('efbbbf41'), 'utf-8')).toEqual({ ok: true, text: '\ufeffA' });
  });

  // Each message is CPython 3.11's UnicodeDecodeError text for the same bytes.
  it.each([
    ['ff', "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"],
    ['6162c3', "'utf-8' codec can't decode byte 0xc3 in position 2: unexpected end of data"],
    ['c328', "'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte"],
    ['e282', "'utf-8' codec can't decode bytes in position 0-1: unexpected end of data"],
    ['e28278', "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"],
    ['eda080', "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"],
    ['f4908080', "'utf-8' codec can't decode byte 0xf4 in position 0: invalid continuation byte"],
    ['c080', "'utf-8' codec can't decode byte 0xc0 in position 0: invalid start byte"],
    ['f09f98', "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"],
    ['e08080', "'utf-8' codec can't decode byte 0xe0 in position 0: invalid continuation byte"],
  ])('utf-8 error for %s', (bytes, message) => {
    expect(decodeBytes(hex(bytes), 'utf-8')).toEqual({ ok: false, message });
  });

  it.each([
    ['80', "'gbk' codec can't decode byte 0x80 in position 0: incomplete multibyte sequence"],
    ['8061', "'gbk' codec can't decode byte 0x80 in position 0: illegal multibyte sequence"],
    ['ff61', "'gbk' codec can't decode byte 0xff in position 0: illegal multibyte sequence"],
    ['8120', "'gbk' codec can't decode byte 0x81 in position 0: illegal multibyte sequence"],
    ['a140', "'gbk' codec can't decode byte 0xa1 in position 0: illegal multibyte sequence"],
    ['aaa1', "'gbk' codec can't decode byte 0xaa in position 0: illegal multibyte sequence"],
    ['817f', "'gbk' codec can't decode byte 0x81 in position 0: illegal multibyte sequence"],
    ['61d6', "'gbk' codec can't decode byte 0xd6 in position 1: incomplete multibyte sequence"],
    ['a1a18062', "'gbk' codec can't decode byte 0x80 in position 2: illegal multibyte sequence"],
  ])('gbk error for %s', (bytes, message) => {
    expect(decodeBytes(hex(bytes), 'gbk')).toEqual({ ok: false, message });
  });

  it('decodes empty data to an empty string', () => {
    expect(decodeBytes(new Uint8Array(0), 'utf-8')).toEqual({ ok: true, text: '' });
    expect(decodeBytes(new Uint8Array(0), 'gbk')).toEqual({ ok: true, text: '' });
  });

  it('says so plainly for a decoding it does not know', () => {
    expect(decodeBytes(hex('41'), 'ebcdic' as never)).toEqual({ ok: false, message: 'unknown encoding: ebcdic' });
  });

  it('cycles utf-8, gbk, latin-1', () => {
    expect(nextDecoding('utf-8')).toBe('gbk');
    expect(nextDecoding('gbk')).toBe('latin-1');
    expect(nextDecoding('latin-1')).toBe('utf-8');
  });
});
