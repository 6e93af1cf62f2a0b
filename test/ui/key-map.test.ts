import { describe, expect, it } from 'vitest';
import { mapKey, type KeyMode } from '../../src/ui/keys/key-map';

const idle: KeyMode = { running: false, overlay: false, line: 's.li', cursor: 4, ghost: false };
const running: KeyMode = { ...idle, running: true };
const help: KeyMode = { ...idle, overlay: true };

describe('mapKey at the prompt', () => {
  it('walks history with up and down', () => {
    expect(mapKey('', { upArrow: true }, idle)).toEqual({ intent: { type: 'history-prev' }, restartInput: false });
    expect(mapKey('', { downArrow: true }, idle)).toEqual({ intent: { type: 'history-next' }, restartInput: false });
  });

  it('completes with Tab, or takes the ghost suggestion when one shows', () => {
    expect(mapKey('', { tab: true }, idle).intent).toEqual({ type: 'complete' });
    expect(mapKey('', { tab: true }, { ...idle, ghost: true }).intent).toEqual({ type: 'accept-suggestion' });
    expect(mapKey('', { tab: true, shift: true }, idle).intent).toEqual({ type: 'none' });
  });

  it('takes the suggestion with Right only at the end of the line', () => {
    expect(mapKey('', { rightArrow: true }, { ...idle, ghost: true })).toEqual({ intent: { type: 'accept-suggestion' }, restartInput: true });
    expect(mapKey('', { rightArrow: true }, { ...idle, ghost: true, cursor: 2 })).toEqual({
      intent: { type: 'edit', line: 's.li', cursor: 3 },
      restartInput: false,
    });
  });

  it('restarts the input where ink-text-input would move its cursor off the line', () => {
    expect(mapKey('', { rightArrow: true }, idle)).toEqual({ intent: { type: 'none' }, restartInput: true });
    expect(mapKey('', { leftArrow: true }, { ...idle, cursor: 0 })).toEqual({ intent: { type: 'none' }, restartInput: true });
    expect(mapKey('', { leftArrow: true }, idle)).toEqual({ intent: { type: 'edit', line: 's.li', cursor: 3 }, restartInput: false });
  });

  it('edits the line as the text input does: typing, pasting, deleting, in the middle too', () => {
    expect(mapKey('s', {}, idle).intent).toEqual({ type: 'edit', line: 's.lis', cursor: 5 });
    expect(mapKey('ten(5)', {}, idle).intent).toEqual({ type: 'edit', line: 's.liten(5)', cursor: 10 });
    expect(mapKey('X', {}, { ...idle, cursor: 1 }).intent).toEqual({ type: 'edit', line: 'sX.li', cursor: 2 });
    expect(mapKey('', { backspace: true }, idle).intent).toEqual({ type: 'edit', line: 's.l', cursor: 3 });
    expect(mapKey('', { delete: true }, { ...idle, cursor: 2 }).intent).toEqual({ type: 'edit', line: 'sli', cursor: 1 });
    expect(mapKey('', { backspace: true }, { ...idle, cursor: 0 }).intent).toEqual({ type: 'edit', line: 's.li', cursor: 0 });
    expect(mapKey('', { pageUp: false, home: true }, idle).intent).toEqual({ type: 'edit', line: 's.li', cursor: 4 });
  });

  it('swallows Ctrl and Alt letters that the text input would type', () => {
    expect(mapKey('a', { ctrl: true }, idle)).toEqual({ intent: { type: 'none' }, restartInput: true });
    expect(mapKey('x', { meta: true }, idle)).toEqual({ intent: { type: 'none' }, restartInput: true });
    expect(mapKey('u', { ctrl: true }, idle)).toEqual({ intent: { type: 'clear-line' }, restartInput: true });
    expect(mapKey('', { end: true }, idle)).toEqual({ intent: { type: 'none' }, restartInput: true });
  });

  it('opens help with ? on an empty line only', () => {
    expect(mapKey('?', {}, { ...idle, line: '', cursor: 0 })).toEqual({ intent: { type: 'toggle-help' }, restartInput: true });
    expect(mapKey('?', {}, idle).intent).toEqual({ type: 'edit', line: 's.li?', cursor: 5 });
  });

  it('enters pasted lines one by one', () => {
    expect(mapKey('print(x)\r', {}, idle)).toEqual({ intent: { type: 'paste', text: 'print(x)\r' }, restartInput: true });
    expect(mapKey('a\nb', {}, idle).intent).toEqual({ type: 'paste', text: 'a\nb' });
  });

  it('submits on Enter and ignores Escape', () => {
    expect(mapKey('\r', { return: true }, idle)).toEqual({ intent: { type: 'submit' }, restartInput: false });
    expect(mapKey('', { escape: true, meta: true }, idle).intent).toEqual({ type: 'none' });
    expect(mapKey('\r', { return: true }, running).intent).toEqual({ type: 'none' });
  });
});

describe('mapKey in any mode', () => {
  it('quits with Ctrl+D', () => {
    for (const mode of [idle, running, help]) expect(mapKey('d', { ctrl: true }, mode).intent).toEqual({ type: 'quit' });
  });

  it('interrupts a running call with Ctrl+C, and arms quitting when idle', () => {
    expect(mapKey('c', { ctrl: true }, running).intent).toEqual({ type: 'interrupt' });
    expect(mapKey('c', { ctrl: true }, idle)).toEqual({ intent: { type: 'interrupt-idle' }, restartInput: false });
  });

  it('scrolls the table with PgUp/PgDn and Shift+Up/Down, the console with Shift+PgUp/PgDn and Alt+Up/Down', () => {
    expect(mapKey('', { pageUp: true }, idle).intent).toEqual({ type: 'scroll', target: 'table', step: 'page', direction: -1 });
    expect(mapKey('', { pageDown: true }, running).intent).toEqual({ type: 'scroll', target: 'table', step: 'page', direction: 1 });
    expect(mapKey('', { downArrow: true, shift: true }, idle).intent).toEqual({ type: 'scroll', target: 'table', step: 'row', direction: 1 });
    expect(mapKey('', { pageUp: true, shift: true }, idle).intent).toEqual({ type: 'scroll', target: 'console', step: 'page', direction: -1 });
    expect(mapKey('', { upArrow: true, meta: true }, idle).intent).toEqual({ type: 'scroll', target: 'console', step: 'row', direction: -1 });
  });

  it('changes the decoding with Ctrl+T, restarting the input only when it is there', () => {
    expect(mapKey('t', { ctrl: true }, idle)).toEqual({ intent: { type: 'cycle-decoding' }, restartInput: true });
    expect(mapKey('t', { ctrl: true }, running)).toEqual({ intent: { type: 'cycle-decoding' }, restartInput: false });
  });

  it('ignores typing while a statement runs', () => {
    expect(mapKey('x', {}, running).intent).toEqual({ type: 'none' });
    expect(mapKey('', { upArrow: true }, running).intent).toEqual({ type: 'none' });
  });
});

describe('mapKey with the help overlay open', () => {
  it('closes it with Esc, q, ? or Enter', () => {
    for (const [input, key] of [['', { escape: true }], ['q', {}], ['?', {}], ['', { return: true }]] as const) {
      expect(mapKey(input, key, help).intent).toEqual({ type: 'close-overlay' });
    }
  });

  it('scrolls it and ignores other keys', () => {
    expect(mapKey('', { downArrow: true }, help).intent).toEqual({ type: 'scroll', target: 'overlay', step: 'row', direction: 1 });
    expect(mapKey('', { pageUp: true }, help).intent).toEqual({ type: 'scroll', target: 'overlay', step: 'page', direction: -1 });
    expect(mapKey('x', {}, help).intent).toEqual({ type: 'none' });
  });
});
