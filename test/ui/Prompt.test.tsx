import { afterEach, describe, expect, it } from 'vitest';
import { drive, keys, type Driven } from './harness';
import { lesson, result } from './fixtures';

let screen: Driven | null = null;
afterEach(() => {
  screen?.unmount();
  screen = null;
});

const names = ['socket', 'sock', 's', 'send(', 'sendall('];
const complete = (line: string, cursor: number) => {
  const start = line.slice(0, cursor).search(/[\w.]*$/);
  const word = line.slice(start, cursor);
  return { start, candidates: names.filter((name) => name.startsWith(word)) };
};

describe('Prompt: history', () => {
  it('runs lines and walks back and forth through them, keeping the draft', async () => {
    screen = await drive({});
    const s = screen;
    s.press('a = 1');
    await s.until(() => s.promptLine() === '>>> a = 1');
    s.press(keys.enter);
    await s.until((f) => f.includes('>>> a = 1\n') && s.promptLine() === '>>>');
    s.press('b = 2');
    await s.until(() => s.promptLine() === '>>> b = 2');
    s.press(keys.enter);
    await s.until(() => s.events.statements.length === 2 && s.promptLine() === '>>>');
    s.press('dra');
    await s.until(() => s.promptLine() === '>>> dra');
    s.press(keys.up);
    await s.until(() => s.promptLine() === '>>> b = 2');
    s.press(keys.up);
    await s.until(() => s.promptLine() === '>>> a = 1');
    s.press(keys.down);
    await s.until(() => s.promptLine() === '>>> b = 2');
    s.press(keys.down);
    await s.until(() => s.promptLine() === '>>> dra');
    expect(s.events.statements).toEqual(['a = 1', 'b = 2']);
  });

  it('edits a recalled line at its end', async () => {
    screen = await drive({ history: ['s.listen(5)'] });
    const s = screen;
    s.press(keys.up);
    await s.until(() => s.promptLine() === '>>> s.listen(5)');
    s.press('  # more');
    await s.until(() => s.promptLine() === '>>> s.listen(5)  # more');
  });
});

describe('Prompt: Tab completion', () => {
  it('extends to the common prefix and lists several candidates, completes a single one', async () => {
    screen = await drive({}, { complete });
    const s = screen;
    s.press('x = so');
    await s.until(() => s.promptLine() === '>>> x = so');
    s.press(keys.tab);
    const listed = await s.until((f) => f.includes('socket  sock'));
    expect(s.promptLine()).toBe('>>> x = sock');
    expect(listed).toContain('socket  sock');
    s.press('e');
    await s.until((f) => s.promptLine() === '>>> x = socke' && !f.includes('socket  sock'));
    s.press(keys.tab);
    await s.until(() => s.promptLine() === '>>> x = socket');
    s.press('.x');
    await s.until(() => s.promptLine() === '>>> x = socket.x');
  });

  it('does nothing when nothing matches', async () => {
    screen = await drive({}, { complete });
    const s = screen;
    s.press('zz');
    await s.until(() => s.promptLine() === '>>> zz');
    s.press(keys.tab);
    s.press('z');
    await s.until(() => s.promptLine() === '>>> zzz');
  });
});

describe('Prompt: ghost suggestion', () => {
  it("shows the lesson's next call after the cursor and takes it with Tab", async () => {
    screen = await drive({ lesson }, { complete });
    const s = screen;
    await s.until(() => s.promptLine() === '>>>  conn, addr = s.accept()');
    s.press('conn');
    await s.until(() => s.promptLine() === '>>> conn , addr = s.accept()');
    s.press(keys.tab);
    await s.until((f) => s.promptLine() === '>>> conn, addr = s.accept()' && !f.includes('Tab or Right takes'));
    s.press(keys.enter);
    await s.until(() => s.events.statements.length === 1);
    expect(s.events.statements).toEqual(['conn, addr = s.accept()']);
  });

  it('takes it with Right at the end of the line, and drops it once the line goes elsewhere', async () => {
    screen = await drive({ lesson });
    const s = screen;
    s.press('con');
    await s.until(() => s.promptLine() === '>>> con n, addr = s.accept()');
    s.press(keys.right);
    await s.until(() => s.promptLine() === '>>> conn, addr = s.accept()');
    s.press(keys.ctrlU);
    await s.until(() => s.promptLine() === '>>>  conn, addr = s.accept()');
    s.press('x');
    await s.until(() => s.promptLine() === '>>> x');
  });
});

describe('Prompt: keys ink-text-input would get wrong', () => {
  it('keeps the text in order after Right at the end of the line', async () => {
    screen = await drive({});
    const s = screen;
    s.press('ab');
    await s.until(() => s.promptLine() === '>>> ab');
    s.press(keys.right);
    await s.until(() => s.ui().state.inputVersion > 0);
    s.press('c');
    await s.until(() => s.promptLine() === '>>> abc');
    s.press('d');
    await s.until(() => s.promptLine() === '>>> abcd');
  });

  it('edits in the middle of the line and never types the letter of a Ctrl key', async () => {
    screen = await drive({});
    const s = screen;
    s.press('ab');
    await s.until(() => s.promptLine() === '>>> ab');
    s.press(keys.left);
    await s.until(() => s.ui().state.cursor === 1);
    s.press('x');
    await s.until(() => s.promptLine() === '>>> axb');
    s.press(keys.ctrlA);
    await s.until(() => s.ui().state.inputVersion > 0);
    expect(s.promptLine()).toBe('>>> axb');
    s.press('!');
    await s.until(() => s.promptLine() === '>>> axb!');
  });
});

describe('Prompt: keys that arrive together', () => {
  it('runs a line typed and entered in one burst, edits included', async () => {
    screen = await drive({});
    const s = screen;
    s.press('print(x)\r');
    await s.until(() => s.events.statements.length === 1 && s.promptLine() === '>>>');
    s.press(`ab${keys.left}x${keys.right}c\r`);
    await s.until(() => s.events.statements.length === 2 && s.promptLine() === '>>>');
    expect(s.events.statements).toEqual(['print(x)', 'axbc']);
  });

  it('enters pasted lines one after the other, each once the one before has finished', async () => {
    screen = await drive({}, { holdStatements: true });
    const s = screen;
    s.press('a = 1\nb = 2\nc');
    await s.until((f) => f.includes('>>> a = 1') && !f.includes('>>> b = 2'));
    expect(s.events.statements).toEqual(['a = 1']);
    s.ui().dispatch({ type: 'statement-finished', result: result('a = 1') });
    await s.until(() => s.events.statements.length === 2);
    s.ui().dispatch({ type: 'statement-finished', result: result('b = 2') });
    await s.until(() => s.promptLine() === '>>> c');
    expect(s.events.statements).toEqual(['a = 1', 'b = 2']);
  });
});

describe('Prompt: commands and quitting', () => {
  it('opens :help and closes it with Esc', async () => {
    screen = await drive({});
    const s = screen;
    s.press(':help');
    await s.until(() => s.promptLine() === '>>> :help');
    s.press(keys.enter);
    await s.until((f) => f.includes('socklab help') && f.includes('Ctrl+T'));
    s.press(keys.escape);
    await s.until((f) => !f.includes('socklab help') && s.promptLine() === '>>>');
  });

  it('hands lesson commands over and explains unknown ones', async () => {
    screen = await drive({});
    const s = screen;
    s.press(':hint');
    await s.until(() => s.promptLine() === '>>> :hint');
    s.press(keys.enter);
    await s.until(() => s.events.commands.length === 1 && s.promptLine() === '>>>');
    expect(s.events.commands).toEqual([{ name: 'hint', args: [] }]);
    s.press(':hnit');
    await s.until(() => s.promptLine() === '>>> :hnit');
    s.press(keys.enter);
    await s.until((f) => f.includes('# unknown command :hnit. Did you mean :hint?'));
  });

  it('asks for a second Ctrl+C before quitting', async () => {
    screen = await drive({});
    const s = screen;
    s.press(keys.ctrlC);
    await s.until((f) => f.includes('# press Ctrl+C again to quit'));
    expect(s.events.quits).toBe(0);
    s.press(keys.ctrlC);
    await s.until(() => s.events.quits === 1);
  });

  it('quits on Ctrl+D', async () => {
    screen = await drive({});
    const s = screen;
    s.press(keys.ctrlD);
    await s.until(() => s.events.quits === 1);
  });

  it('collects a compound statement behind ... until an empty line', async () => {
    screen = await drive({}, { isIncomplete: (source) => source.trimEnd().endsWith(':') || source.includes('\n') });
    const s = screen;
    s.press('while True:');
    await s.until(() => s.promptLine() === '>>> while True:');
    s.press(keys.enter);
    await s.until((f) => f.includes('>>> while True:') && s.promptLine() === '...');
    s.press('    break');
    await s.until(() => s.promptLine() === '...     break');
    s.press(keys.enter);
    await s.until(() => s.promptLine() === '...');
    s.press(keys.enter);
    await s.until(() => s.events.statements.length === 1);
    expect(s.events.statements).toEqual(['while True:\n    break']);
  });
});
