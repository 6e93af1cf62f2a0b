// float.hex() and float.fromhex(): the exact hexadecimal form of a double.
import { overflowError, valueError } from '../exceptions/raise';

export function floatToHex(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? '-' : '';
  const biased = (hi >>> 20) & 0x7ff;
  const mantissa = ((BigInt(hi & 0xfffff) << 32n) | BigInt(lo)).toString(16).padStart(13, '0');
  if (biased === 0 && mantissa === '0000000000000') return `${sign}0x0.0p+0`;
  if (biased === 0) return `${sign}0x0.${mantissa}p-1022`;
  const exponent = biased - 1023;
  return `${sign}0x1.${mantissa}p${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
}

export function floatFromHex(text: string): number {
  const s = text.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) return (special[2] as string).toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const m = /^([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?$/i.exec(s);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) throw valueError('invalid hexadecimal floating-point string');
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`;
  const exponent = Number(m[4] ?? '0') - 4 * (m[3] ?? '').length;
  let value = Number(BigInt(`0x${digits || '0'}`));
  // Scale in steps so no intermediate power of two overflows or underflows on its own.
  for (let rest = exponent; rest !== 0; ) {
    const step = Math.max(-1000, Math.min(1000, rest));
    value *= 2 ** step;
    rest -= step;
  }
  if (!Number.isFinite(value)) throw overflowError('hexadecimal value too large to represent as a float');
  return m[1] === '-' ? -value : value;
}
