import { describe, it, expect } from 'vitest';
import { diffRows } from '../../src/session/row-diff';
import type { SocketRow } from '../../src/session/types';

const row = (over: Partial<SocketRow>): SocketRow => ({
  key: 'L1',
  name: 's',
  owner: 'learner',
  fd: 3,
  proto: 'TCP',
  local: null,
  remote: null,
  state: 'CLOSE',
  closed: false,
  ...over,
});

describe('diffRows', () => {
  it('marks new rows', () => {
    expect(diffRows([], [row({})])).toEqual([{ key: 'L1', kind: 'new', fields: [] }]);
  });

  it('names the fields that changed', () => {
    const before = [row({ state: 'CLOSE' })];
    const after = [row({ state: 'LISTEN', local: '127.0.0.1:9999', acceptQueue: 0, backlog: 5 })];
    expect(diffRows(before, after)).toEqual([
      { key: 'L1', kind: 'changed', fields: ['local', 'state', 'acceptQueue', 'backlog'] },
    ]);
  });

  it('says nothing of unchanged rows', () => {
    expect(diffRows([row({ unread: 5 })], [row({ unread: 5 })])).toEqual([]);
  });

  it('marks rows closed by the statement', () => {
    expect(diffRows([row({})], [row({ closed: true, state: 'CLOSED', fd: null })])).toEqual([
      { key: 'L1', kind: 'closed', fields: ['state'] },
    ]);
  });
});
