// The time module: sleep (interruptible, reported as a blocked call), time, monotonic,
// perf_counter and their _ns variants.
import type { CallContext } from '../events';
import { PyModule } from '../objects/module';
import { None } from '../objects/none';
import { newInt } from '../objects/int';
import { newFloat } from '../objects/float';
import { repr } from '../ops/repr';
import { keyboardInterrupt } from '../ops/interrupt';
import { checkedFunction } from '../native/define';
import { asSeconds } from '../native/convert';
import { valueError } from '../exceptions/raise';

/** Waits, or throws KeyboardInterrupt when the signal aborts first. */
export function interruptibleDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(keyboardInterrupt());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(keyboardInterrupt());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function seconds(value: number): string {
  return value === 1 ? '1 second' : `${value} seconds`;
}

async function sleep(secondsArg: number, shown: string, ctx: CallContext) {
  if (secondsArg < 0) throw valueError('sleep length must be non-negative');
  const ms = Math.min(secondsArg * 1000, 2 ** 31 - 1);
  if (ms === 0) return None;
  ctx.emit({ type: 'blocked', call: `sleep(${shown})`, waitingFor: `${seconds(secondsArg)} to pass`, hint: '', timeoutMs: ms });
  try {
    await interruptibleDelay(ms, ctx.signal);
  } finally {
    ctx.emit({ type: 'unblocked' });
  }
  return None;
}

const start = performance.now();
const epochNanos = () => BigInt(Date.now()) * 1_000_000n;

export function buildTimeModule(): PyModule {
  const module = new PyModule('time', { doc: 'Time access: sleep, and the wall, monotonic and performance clocks.' });
  const fn = (name: string, doc: string, style: 'noargs' | 'one', call: Parameters<typeof checkedFunction>[0]['call']) =>
    module.set(name, checkedFunction({ name, doc, style, params: style === 'one' ? ['secs'] : [], signature: { qualname: `time.${name}` }, module: 'time', call }));
  fn('sleep', 'sleep(seconds): waits that many seconds (a float for fractions); Ctrl-C interrupts it.', 'one', ([secs], ctx) => {
    const value = asSeconds(secs as NonNullable<typeof secs>);
    return sleep(value, repr(secs as NonNullable<typeof secs>), ctx);
  });
  fn('time', 'time(): seconds since the Unix epoch, as a float.', 'noargs', () => newFloat(Date.now() / 1000));
  fn('time_ns', 'time_ns(): nanoseconds since the Unix epoch, as an int.', 'noargs', () => newInt(epochNanos()));
  fn('monotonic', 'monotonic(): seconds of a clock that never goes back, for measuring intervals.', 'noargs', () => newFloat((performance.timeOrigin + performance.now()) / 1000));
  fn('monotonic_ns', 'monotonic_ns(): monotonic() in nanoseconds, as an int.', 'noargs', () => newInt(BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6))));
  fn('perf_counter', 'perf_counter(): a high-resolution clock in seconds, for timing short intervals.', 'noargs', () => newFloat((performance.now() - start) / 1000 + 1));
  fn('perf_counter_ns', 'perf_counter_ns(): perf_counter() in nanoseconds, as an int.', 'noargs', () => newInt(BigInt(Math.round((performance.now() - start) * 1e6)) + 1_000_000_000n));
  return module;
}
