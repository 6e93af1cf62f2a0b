// What :help shows: every key, every command, and the colour legend, as lines for the help overlay.
import { COMMAND_HELP, COMMANDS } from '../commands/parse-command';
import { colourLegend, type ColourFamily } from './state-colour';
import { wrapLine } from './text-width';

export interface HelpLine {
  text: string;
  /** A legend line, to be shown in its family's colour. */
  family?: ColourFamily;
  heading?: boolean;
}

export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ['Enter', 'run the line: Python, or a :command'],
  ['Tab', "take the lesson's suggestion, or complete a name"],
  ['Right', 'take the suggestion (at the end of the line)'],
  ['Up / Down', 'walk through the lines typed before'],
  ['PgUp / PgDn', 'scroll the sockets table (Shift+Up/Down: one row)'],
  ['Shift+PgUp/PgDn', 'scroll the console back (Alt+Up/Down: one line)'],
  ['Ctrl+T', 'decode the bytes as utf-8, gbk or latin-1'],
  ['Ctrl+U', 'clear the line'],
  ['Ctrl+L', 'clear the console'],
  ['Ctrl+C', 'interrupt a waiting call; at the prompt, twice to quit'],
  ['Ctrl+D', 'quit'],
  ['?', 'this help (on an empty line); Esc or q closes it'],
];

function table(rows: ReadonlyArray<readonly [string, string]>, keyWidth: number, width: number): HelpLine[] {
  return rows.flatMap(([key, meaning]) => {
    const pieces = wrapLine(`  ${key.padEnd(keyWidth)} ${meaning}`, width);
    return pieces.map((text) => ({ text }));
  });
}

export function helpLines(width: number): HelpLine[] {
  const w = Math.max(20, width);
  const lines: HelpLine[] = [{ text: 'Keys', heading: true }];
  lines.push(...table(KEY_HELP, 16, w));
  lines.push({ text: '' }, { text: 'Commands', heading: true });
  lines.push(...table(COMMANDS.map((name) => [`:${name}`, COMMAND_HELP[name]] as const), 10, w));
  lines.push(
    { text: '' },
    ...wrapLine('Sockets table (the state is always written; colour only repeats it)', w).map((text) => ({ text, heading: true })),
  );
  for (const entry of colourLegend()) {
    const states = entry.states.length ? ` ${entry.states.join(' ')}` : '';
    const text = `  ${entry.colour.padEnd(7)}${entry.family.padEnd(12)}${entry.meaning}${states ? ':' : ''}${states}`;
    lines.push(...wrapLine(text, w).map((piece) => ({ text: piece, family: entry.family })));
  }
  lines.push(
    ...wrapLine('  marks: + new   * changed by the last call   x closed by the last call (shown once)', w).map((text) => ({ text })),
    ...wrapLine("  owner: yours, a lesson's peer, an outside program, or the kernel alone;", w).map((text) => ({ text })),
    ...wrapLine('  on narrow screens the names of sockets that are not yours are dim', w).map((text) => ({ text })),
  );
  return lines;
}
