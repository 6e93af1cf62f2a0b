import { describe, it, expect } from 'vitest';
import { closestName, suggestName } from '../../src/py/suggestions';

describe('Did you mean', () => {
  it('finds the names CPython 3.11 suggests', () => {
    expect(closestName(['socket', 'select'], 'sokcet')).toBe('socket');
    expect(closestName(['upper', 'lower', 'split'], 'uper')).toBe('upper');
    expect(closestName(['recv', 'recvfrom', 'send'], 'recvv')).toBe('recv');
    expect(closestName(['AF_INET', 'AF_INET6'], 'AF_INETT')).toBe('AF_INET');
    expect(closestName(['False'], 'Flase')).toBe('False');
    expect(closestName(['None'], 'none')).toBe('None');
  });

  it('gives up where CPython does', () => {
    expect(closestName(['recv', 'send'], 'recieve')).toBeNull();
    expect(closestName(['a'], 'completely_different')).toBeNull();
    expect(closestName(Array.from({ length: 750 }, (_, i) => `name${i}`), 'name1x')).toBeNull();
    expect(closestName(['ab'.repeat(30)], 'ba'.repeat(30))).toBeNull();
  });

  it('compares what is left after the common prefix and suffix', () => {
    expect(closestName(['cab', 'abd'], 'abc')).toBe('abd');
    expect(closestName(['x'.repeat(50)], 'x'.repeat(49) + 'y')).toBe('x'.repeat(50));
  });

  it('prefers the first of equally close candidates, globals before builtins', () => {
    expect(closestName(['abx', 'aby'], 'abz')).toBe('abx');
    expect(suggestName('lenn', ['lent'], ['len'])).toBe('lent');
    expect(suggestName('prnt', ['x'], ['print'])).toBe('print');
  });
});
