// Plain text mode's rendering of a statement: `>>> ` and the statement, what CPython's console printed,
// then `# ` lines for every socket whose kernel state changed and for the bytes a call returned.
import { bytesReprPrefix } from '../ui/format/bytes-repr';
import { safeText } from '../ui/format/safe-text';
import { describeRow } from '../session/describe';
import type { StatementResult } from '../session/types';

export interface PlainOptions {
  /** Leave out the `# ` state lines (--no-state). */
  noState: boolean;
  /**
   * Escape control characters (a terminal would obey them: window titles, clipboard writes, a cleared
   * screen). On when the output is a terminal; a pipe gets exactly what CPython prints.
   */
  escape: boolean;
}

/** Bytes shown on one state line before the rest is only counted. */
const SHOWN_BYTES = 256;

export function plainEcho(source: string, escape: boolean): string {
  return `>>> ${escape ? safeText(source) : source}\n`;
}

/** What the console printed (or a piece of it); escaped, newlines kept, when it goes to a terminal. */
export function plainOutput(output: string, escape: boolean): string {
  if (!escape || output === '') return output;
  return output.split('\n').map(safeText).join('\n');
}

/** The `# ` lines: changed sockets, then returned bytes. Always safe for a terminal. */
export function plainStateLines(result: StatementResult): string {
  const byKey = new Map(result.rows.map((r) => [r.key, r]));
  let text = '';
  for (const change of result.changes) {
    const row = byKey.get(change.key);
    if (row) text += `# ${safeText(describeRow(row))}\n`;
  }
  for (const b of result.bytes) {
    const { repr, omitted } = bytesReprPrefix(b.data, SHOWN_BYTES);
    const from = b.from ? ` from ${b.from}` : '';
    const count = `${b.data.length} byte${b.data.length === 1 ? '' : 's'}`;
    const rest = omitted > 0 ? ` ... and ${omitted} more` : '';
    text += `# ${safeText(b.label)} returned ${count}${from}: ${repr}${rest}\n`;
  }
  return text;
}

export function formatPlainResult(result: StatementResult, options: PlainOptions): string {
  let text = plainEcho(result.source, options.escape) + plainOutput(result.output, options.escape);
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  if (!options.noState) text += plainStateLines(result);
  return text;
}
