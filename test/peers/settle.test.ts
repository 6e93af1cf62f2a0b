// settle(): after the learner's call, the peers answer before the session reads the kernel's view.
import { describe, expect, it } from 'vitest';
import { send, unreadBytes } from '../../src/sys/index';
import {
  bytesOf,
  learnerConnect,
  learnerReadUntil,
  payload,
  peerTestKit,
  tcpServer,
  template,
} from './helpers';

const { t, hosts } = peerTestKit();

describe('PeerHost.settle', () => {
  it('returns once the server has answered what the learner sent', async () => {
    const { host, port } = await hosts.create([tcpServer({ greeting: payload('Welcome!'), reply: template('Hello, {data}!') })]);
    await host.start();
    const fd = await learnerConnect(t, port);
    await learnerReadUntil(fd, (all) => all.length >= 8);
    for (const name of ['Michael', 'Tracy', 'Sarah']) {
      send(fd, bytesOf(name));
      await host.settle(2000);
      // No polling here: settle() alone must have let the reply arrive.
      expect(unreadBytes(fd)).toBe(`Hello, ${name}!`.length);
      await learnerReadUntil(fd, (all) => all.length >= `Hello, ${name}!`.length);
    }
  });

  it('returns at once when no peer has anything to do', async () => {
    const { host } = await hosts.create([tcpServer({})]);
    await host.start();
    const before = Date.now();
    await host.settle(5000);
    expect(Date.now() - before).toBeLessThan(5000);
  });
});
