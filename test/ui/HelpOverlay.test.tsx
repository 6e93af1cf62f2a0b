import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { HelpOverlay } from '../../src/ui/components/HelpOverlay';
import { helpLines } from '../../src/ui/format/help-text';
import { displayWidth } from '../../src/ui/format/text-width';

const instances: Array<ReturnType<typeof render>> = [];
afterEach(() => {
  for (const instance of instances.splice(0)) instance.unmount();
});

function overlay(width: number, height: number, scroll: number): string[] {
  const instance = render(<HelpOverlay width={width} height={height} scroll={scroll} colour={false} />);
  instances.push(instance);
  return (instance.lastFrame() ?? '').split('\n');
}

describe('HelpOverlay', () => {
  it('fills 80x24 and scrolls through every line of help', () => {
    const total = helpLines(80).length;
    const seen = new Set<string>();
    for (let scroll = 0; scroll < total; scroll += 22) {
      const lines = overlay(80, 24, scroll);
      expect(lines).toHaveLength(24);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
      for (const line of lines.slice(1, 23)) seen.add(line.trimEnd());
    }
    for (const line of helpLines(80)) expect(seen.has(line.text.trimEnd())).toBe(true);
  });

  it('shows everything without scrolling on a tall terminal', () => {
    const lines = overlay(100, 60, 0);
    expect(lines[59]).toBe('Esc, q or ? closes');
    expect(lines.join('\n')).toContain(':quit');
    expect(lines.join('\n')).toContain('green  established');
  });
});
