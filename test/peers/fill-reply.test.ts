import { describe, expect, it } from 'vitest';
import { fillReply, isExitMessage } from '../../src/session/peers/fill-reply';
import { bytesOf, template } from './helpers';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('fillReply', () => {
  it("fills {data} with the message decoded and encodes the reply: 'Hello, %s!' % data.decode()", () => {
    expect(text(fillReply(template('Hello, {data}!'), bytesOf('Michael'), 'utf-8'))).toBe('Hello, Michael!');
  });

  it('fills {upper}, {lower} and {length}, and keeps literal braces', () => {
    const reply = fillReply(template('{{{data}}} {upper} {lower} {length}'), bytesOf('Abc'), 'ascii');
    expect(text(reply)).toBe('{Abc} ABC abc 3');
  });

  it('uses Python\'s full case mapping for {upper} and {lower}', () => {
    const reply = fillReply(template('{upper}|{lower}'), new TextEncoder().encode('Straße ΣΑΣ'), 'utf-8');
    expect(new TextDecoder().decode(reply)).toBe('STRASSE ΣΑΣ|straße σας');
  });

  it('decodes and re-encodes with the peer encoding (GBK), {length} counting bytes', () => {
    const gbk = Uint8Array.from([0xc4, 0xe3, 0xba, 0xc3]);
    const reply = fillReply(template('{data}|{upper}|{lower}|{length}'), gbk, 'gbk');
    // '你好|你好|你好|4'.encode('gbk') in CPython 3.11.
    expect([...reply]).toEqual([...bytesOf('\xc4\xe3\xba\xc3|\xc4\xe3\xba\xc3|\xc4\xe3\xba\xc3|4')]);
  });

  it("replaces bytes the encoding cannot decode, as errors='replace' does, instead of failing", () => {
    expect([...fillReply(template('[{data}]'), Uint8Array.from([0xff, 0xfe]), 'utf-8')]).toEqual([
      0x5b, 0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd, 0x5d,
    ]);
    expect(text(fillReply(template('[{data}]'), Uint8Array.from([0x41, 0xff]), 'ascii'))).toBe('[A?]');
    expect(text(fillReply(template('{data}'), Uint8Array.from([0xe9]), 'latin-1'))).toBe('\xe9');
  });

  it('replaces what the encoding cannot encode with ?', () => {
    expect(text(fillReply(template('{upper}'), bytesOf('\xff'), 'latin-1'))).toBe('?');
  });

  it('gives a reply with no placeholder as it is', () => {
    expect(text(fillReply(template('OK\r\n'), bytesOf('anything'), 'utf-8'))).toBe('OK\r\n');
  });
});

describe('isExitMessage', () => {
  const exit = bytesOf('exit');
  it('matches the exit message, also with one trailing \\r\\n or \\n', () => {
    expect(isExitMessage(bytesOf('exit'), exit)).toBe(true);
    expect(isExitMessage(bytesOf('exit\n'), exit)).toBe(true);
    expect(isExitMessage(bytesOf('exit\r\n'), exit)).toBe(true);
  });

  it('does not match anything else', () => {
    for (const other of ['exit\n\n', 'exit\r', 'exits', ' exit', 'EXIT', '', 'exi']) {
      expect(isExitMessage(bytesOf(other), exit)).toBe(false);
    }
  });
});
