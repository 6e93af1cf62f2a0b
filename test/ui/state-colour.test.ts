import { describe, expect, it } from 'vitest';
import type { SocketState } from '../../src/session/types';
import { helpLines, KEY_HELP } from '../../src/ui/format/help-text';
import { colourEnabled, colourLegend, colourOf, stateFamily } from '../../src/ui/format/state-colour';
import { COMMANDS } from '../../src/ui/commands/parse-command';

const everyState: SocketState[] = [
  'ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE', 'CLOSE_WAIT',
  'LAST_ACK', 'LISTEN', 'CLOSING', 'NEW_SYN_RECV', 'UNCONN', 'CONNECTED', 'CLOSED',
];

describe('state families', () => {
  it('puts every state in exactly one family', () => {
    for (const state of everyState) expect(stateFamily(state)).not.toBeNull();
    const listed = colourLegend().flatMap((entry) => entry.states);
    expect(listed.sort()).toEqual([...everyState].sort());
  });

  it('groups the states as the lessons talk about them', () => {
    expect(stateFamily('LISTEN')).toBe('listening');
    expect(stateFamily('ESTABLISHED')).toBe('established');
    expect(stateFamily('CLOSE_WAIT')).toBe('waiting');
    expect(stateFamily('TIME_WAIT')).toBe('waiting');
    expect(stateFamily('CLOSE')).toBe('closed');
    expect(stateFamily('WHATEVER')).toBeNull();
  });

  it('uses one distinct colour per family, and none without colour', () => {
    const colours = colourLegend().map((entry) => entry.colour);
    expect(new Set(colours).size).toBe(colours.length);
    expect(colourOf('listening', true)).toBe('cyan');
    expect(colourOf('listening', false)).toBeUndefined();
    expect(colourOf(null, true)).toBeUndefined();
  });

  it('honours NO_COLOR when it is set and not empty', () => {
    expect(colourEnabled({})).toBe(true);
    expect(colourEnabled({ NO_COLOR: '' })).toBe(true);
    expect(colourEnabled({ NO_COLOR: '1' })).toBe(false);
  });
});

describe('help text', () => {
  const text = helpLines(80).map((line) => line.text).join('\n');

  it('lists every command, every key and the legend', () => {
    for (const name of COMMANDS) expect(text).toContain(`:${name}`);
    for (const [key] of KEY_HELP) expect(text).toContain(key);
    for (const entry of colourLegend()) expect(text).toContain(entry.family);
    expect(text).toContain('x closed by the last call');
  });

  it('fits the width it is given', () => {
    for (const line of helpLines(60)) expect(line.text.length).toBeLessThanOrEqual(60);
  });
});
