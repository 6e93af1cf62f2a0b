import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { SocketRow } from '../../src/session/types';
import { SocketsTable } from '../../src/ui/components/SocketsTable';
import { row, serverChanges, serverRows } from './fixtures';

const instances: Array<ReturnType<typeof render>> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.unmount();
});

function table(rows: SocketRow[], scroll: number, visibleRows: number, width = 80) {
  const instance = render(
    <SocketsTable rows={rows} changes={serverChanges} scroll={scroll} visibleRows={visibleRows} width={width} colour={false} />,
  );
  instances.push(instance);
  return instance;
}

const thousand = Array.from({ length: 1000 }, (_, i) =>
  row({ key: `k${i}`, name: `c${i}`, fd: i + 3, local: '127.0.0.1:9999', remote: `127.0.0.1:${40000 + i}`, state: 'ESTABLISHED', unread: i }),
);

describe('SocketsTable', () => {
  it('writes a closed socket once, marked x and CLOSED', () => {
    const closed = row({ key: 'gone', name: 'old', fd: null, state: 'CLOSED', closed: true });
    const frame = table([...serverRows, closed], 0, 10).lastFrame() ?? '';
    expect(frame.split('\n').find((line) => line.includes('old'))).toMatch(/^x old +- +TCP +- +- +CLOSED/);
  });

  it('says when there are no sockets', () => {
    expect(table([], 0, 3).lastFrame()).toContain('no sockets yet');
  });

  it('renders only the visible window of 1000 rows and says where it is', () => {
    const frame = table(thousand, 500, 10).lastFrame() ?? '';
    const lines = frame.split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toContain('sockets 501-510 of 1000 · PgUp/PgDn');
    expect(lines[2]).toMatch(/^ {2}c500 /);
    expect(lines[11]).toMatch(/^ {2}c509 /);
    expect(frame).not.toContain('c499 ');
    expect(frame).not.toContain('c510 ');
  });

  it('keeps a scroll past the end inside the rows', () => {
    const lines = (table(thousand, 5000, 10).lastFrame() ?? '').split('\n');
    expect(lines[0]).toContain('sockets 991-1000 of 1000');
  });

  it('renders 1000 sockets fast enough to measure (reported, not asserted)', () => {
    const windowed: number[] = [];
    const instance = table(thousand, 0, 20);
    for (let i = 1; i <= 20; i++) {
      const started = performance.now();
      instance.rerender(
        <SocketsTable rows={thousand.map((r) => ({ ...r }))} changes={[]} scroll={i * 10} visibleRows={20} width={80} colour={false} />,
      );
      windowed.push(performance.now() - started);
    }
    const started = performance.now();
    const all = table(thousand, 0, 1000, 120);
    const full = performance.now() - started;
    expect((all.lastFrame() ?? '').split('\n')).toHaveLength(1002);
    const median = [...windowed].sort((a, b) => a - b)[10] ?? 0;
    console.log(
      `SocketsTable, 1000 rows: 20-row window median ${median.toFixed(2)} ms per render; all 1000 rows at once ${full.toFixed(1)} ms`,
    );
  });
});
