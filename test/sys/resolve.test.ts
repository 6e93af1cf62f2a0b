import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  GaiError,
  SYS,
  getaddrinfo,
  getaddrinfoLibc,
  getaddrinfoNumeric,
  type AddrInfo,
  type AddrInfoHints,
} from '../../src/sys/index';

type Request = [string | null, string | number | null, AddrInfoHints];

/** What CPython's socket.getaddrinfo returns for each request, as [family, type, proto, canonname, addr]. */
function cpython(requests: Request[]): unknown[] {
  const code = `
import json, socket
out = []
for host, port, h in json.loads(input()):
    try:
        res = socket.getaddrinfo(host, port, h.get('family', 0), h.get('type', 0), h.get('protocol', 0), h.get('flags', 0))
        out.append([[int(f), int(t), p, c, list(a)] for f, t, p, c, a in res])
    except socket.gaierror as e:
        out.append(str(e))
print(json.dumps(out))`;
  return JSON.parse(execFileSync('python3', ['-c', code], { input: JSON.stringify(requests) + '\n', encoding: 'utf8' }));
}

function asPython(result: AddrInfo[]): unknown {
  return result.map((ai) => [
    ai.family,
    ai.type,
    ai.protocol,
    ai.canonname,
    ai.addr.family === 10
      ? [ai.addr.host, ai.addr.port, ai.addr.flowinfo, ai.addr.scopeId]
      : ai.addr.family === 2
        ? [ai.addr.host, ai.addr.port]
        : [ai.addr.path],
  ]);
}

async function outcome(promise: Promise<AddrInfo[]>): Promise<unknown> {
  try {
    return asPython(await promise);
  } catch (e) {
    if (e instanceof GaiError) return e.message;
    throw e;
  }
}

const REQUESTS: Request[] = [
  ['localhost', 80, {}],
  ['localhost', 9999, { family: SYS.AF_INET, type: SYS.SOCK_STREAM }],
  ['localhost', null, { flags: SYS.AI_CANONNAME }],
  ['127.0.0.1', 80, {}],
  ['127.0.0.1', '8080', { type: SYS.SOCK_DGRAM }],
  ['127.0.0.1', 0, { type: SYS.SOCK_STREAM, protocol: SYS.IPPROTO_TCP }],
  ['127.0.0.1', null, {}],
  ['::1', 80, {}],
  ['::1', 443, { family: SYS.AF_INET6, type: SYS.SOCK_STREAM, flags: SYS.AI_NUMERICHOST }],
  ['::FFFF:127.0.0.1', 5, {}],
  ['0.0.0.0', 7788, { flags: SYS.AI_PASSIVE }],
  ['127.1', 80, {}],
  ['127.0.0.1', 'http', {}],
  ['127.0.0.1', 'no-such-service', {}],
  ['127.0.0.1', 80, { family: SYS.AF_INET6 }],
  ['::1', 80, { family: SYS.AF_INET }],
  ['no-such-host.invalid', 80, {}],
  ['localhost', 80, { flags: SYS.AI_NUMERICHOST }],
  [null, 80, { flags: SYS.AI_PASSIVE, family: SYS.AF_INET }],
];

describe('getaddrinfo', () => {
  it('gives what CPython gives, request by request (addresses, order, and error texts)', async () => {
    const expected = cpython(REQUESTS);
    const got = [];
    for (const [host, port, hints] of REQUESTS) got.push(await outcome(getaddrinfo(host, port, hints)));
    expect(got).toEqual(expected);
  });

  it("resolves 'localhost' to the loopback address", async () => {
    const result = await getaddrinfo('localhost', 80, { type: SYS.SOCK_STREAM });
    expect(result.length).toBeGreaterThan(0);
    for (const ai of result) {
      expect(['127.0.0.1', '::1']).toContain((ai.addr as { host: string }).host);
      expect(ai.type).toBe(SYS.SOCK_STREAM);
    }
  });

  it("fails for a name that does not exist with EAI_NONAME's text", async () => {
    const error = await getaddrinfo('no-such-host.invalid', 80, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GaiError);
    expect((error as GaiError).code).toBe(SYS.EAI_NONAME);
    expect((error as GaiError).message).toBe('[Errno -2] Name or service not known');
  });

  it('answers numeric requests without libc, exactly as libc does', async () => {
    const numeric = REQUESTS.filter(([host, port, hints]) => getaddrinfoNumeric(host, port, hints) !== null);
    expect(numeric.map(([host]) => host)).toEqual([
      '127.0.0.1',
      '127.0.0.1',
      '127.0.0.1',
      '127.0.0.1',
      '::1',
      '::1',
      '::FFFF:127.0.0.1',
      '0.0.0.0',
    ]);
    for (const [host, port, hints] of numeric) {
      expect(getaddrinfoNumeric(host, port, hints)).toEqual(await getaddrinfoLibc(host, port, hints));
    }
  });

  it('leaves to libc what only libc can answer', () => {
    expect(getaddrinfoNumeric('localhost', 80)).toBeNull();
    expect(getaddrinfoNumeric('127.1', 80)).toBeNull();
    expect(getaddrinfoNumeric('fe80::1%lo', 80)).toBeNull();
    expect(getaddrinfoNumeric('127.0.0.1', 'http')).toBeNull();
    expect(getaddrinfoNumeric('127.0.0.1', 70000)).toBeNull();
    expect(getaddrinfoNumeric('127.0.0.1', 80, { flags: SYS.AI_CANONNAME })).toBeNull();
    expect(getaddrinfoNumeric('127.0.0.1', 80, { type: SYS.SOCK_RAW })).toBeNull();
    expect(getaddrinfoNumeric(null, 80)).toBeNull();
  });

  it('rejects bad input with a clear error instead of crashing', async () => {
    await expect(getaddrinfo('local\0host', 80)).rejects.toThrow('host must not contain a NUL character');
    await expect(getaddrinfo('localhost', 1.5)).rejects.toThrow('port must be an integer, a string or null');
    await expect(getaddrinfo('localhost', 80, { family: 2 ** 40 })).rejects.toThrow(RangeError);
    await expect(getaddrinfo('localhost', 80, { family: 12345 })).rejects.toThrow(GaiError);
  });
});
