// The transcript normaliser the differential tests rely on: pure string work.
import { describe, it, expect } from 'vitest';
import { TranscriptNormaliser, fillPlaceholders, restorePlaceholders, transcriptBlocks } from '../support/normalise-transcript';

describe('TranscriptNormaliser', () => {
  it('renames fds, ports and addresses by first appearance, so recurrences must match', () => {
    const n = new TranscriptNormaliser();
    const text = [
      "<socket.socket fd=7, family=2, type=1, proto=0, laddr=('127.0.0.1', 40001), raddr=('127.0.0.1', 51000)>",
      "<socket.socket fd=9, family=10, type=1, proto=0, laddr=('::1', 51000, 0, 0)>",
      '<built-in method bind of socket object at 0x7f3a5c100040>',
      "('0.0.0.0', 0) 127.0.0.1:51000 [::1]:40001 fd=7 1.2.3.4.5:6",
    ].join('\n');
    expect(n.normalise(text)).toBe(
      [
        "<socket.socket fd=FD1, family=2, type=1, proto=0, laddr=('127.0.0.1', PORT1), raddr=('127.0.0.1', PORT2)>",
        "<socket.socket fd=FD2, family=10, type=1, proto=0, laddr=('::1', PORT2, 0, 0)>",
        '<built-in method bind of socket object at ADDR1>',
        "('0.0.0.0', 0) 127.0.0.1:PORT2 [::1]:PORT1 fd=FD1 1.2.3.4.5:6",
      ].join('\n'),
    );
    expect(n.normalise('fd=9 0x7f3a5c100040 0x7f3a5c100080')).toBe('fd=FD2 ADDR1 ADDR2');
  });

  it('drops where a module was loaded from', () => {
    const n = new TranscriptNormaliser();
    expect(n.normalise("<module 'socket' from '/root/lib/socket.py'> <module 'select' (built-in)>")).toBe("<module 'socket'> <module 'select'>");
  });
});

describe('placeholders and blocks', () => {
  it('fills and restores placeholders as whole numbers only', () => {
    const values = { PORT: 40001, PORT2: 400 };
    const line = fillPlaceholders("s.bind(('', {PORT})); x = {PORT2}; {OTHER}", values);
    expect(line).toBe("s.bind(('', 40001)); x = 400; {OTHER}");
    expect(restorePlaceholders(`${line} 4000 1.400.2 40001`, values)).toBe("s.bind(('', {PORT})); x = {PORT2}; {OTHER} 4000 1.400.2 {PORT}");
  });

  it('cuts a transcript at each statement echo, output without a newline included', () => {
    const transcript = '>>> a = 1\n>>> print(end="x")\nx>>> a\n1\n';
    expect(transcriptBlocks(transcript, ['a = 1', 'print(end="x")', 'a'])).toEqual(['>>> a = 1\n', '>>> print(end="x")\nx', '>>> a\n1\n']);
  });
});
