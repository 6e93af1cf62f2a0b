import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  AddressError,
  decodeSockaddr,
  encodeSockaddr,
  formatAddr,
  formatIPv6,
  parseNumericHost,
  sameAddr,
  type SockAddr,
} from '../../src/sys/sockaddr';

function python(code: string, input: unknown): unknown {
  return JSON.parse(execFileSync('python3', ['-c', code], { input: JSON.stringify(input) + '\n', encoding: 'utf8' }));
}

describe('sockaddr round trips', () => {
  const addrs: SockAddr[] = [
    { family: 2, host: '127.0.0.1', port: 9999 },
    { family: 2, host: '0.0.0.0', port: 0 },
    { family: 2, host: '255.255.255.255', port: 65535 },
    { family: 10, host: '::1', port: 80, flowinfo: 0, scopeId: 0 },
    { family: 10, host: '::ffff:127.0.0.1', port: 8080, flowinfo: 5, scopeId: 1 },
    { family: 10, host: '2001:db8::ff00:42:8329', port: 443, flowinfo: 0xfffff, scopeId: 0xffffffff },
    { family: 1, path: '/tmp/socklab.sock' },
    { family: 1, path: '\0abstract name' },
    { family: 1, path: '/tmp/caf\u00e9' },
  ];
  for (const addr of addrs) {
    it(`keeps ${JSON.stringify(addr)}`, () => {
      const raw = encodeSockaddr(addr);
      expect(decodeSockaddr(raw, raw.length)).toEqual(addr);
    });
  }

  it('lays out sockaddr_in and sockaddr_in6 as the kernel expects', () => {
    expect(encodeSockaddr({ family: 2, host: '127.0.0.1', port: 0x1f90 }).toString('hex')).toBe(
      '02001f907f0000010000000000000000',
    );
    const six = encodeSockaddr({ family: 10, host: '::1', port: 80, flowinfo: 1, scopeId: 2 });
    expect(six.length).toBe(28);
    expect(six.toString('hex')).toBe('0a000050' + '00000001' + '00'.repeat(15) + '01' + '02000000');
    expect(encodeSockaddr({ family: 1, path: 'ab' }).toString('hex')).toBe('01006162');
  });

  it('decodes a path that the kernel NUL-terminated inside the length', () => {
    const raw = Buffer.from('0100' + Buffer.from('/tmp/x\0\0').toString('hex'), 'hex');
    expect(decodeSockaddr(raw, raw.length)).toEqual({ family: 1, path: '/tmp/x' });
  });

  it('gives null for no address, an unnamed unix socket, short or unknown data', () => {
    const storage = Buffer.alloc(128);
    expect(decodeSockaddr(storage, 0)).toBeNull();
    storage.writeUInt16LE(1, 0);
    expect(decodeSockaddr(storage, 2)).toBeNull();
    storage.writeUInt16LE(2, 0);
    expect(decodeSockaddr(storage, 4)).toBeNull();
    storage.writeUInt16LE(10, 0);
    expect(decodeSockaddr(storage, 16)).toBeNull();
    storage.writeUInt16LE(16, 0);
    expect(decodeSockaddr(storage, 128)).toBeNull();
    expect(decodeSockaddr(Buffer.alloc(1), 5)).toBeNull();
  });
});

describe('IPv6 text', () => {
  it("is inet_ntop's canonical form, as CPython prints it", () => {
    const inputs = [
      '::1',
      '::',
      '::ffff:127.0.0.1',
      '::1.2.3.4',
      '2001:0db8:0000:0001:0000:0000:0000:0001',
      'FE80::ABCD',
      '1:0:0:2:0:0:0:3',
      '1:0:2:0:3:0:4:0',
      '0:0:0:0:0:ffff:0a00:0001',
    ];
    const expected = python(
      'import json, socket; print(json.dumps([socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, a)) for a in json.loads(input())]))',
      inputs,
    );
    expect(inputs.map((text) => formatIPv6(parseNumericHost(10, text)!))).toEqual(expected);
  });
});

describe('parseNumericHost', () => {
  it("accepts and rejects exactly what inet_pton does", () => {
    const v4 = ['127.0.0.1', '0.0.0.0', '255.255.255.255', '256.0.0.1', '01.2.3.4', '127.1', '1.2.3.4 ', '1.2.3', 'a.b.c.d', '', '1..2.3'];
    const v6 = ['::1', '::', '1::2::3', 'fe80::1%lo', '::ffff:1.2.3.4', 'gggg::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', ''];
    const expected = python(
      `import json, socket
v4, v6 = json.loads(input())
def ok(f, a):
    try: socket.inet_pton(f, a); return True
    except OSError: return False
print(json.dumps([[ok(socket.AF_INET, a) for a in v4], [ok(socket.AF_INET6, a) for a in v6]]))`,
      [v4, v6],
    );
    expect([v4.map((a) => parseNumericHost(2, a) !== null), v6.map((a) => parseNumericHost(10, a) !== null)]).toEqual(
      expected,
    );
  });

  it('returns the network-order bytes', () => {
    expect(parseNumericHost(2, '127.0.0.1')).toEqual(Buffer.from([127, 0, 0, 1]));
    expect(parseNumericHost(10, '::1')).toEqual(Buffer.from([...Array(15).fill(0), 1]));
  });

  it('rejects hosts of another family, names, NUL and non-strings', () => {
    expect(parseNumericHost(2, '::1')).toBeNull();
    expect(parseNumericHost(10, '127.0.0.1')).toBeNull();
    expect(parseNumericHost(2, 'localhost')).toBeNull();
    expect(parseNumericHost(10, '::1\0junk')).toBeNull();
    expect(parseNumericHost(1, '/tmp/x')).toBeNull();
    expect(parseNumericHost(2, 42 as unknown as string)).toBeNull();
  });
});

describe('bad addresses', () => {
  const bad: [string, unknown, RegExp][] = [
    ['a name', { family: 2, host: 'localhost', port: 1 }, /not a numeric IPv4 address: "localhost"/],
    ['a port too big', { family: 2, host: '127.0.0.1', port: 70000 }, /port must be 0-65535, got 70000/],
    ['a negative port', { family: 10, host: '::1', port: -1, flowinfo: 0, scopeId: 0 }, /port must be 0-65535/],
    ['a fractional port', { family: 2, host: '127.0.0.1', port: 1.5 }, /port must be 0-65535/],
    ['an IPv4 host for IPv6', { family: 10, host: '127.0.0.1', port: 1, flowinfo: 0, scopeId: 0 }, /not a numeric IPv6/],
    ['a flowinfo too big', { family: 10, host: '::1', port: 1, flowinfo: 1 << 20, scopeId: 0 }, /flowinfo must be 0-1048575/],
    ['a path too long', { family: 1, path: 'x'.repeat(108) }, /^AF_UNIX path too long$/],
    ['a non-string path', { family: 1, path: 5 }, /path must be a string/],
    ['an unknown family', { family: 99 }, /unsupported address family 99/],
    ['null', null, /must be an object/],
  ];
  for (const [what, addr, message] of bad) {
    it(`rejects ${what} with a clear AddressError`, () => {
      expect(() => encodeSockaddr(addr as SockAddr)).toThrow(AddressError);
      expect(() => encodeSockaddr(addr as SockAddr)).toThrow(message);
    });
  }

  it('allows the longest paths CPython allows', () => {
    expect(encodeSockaddr({ family: 1, path: 'x'.repeat(107) }).length).toBe(109);
    expect(encodeSockaddr({ family: 1, path: '\0' + 'x'.repeat(107) }).length).toBe(110);
    expect(() => encodeSockaddr({ family: 1, path: '\0' + 'x'.repeat(108) })).toThrow('AF_UNIX path too long');
  });
});

describe('formatAddr and sameAddr', () => {
  it('formats as the socket table shows addresses', () => {
    expect(formatAddr({ family: 2, host: '127.0.0.1', port: 9999 })).toBe('127.0.0.1:9999');
    expect(formatAddr({ family: 10, host: '::1', port: 9999, flowinfo: 0, scopeId: 0 })).toBe('[::1]:9999');
    expect(formatAddr({ family: 10, host: 'fe80::1', port: 80, flowinfo: 0, scopeId: 2 })).toBe('[fe80::1%2]:80');
    expect(formatAddr({ family: 1, path: '/tmp/s' })).toBe('/tmp/s');
    expect(formatAddr({ family: 1, path: '\0name' })).toBe('@name');
    expect(formatAddr(null)).toBe('');
  });

  it('compares addresses by value', () => {
    const a: SockAddr = { family: 10, host: '::1', port: 1, flowinfo: 0, scopeId: 0 };
    expect(sameAddr(a, { ...a, flowinfo: 7 })).toBe(true);
    expect(sameAddr(a, { ...a, port: 2 })).toBe(false);
    expect(sameAddr({ family: 2, host: '127.0.0.1', port: 1 }, { family: 2, host: '127.0.0.1', port: 1 })).toBe(true);
    expect(sameAddr({ family: 2, host: '127.0.0.1', port: 1 }, a)).toBe(false);
    expect(sameAddr(null, null)).toBe(true);
    expect(sameAddr(a, null)).toBe(false);
  });
});
