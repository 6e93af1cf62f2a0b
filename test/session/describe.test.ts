import { describe, expect, it } from 'vitest';
import { describeAcceptQueue, describeHolder, describeQueue, describeRow } from '../../src/session/describe';
import type { SocketRow } from '../../src/session/types';

function row(fields: Partial<SocketRow>): SocketRow {
  return { key: 'k', name: 's', owner: 'learner', fd: 3, proto: 'TCP', local: null, remote: null, state: 'CLOSE', closed: false, ...fields };
}

describe('describeQueue', () => {
  it('says how many connections wait to be accepted, with the backlog', () => {
    expect(describeQueue({ acceptQueue: 2, backlog: 5 })).toBe('2 waiting to be accepted (backlog 5)');
    expect(describeQueue({ acceptQueue: 0, backlog: 128 })).toBe('0 waiting to be accepted (backlog 128)');
    expect(describeQueue({ acceptQueue: 1 })).toBe('1 waiting to be accepted');
    expect(describeAcceptQueue({ backlog: 5 })).toBe('backlog 5');
  });

  it('counts unread and unsent bytes with the right plural', () => {
    expect(describeQueue({ unread: 12 })).toBe('12 bytes unread');
    expect(describeQueue({ unread: 1 })).toBe('1 byte unread');
    expect(describeQueue({ unsent: 300 })).toBe('300 bytes unsent');
    expect(describeQueue({ unsent: 1 })).toBe('1 byte unsent');
    expect(describeQueue({ unread: 1, unsent: 300 })).toBe('1 byte unread, 300 bytes unsent');
  });

  it('says nothing when nothing waits', () => {
    expect(describeQueue({})).toBe('');
    expect(describeQueue({ unread: 0, unsent: 0 })).toBe('');
  });

  it('ignores counts that are not sane numbers instead of printing them', () => {
    expect(describeQueue({ unread: -1 })).toBe('');
    expect(describeQueue({ unread: Number.NaN, unsent: 2.5 })).toBe('');
    expect(describeQueue({ acceptQueue: 'x' as unknown as number, backlog: 5 })).toBe('backlog 5');
  });
});

describe('describeRow', () => {
  it('writes a listener as the brief shows it', () => {
    const listener = row({ local: '127.0.0.1:9999', state: 'LISTEN', acceptQueue: 2, backlog: 5 });
    expect(describeRow(listener)).toBe('s fd=3 TCP 127.0.0.1:9999 LISTEN 2 waiting to be accepted (backlog 5)');
  });

  it('writes both ends of a connection and its unread bytes', () => {
    const conn = row({ name: 'conn', fd: 4, local: '127.0.0.1:9999', remote: '127.0.0.1:51968', state: 'ESTABLISHED', unread: 12 });
    expect(describeRow(conn)).toBe('conn fd=4 TCP 127.0.0.1:9999 -> 127.0.0.1:51968 ESTABLISHED 12 bytes unread');
  });

  it('names sockets that are not the learner’s by their owner', () => {
    const timeWait = row({ name: '', owner: 'kernel', fd: null, local: '127.0.0.1:51900', remote: '127.0.0.1:9999', state: 'TIME_WAIT' });
    expect(describeRow(timeWait)).toBe('(kernel) TCP 127.0.0.1:51900 -> 127.0.0.1:9999 TIME_WAIT');
    expect(describeHolder({ name: 'client', owner: 'peer' })).toBe('client (peer)');
    expect(describeHolder({ name: '', owner: 'learner' })).toBe('(unnamed)');
  });

  it('shows a fresh socket as unbound and marks a closed one', () => {
    expect(describeRow(row({ proto: 'UDP', state: 'UNCONN' }))).toBe('s fd=3 UDP (unbound) UNCONN');
    expect(describeRow(row({ fd: null, state: 'CLOSED', closed: true }))).toBe('s TCP (unbound) CLOSED');
    expect(describeRow(row({ state: 'ESTABLISHED', closed: true, local: '127.0.0.1:1' }))).toBe(
      's fd=3 TCP 127.0.0.1:1 ESTABLISHED [closed]',
    );
  });

  it('does not throw on a row with missing fields', () => {
    const broken = { key: 'k' } as unknown as SocketRow;
    expect(describeRow(broken)).toBe('(unknown) ? (unbound) ?');
  });
});
