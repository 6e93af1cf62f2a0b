import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlockedBanner } from '../../src/ui/components/BlockedBanner';
import { formatElapsed, formatTimeout } from '../../src/ui/format/elapsed';
import { acceptBlocked } from './fixtures';

const instances: Array<ReturnType<typeof render>> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.unmount();
});

describe('BlockedBanner', () => {
  it('says what the call waits for, how to release it, and that Ctrl+C interrupts', () => {
    const instance = render(<BlockedBanner info={acceptBlocked} width={80} colour={false} now={() => acceptBlocked.since + 65_000} />);
    instances.push(instance);
    expect(instance.lastFrame()).toBe(
      'accept(): waiting for a client on 127.0.0.1:9999 · 1m 05s\ntry nc 127.0.0.1 9999 in another terminal · Ctrl+C interrupts',
    );
  });

  it('counts the time live', async () => {
    let clock = acceptBlocked.since;
    const instance = render(<BlockedBanner info={acceptBlocked} width={80} colour={false} now={() => clock} tickMs={10} />);
    instances.push(instance);
    expect(instance.lastFrame()).toContain('· 0s');
    clock += 2_000;
    await vi.waitFor(() => expect(instance.lastFrame()).toContain('· 2s'));
    clock += 1_000;
    await vi.waitFor(() => expect(instance.lastFrame()).toContain('· 3s'));
  });

  it('mentions a timeout and copes without a hint', () => {
    const info = { ...acceptBlocked, call: 'recv(1024)', waitingFor: 'data from 127.0.0.1:9999', hint: '', timeoutMs: 5000 };
    const instance = render(<BlockedBanner info={info} width={80} colour={false} now={() => info.since + 1500} />);
    instances.push(instance);
    expect(instance.lastFrame()).toBe('recv(1024): waiting for data from 127.0.0.1:9999 · 1s (times out after 5s)\nCtrl+C interrupts');
  });
});

describe('elapsed and timeout words', () => {
  it('reads as a person would say it', () => {
    expect(formatElapsed(0)).toBe('0s');
    expect(formatElapsed(59_999)).toBe('59s');
    expect(formatElapsed(3_600_000 + 120_000)).toBe('1h 02m');
    expect(formatElapsed(-5)).toBe('0s');
    expect(formatTimeout(1500)).toBe('1.5s');
    expect(formatTimeout(250)).toBe('0.25s');
  });
});
