import { describe, expect, it } from 'vitest';
import { screenLayout, type LayoutInput, type ScreenLayout } from '../../src/ui/format/screen-layout';

const base: LayoutInput = {
  rows: 24,
  proseLines: 3,
  hasLesson: true,
  hasSuggestion: true,
  socketRows: 4,
  hexLines: 2,
  hasBytes: true,
  promptLines: 1,
};

function total(layout: ScreenLayout): number {
  return layout.lesson + layout.table + layout.bytes + layout.console + layout.prompt + layout.status;
}

describe('screenLayout', () => {
  it('fills 24 rows exactly, every pane showing something', () => {
    const layout = screenLayout(base);
    expect(total(layout)).toBe(24);
    expect(layout.proseLines).toBeGreaterThanOrEqual(2);
    expect(layout.tableRows).toBe(4);
    expect(layout.hexLines).toBe(2);
    expect(layout.consoleLines).toBeGreaterThanOrEqual(4);
    expect(layout.status).toBe(1);
  });

  it('gives 1000 sockets only a share of a small screen and all the rows of a big one', () => {
    const small = screenLayout({ ...base, socketRows: 1000 });
    expect(total(small)).toBe(24);
    expect(small.tableRows).toBeGreaterThanOrEqual(4);
    expect(small.consoleLines).toBeGreaterThanOrEqual(2);
    const big = screenLayout({ ...base, rows: 1100, socketRows: 1000 });
    expect(big.tableRows).toBe(1000);
  });

  it('hides nothing it does not have: no lesson, no bytes', () => {
    const layout = screenLayout({ ...base, hasLesson: false, proseLines: 0, hasBytes: false, hexLines: 0 });
    expect(layout.lesson).toBe(0);
    expect(layout.bytes).toBe(0);
    expect(total(layout)).toBe(24);
  });

  it('shrinks the console, then the bytes, then the table when the terminal is very short', () => {
    const layout = screenLayout({ ...base, rows: 12, socketRows: 50, hexLines: 10 });
    expect(layout.consoleLines).toBe(0);
    expect(total(layout)).toBeLessThanOrEqual(12 + 0);
  });

  it('makes room for a taller prompt area', () => {
    const layout = screenLayout({ ...base, promptLines: 3 });
    expect(layout.prompt).toBe(3);
    expect(total(layout)).toBe(24);
  });
});
