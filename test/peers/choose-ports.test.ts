import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EPHEMERAL_RANGE_FILE,
  PortChoiceError,
  candidatePorts,
  choosePorts,
  parsePortRange,
  pickFreePorts,
} from '../../src/session/peers/choose-ports';
import { SYS, bind, listen } from '../../src/sys/index';
import { FdTracker, addr } from './helpers';

const t = new FdTracker();
afterEach(() => t.closeAll());

const range = parsePortRange(readFileSync(EPHEMERAL_RANGE_FILE, 'utf8'))!;

/** Binding it now (TCP and UDP) works: the port is really free. */
function bindable(port: number, family: 2 | 10): boolean {
  for (const type of [SYS.SOCK_STREAM, SYS.SOCK_DGRAM]) {
    const fd = t.socket(family, type);
    try {
      bind(fd, addr(port, family));
    } catch {
      return false;
    } finally {
      t.close(fd);
    }
  }
  return true;
}

describe('parsePortRange and candidatePorts', () => {
  it('reads the kernel file format', () => {
    expect(parsePortRange('32768\t60999\n')).toEqual([32768, 60999]);
    expect(parsePortRange('1024 65535')).toEqual([1024, 65535]);
    expect(parsePortRange('60999 32768')).toBeNull();
    expect(parsePortRange('nonsense')).toBeNull();
  });

  it('offers only unprivileged ports outside the ephemeral range, from 10000 up when possible', () => {
    const ports = candidatePorts([32768, 60999]);
    expect(ports[0]).toBe(10000);
    expect(ports).toContain(32767);
    expect(ports).toContain(61000);
    expect(ports).not.toContain(32768);
    expect(ports).not.toContain(60999);
    expect(ports[ports.length - 1]).toBe(65535);
  });

  it('falls back to ports from 1024 when the ephemeral range covers everything from 10000', () => {
    const ports = candidatePorts([10000, 65535]);
    expect(ports[0]).toBe(1024);
    expect(ports[ports.length - 1]).toBe(9999);
    expect(candidatePorts([1024, 65535])).toEqual([]);
  });
});

describe('choosePorts', () => {
  it('chooses different free ports below the ephemeral range, bindable for TCP and UDP', async () => {
    const ports = await choosePorts(4, { ipv6: false });
    expect(ports).toHaveLength(4);
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) {
      expect(port < range[0] || port > range[1]).toBe(true);
      expect(port).toBeGreaterThanOrEqual(1024);
      expect(bindable(port, 2)).toBe(true);
    }
  });

  it('with IPv6, chooses ports free on ::1 too', async () => {
    const ports = await choosePorts(2, { ipv6: true });
    for (const port of ports) {
      expect(bindable(port, 10)).toBe(true);
      expect(bindable(port, 2)).toBe(true);
    }
  });

  it('never offers a port another socket holds, for TCP or for UDP, and says when none is free', async () => {
    const [free, tcpTaken, udpTaken] = await choosePorts(3, { ipv6: false });
    const tcp = t.socket(2, SYS.SOCK_STREAM);
    bind(tcp, addr(tcpTaken!));
    listen(tcp, 1);
    const udp = t.socket(2, SYS.SOCK_DGRAM);
    bind(udp, addr(udpTaken!));
    for (let i = 0; i < 20; i++) expect(pickFreePorts(1, [tcpTaken!, free!, udpTaken!], false)).toEqual([free]);
    expect(() => pickFreePorts(1, [tcpTaken!, udpTaken!], false)).toThrow(PortChoiceError);
    expect(() => pickFreePorts(1, [tcpTaken!, udpTaken!], false)).toThrow('found no free port among the candidates after 2 tries');
  });

  it('sees a port held on ::1 only when the lesson uses IPv6', async () => {
    const [port] = await choosePorts(1, { ipv6: true });
    const fd = t.socket(10, SYS.SOCK_STREAM);
    bind(fd, addr(port!, 10));
    listen(fd, 1);
    expect(pickFreePorts(1, [port!], false)).toEqual([port]);
    expect(() => pickFreePorts(1, [port!], true)).toThrow(PortChoiceError);
  });

  it('rejects a count it cannot reserve with a clear error', async () => {
    await expect(choosePorts(-1, { ipv6: false })).rejects.toThrow(RangeError);
    await expect(choosePorts(1.5, { ipv6: false })).rejects.toThrow('0 to 16 ports');
    await expect(choosePorts(17, { ipv6: false })).rejects.toThrow(RangeError);
    expect(await choosePorts(0, { ipv6: false })).toEqual([]);
  });

  it('has an error class that says what went wrong', () => {
    expect(new PortChoiceError('no port').name).toBe('PortChoiceError');
  });
});
