import { afterEach, describe, expect, it } from 'vitest';
import type { LessonView } from '../../src/ui/state/types';
import { drive, keys, type Driven } from './harness';
import { greeting, lesson, row } from './fixtures';

let screen: Driven | null = null;
afterEach(() => {
  screen?.unmount();
  screen = null;
});

const many = Array.from({ length: 1000 }, (_, i) => row({ key: `k${i}`, name: `c${i}`, fd: i + 3, state: 'ESTABLISHED' }));

describe('Screen keys', () => {
  it('changes the decoding with Ctrl+T without typing a t', async () => {
    screen = await drive({ bytes: [greeting], line: 'ab', cursor: 2 });
    const s = screen;
    await s.until((f) => f.includes("utf-8 [Ctrl+T]: 'Hello there\\n'"));
    s.press(keys.ctrlT);
    await s.until((f) => f.includes("gbk [Ctrl+T]: 'Hello there\\n'"));
    s.press(keys.ctrlT);
    await s.until((f) => f.includes("latin-1 [Ctrl+T]: 'Hello there\\n'"));
    expect(s.promptLine()).toBe('>>> ab');
  });

  it('scrolls 1000 sockets a page at a time with PgDn', async () => {
    screen = await drive({ rows: many });
    const s = screen;
    const first = await s.until((f) => /sockets 1-\d+ of 1000/.test(f));
    const page = Number(/sockets 1-(\d+) of 1000/.exec(first)?.[1]);
    s.press(keys.pageDown);
    await s.until((f) => f.includes(`sockets ${page + 1}-${2 * page} of 1000`));
    s.press('\x1b[1;2B'); // Shift+Down: one row
    await s.until((f) => f.includes(`sockets ${page + 2}-${2 * page + 1} of 1000`));
    expect(s.promptLine()).toBe('>>>');
  });

  it('opens help with ? on an empty line and closes it with q', async () => {
    screen = await drive({});
    const s = screen;
    s.press('?');
    await s.until((f) => f.includes('socklab help'));
    s.press('q');
    await s.until((f) => !f.includes('socklab help') && s.promptLine() === '>>>');
  });

  it('interrupts a blocked call with Ctrl+C instead of arming quit', async () => {
    screen = await drive({}, { holdStatements: true });
    const s = screen;
    s.press('s.accept()');
    await s.until(() => s.promptLine() === '>>> s.accept()');
    s.press(keys.enter);
    await s.until((f) => f.includes('Ctrl+C interrupts'));
    s.press(keys.ctrlC);
    await s.until(() => s.events.interrupts === 1);
    expect(s.ui().getState().quitArmed).toBe(false);
  });
});

describe('Screen with bad or extreme input', () => {
  it.each([
    [20, 6],
    [1, 1],
  ])('renders at %ix%i without crashing', async (columns, rows) => {
    screen = await drive({ size: { columns, rows }, lesson, rows: many.slice(0, 3), bytes: [greeting] });
    expect(screen.frame().split('\n').length).toBeLessThanOrEqual(rows);
  });

  it('survives a lesson view with nonsense fields', async () => {
    const broken = { ...lesson, stepIndex: Number.NaN, stepCount: -3, prose: undefined, hintsShown: Infinity } as unknown as LessonView;
    screen = await drive({ lesson: broken });
    expect(screen.frame()).toContain('step 0 of 0');
  });
});
