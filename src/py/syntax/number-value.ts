// The value of a number token (already validated by the tokenizer).
import type { Constant } from './ast';

/** int or float; null for an imaginary literal (complex numbers are outside the subset). */
export function parseNumber(text: string): Constant | null {
  const clean = text.replace(/_/g, '');
  if (/[jJ]$/.test(clean)) return null;
  const prefix = clean.slice(0, 2).toLowerCase();
  if (prefix === '0x' || prefix === '0o' || prefix === '0b') return { type: 'int', value: BigInt(clean.toLowerCase()) };
  if (/^[0-9]+$/.test(clean)) return { type: 'int', value: BigInt(clean) };
  return { type: 'float', value: Number(clean) };
}
