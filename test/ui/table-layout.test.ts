import { describe, expect, it } from 'vitest';
import { fitQueueWords, queueWordings } from '../../src/ui/format/queue-words';
import { changedColumns, changeMark, fitCell, hasColumn, rowTexts, tableLayout } from '../../src/ui/format/table-layout';
import { displayWidth } from '../../src/ui/format/text-width';
import { row, serverRows } from './fixtures';

function widths(width: number): Record<string, number> {
  return Object.fromEntries(tableLayout(width).columns.map((c) => [c.id, c.width]));
}

function line(width: number, index: number): string {
  const layout = tableLayout(width);
  const r = serverRows[index];
  if (!r) throw new Error('no such fixture row');
  const texts = rowTexts(r, undefined, layout);
  return layout.columns.map((c) => fitCell(c.id, texts[c.id], c.width, r)).join(' ');
}

describe('tableLayout at 80 columns', () => {
  const layout = tableLayout(80);

  it('fills exactly 80 columns', () => {
    expect(layout.width).toBe(80);
  });

  it('keeps every column that teaches something, but not the owner column', () => {
    expect(layout.columns.map((c) => c.id)).toEqual(['mark', 'name', 'fd', 'proto', 'local', 'remote', 'state', 'queue']);
    expect(hasColumn(layout, 'owner')).toBe(false);
  });

  it('fits a loopback address with its port and the longest common state whole', () => {
    const w = widths(80);
    expect(w.local).toBeGreaterThanOrEqual('127.0.0.1:51968'.length);
    expect(w.remote).toBeGreaterThanOrEqual('127.0.0.1:51968'.length);
    expect(w.state).toBeGreaterThanOrEqual('ESTABLISHED'.length);
    expect(w.fd).toBeGreaterThanOrEqual(4);
  });

  it('renders the fixture rows within 80 columns, the queue reworded to fit', () => {
    expect(line(80, 0)).toBe('  s       3    TCP   127.0.0.1:9999  -               LISTEN      2 of backlog 5 ');
    expect(line(80, 1)).toBe('  conn    4    TCP   127.0.0.1:9999  127.0.0.1:51968 ESTABLISHED 12 bytes unread');
    expect(line(80, 3)).toBe('  kernel  -    TCP   127.0.0.1:51900 127.0.0.1:9999  TIME_WAIT                  ');
    for (let i = 0; i < serverRows.length; i++) expect(displayWidth(line(80, i))).toBe(80);
  });
});

describe('tableLayout at 200 columns', () => {
  const layout = tableLayout(200);

  it('fills exactly 200 columns and adds the owner column', () => {
    expect(layout.width).toBe(200);
    expect(hasColumn(layout, 'owner')).toBe(true);
  });

  it('gives the queue its full sentence and addresses room for IPv6', () => {
    const w = widths(200);
    expect(w.queue).toBeGreaterThanOrEqual('2 waiting to be accepted (backlog 5)'.length);
    expect(w.local).toBeGreaterThanOrEqual('[fe80::1234:5678:9abc]:65535'.length);
    expect(line(200, 0)).toContain('2 waiting to be accepted (backlog 5)');
    expect(line(200, 2)).toContain(' peer ');
  });
});

describe('tableLayout at other widths', () => {
  it.each([40, 60, 100, 120, 160])('never exceeds %i columns', (width) => {
    expect(tableLayout(width).width).toBe(width);
  });

  it('survives absurd widths', () => {
    expect(tableLayout(0).columns.length).toBeGreaterThan(0);
    expect(tableLayout(Number.NaN).columns.length).toBeGreaterThan(0);
  });
});

describe('cells', () => {
  it('marks new, changed and closed rows', () => {
    expect(changeMark(row({ key: 'a' }), { key: 'a', kind: 'new', fields: [] })).toBe('+');
    expect(changeMark(row({ key: 'a' }), { key: 'a', kind: 'changed', fields: ['state'] })).toBe('*');
    expect(changeMark(row({ key: 'a', closed: true }), undefined)).toBe('x');
    expect(changeMark(row({ key: 'a' }), undefined)).toBe(' ');
  });

  it('maps changed fields to the columns that show them', () => {
    const columns = changedColumns({ key: 'a', kind: 'changed', fields: ['state', 'unread', 'acceptQueue', 'bogus'] });
    expect([...columns].sort()).toEqual(['queue', 'state']);
  });
});

describe('queue words', () => {
  it('offers shorter wordings for narrow columns', () => {
    expect(queueWordings({ acceptQueue: 2, backlog: 5 })).toEqual([
      '2 waiting to be accepted (backlog 5)',
      '2 waiting (backlog 5)',
      '2 of backlog 5',
      '2/5 waiting',
    ]);
    // 80 columns leave 15 for the queue
    expect(fitQueueWords({ acceptQueue: 0, backlog: 128 }, 15)).toBe('0/128 waiting');
    expect(fitQueueWords({ acceptQueue: 2, backlog: 5 }, 36)).toBe('2 waiting to be accepted (backlog 5)');
    expect(fitQueueWords({ acceptQueue: 2, backlog: 5 }, 25)).toBe('2 waiting (backlog 5)');
    expect(fitQueueWords({ unread: 12, unsent: 300 }, 25)).toBe('12 B unread, 300 B unsent');
    expect(fitQueueWords({ unread: 12, unsent: 300 }, 21)).toBe('12 unread, 300 unsent');
    expect(fitQueueWords({ unread: 12, unsent: 300 }, 20)).toBe('12 unread, 300 unse…');
    expect(fitQueueWords({ unread: 1 }, 15)).toBe('1 byte unread');
    expect(fitQueueWords({}, 10)).toBe('');
  });
});
