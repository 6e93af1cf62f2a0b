import { describe, expect, it } from 'vitest';
import { applyCompletion, commonPrefix, ghostText } from '../../src/ui/state/completion';

describe('applyCompletion', () => {
  it('replaces the word with the only candidate', () => {
    expect(applyCompletion('s.li', 4, { start: 2, candidates: ['listen('] })).toEqual({ line: 's.listen(', cursor: 9, listed: [] });
  });

  it('extends to the common prefix and lists several candidates', () => {
    expect(applyCompletion('s.se', 4, { start: 2, candidates: ['send(', 'sendall(', 'sendto('] })).toEqual({
      line: 's.send',
      cursor: 6,
      listed: ['send(', 'sendall(', 'sendto('],
    });
  });

  it('completes in the middle of a line', () => {
    expect(applyCompletion('so.x', 2, { start: 0, candidates: ['socket'] })).toEqual({ line: 'socket.x', cursor: 6, listed: [] });
  });

  it('changes nothing for no candidates or a nonsensical answer', () => {
    const unchanged = { line: 'abc', cursor: 3, listed: [] };
    expect(applyCompletion('abc', 3, { start: 0, candidates: [] })).toEqual(unchanged);
    expect(applyCompletion('abc', 3, { start: 9, candidates: ['x'] })).toEqual(unchanged);
    expect(applyCompletion('abc', 3, { start: -1, candidates: ['x'] })).toEqual(unchanged);
    expect(applyCompletion('abc', 3, { start: 0, candidates: null as unknown as string[] })).toEqual(unchanged);
  });

  it('never shortens what was typed', () => {
    expect(applyCompletion('s.sendal', 8, { start: 2, candidates: ['send(', 'sendall('] }).line).toBe('s.sendal');
  });
});

describe('commonPrefix and ghostText', () => {
  it('finds the common start', () => {
    expect(commonPrefix(['recv(', 'recvfrom(', 'recv_into('])).toBe('recv');
    expect(commonPrefix([])).toBe('');
  });

  it('shows the rest of the suggestion while the line is its beginning', () => {
    expect(ghostText('', 's.listen(5)')).toBe('s.listen(5)');
    expect(ghostText('s.li', 's.listen(5)')).toBe('sten(5)');
    expect(ghostText('s.listen(5)', 's.listen(5)')).toBe('');
    expect(ghostText('x', 's.listen(5)')).toBe('');
    expect(ghostText('', '')).toBe('');
  });
});
