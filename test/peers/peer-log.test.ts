import { describe, expect, it } from 'vitest';
import { ReceivedRecords } from '../../src/session/peers/peer-context';
import { PeerLog } from '../../src/session/peers/peer-log';
import { bytesOf } from './helpers';

describe('PeerLog', () => {
  it('numbers events, keeps the latest ones, and tells listeners', () => {
    const log = new PeerLog(3);
    const heard: string[] = [];
    const unsubscribe = log.subscribe((e) => heard.push(e.text));
    for (let i = 1; i <= 5; i++) log.add('client', 'send', `event ${i}`, i);
    expect(log.all().map((e) => [e.seq, e.text, e.line])).toEqual([
      [3, 'event 3', 3],
      [4, 'event 4', 4],
      [5, 'event 5', 5],
    ]);
    expect(heard).toHaveLength(5);
    unsubscribe();
    log.add('client', 'close', 'after');
    expect(heard).toHaveLength(5);
    expect(log.all()[2]).toMatchObject({ peer: 'client', kind: 'close', line: null });
  });

  it('goes on when a listener throws', () => {
    const log = new PeerLog();
    const heard: number[] = [];
    log.subscribe(() => {
      throw new Error('the screen failed');
    });
    log.subscribe((e) => heard.push(e.seq));
    expect(() => log.add('web', 'listen', 'web server listening')).not.toThrow();
    expect(heard).toEqual([1]);
  });
});

describe('ReceivedRecords', () => {
  it('joins each peer\'s bytes in arrival order and keeps peers apart', () => {
    const records = new ReceivedRecords(100);
    records.add('a', bytesOf('Mic'));
    records.add('b', bytesOf('zz'));
    records.add('a', bytesOf('hael'));
    expect(Buffer.from(records.bytes('a')).toString()).toBe('Michael');
    expect(Buffer.from(records.bytes('b')).toString()).toBe('zz');
    expect(records.bytes('nobody')).toEqual(new Uint8Array(0));
  });

  it('keeps a copy, not a view of a buffer that may be reused', () => {
    const records = new ReceivedRecords(100);
    const buffer = Buffer.from('abc');
    records.add('a', buffer);
    buffer.fill(0x7a);
    expect(Buffer.from(records.bytes('a')).toString()).toBe('abc');
  });

  it('stops keeping at its limit and says so', () => {
    const records = new ReceivedRecords(5);
    expect(records.add('a', bytesOf('abc'))).toBe(true);
    expect(records.add('a', bytesOf('defg'))).toBe(false);
    expect(records.add('a', bytesOf('h'))).toBe(false);
    expect(Buffer.from(records.bytes('a')).toString()).toBe('abcde');
  });
});
