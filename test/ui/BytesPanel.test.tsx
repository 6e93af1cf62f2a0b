import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, beforeAll } from 'vitest';
import type { BytesShown } from '../../src/session/types';
import { BytesPanel } from '../../src/ui/components/BytesPanel';
import type { Decoding } from '../../src/ui/format/decode';
import { displayWidth } from '../../src/ui/format/text-width';
import { encoder, forbidden, hostileBytes } from './fixtures';
import { loadBytesCodec } from '../../src/ui/components/use-bytes-codec';

const instances: Array<ReturnType<typeof render>> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.unmount();
});

function panel(shown: BytesShown, decoding: Decoding = 'utf-8', width = 80, hexLines = 4): string {
  const instance = render(<BytesPanel shown={shown} count={1} decoding={decoding} width={width} hexLines={hexLines} colour={false} />);
  instances.push(instance);
  return instance.lastFrame() ?? '';
}

// the screens load the decoder once drawn; here it is loaded before the panel renders
beforeAll(() => loadBytesCodec());

describe('BytesPanel with hostile bytes', () => {
  const shown: BytesShown = { label: 'conn.recv(4096)', data: hostileBytes };

  it.each(['utf-8', 'gbk', 'latin-1'] as const)('renders no ESC, BEL, C1 or bidi character when decoding as %s', (decoding) => {
    const frame = panel(shown, decoding, 80, 20);
    expect(frame).not.toMatch(forbidden);
    expect(frame).toContain("b'\\x1b]0;pwned title\\x07");
    expect(frame).toContain('00000000  1b 5d 30 3b 70 77 6e 65  64 20 74 69 74 6c 65 07  |.]0;pwned title.|');
  });

  it('shows the escaped decoding, bidi override included', () => {
    const frame = panel({ label: 'x', data: encoder.encode('abc\u202egnp.exe\x1b[2J') }, 'utf-8');
    expect(frame).toContain("utf-8 [Ctrl+T]: 'abc\\u202egnp.exe\\x1b[2J'");
  });
});

describe('BytesPanel', () => {
  it('says plainly when the bytes do not decode', () => {
    const frame = panel({ label: 'conn.recv(1024)', data: new Uint8Array([0x48, 0xff]) }, 'utf-8');
    expect(frame).toContain("utf-8 [Ctrl+T]: can't decode byte 0xff in position 1: invalid start byte");
  });

  it('decodes GBK text as the lesson about encodings needs', () => {
    const frame = panel({ label: 'conn.recv(1024)', data: new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]) }, 'gbk');
    expect(frame).toContain("gbk [Ctrl+T]: '中文'");
    expect(frame).toContain("b'\\xd6\\xd0\\xce\\xc4'");
  });

  it('explains an empty result', () => {
    const frame = panel({ label: 'conn.recv(1024)', data: new Uint8Array(0) });
    expect(frame).toContain('conn.recv(1024) returned 0 bytes');
    expect(frame).toContain("b''");
    expect(frame).toContain("recv() gives b'' when the other side has closed");
  });

  it('names the sender of a datagram', () => {
    const frame = panel({ label: 's.recvfrom(1024)', data: encoder.encode('hi'), from: '127.0.0.1:51968' });
    expect(frame).toContain('s.recvfrom(1024) returned 2 bytes · from 127.0.0.1:51968');
  });

  it('cuts a big payload to the lines it has and says how big it is', () => {
    const data = new Uint8Array(4096).map((_, i) => i % 251);
    const frame = panel({ label: 'conn.recv(4096)', data }, 'latin-1', 80, 3);
    const lines = frame.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[4]).toBe('… 4096 bytes in all; the dump shows the first 2 lines');
    expect(lines[1]?.endsWith('…')).toBe(true);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('uses 8 bytes a line on a narrow screen', () => {
    const frame = panel({ label: 'r', data: encoder.encode('Hello there\n') }, 'utf-8', 50, 4);
    expect(frame).toContain('00000000  48 65 6c 6c  6f 20 74 68  |Hello th|');
  });
});
