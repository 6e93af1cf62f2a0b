import { describe, expect, it } from 'vitest';
import { blocksToMarkdown, scanMarkdown, type FenceBlock, type QuoteBlock } from '../../src/lesson/markdown-blocks';

describe('scanMarkdown', () => {
  it('keeps file line numbers for headings, fences and quotes', () => {
    const lines = ['Intro.', '', '## Step one', '', '```python', 's = 1', '```', '> hint: one', '> more'];
    const blocks = scanMarkdown(lines, 10);
    const heading = blocks.find((b) => b.type === 'heading')!;
    expect(heading).toMatchObject({ level: 2, text: 'Step one', line: 12 });
    const fence = blocks.find((b) => b.type === 'fence') as FenceBlock;
    expect(fence).toMatchObject({ lang: 'python', line: 14, closed: true });
    expect(fence.body).toEqual([{ text: 's = 1', line: 15 }]);
    const quote = blocks.find((b) => b.type === 'quote') as QuoteBlock;
    expect(quote.lines).toEqual([
      { text: 'hint: one', line: 17 },
      { text: 'more', line: 18 },
    ]);
  });

  it('reads the info string into a language and parameters', () => {
    const fence = scanMarkdown(['```Peer  when=blocked extra', 'x', '```'], 1)[0] as FenceBlock;
    expect(fence).toMatchObject({ info: 'Peer  when=blocked extra', lang: 'peer', params: ['when=blocked', 'extra'] });
  });

  it('does not see headings or quotes inside a fence, and honours longer and tilde fences', () => {
    const blocks = scanMarkdown(['````markdown', '## not a step', '```', '> not a hint', '````', '~~~', '## also not', '~~~'], 1);
    expect(blocks.map((b) => b.type)).toEqual(['fence', 'fence']);
    expect((blocks[0] as FenceBlock).body.map((l) => l.text)).toEqual(['## not a step', '```', '> not a hint']);
  });

  it('marks a fence the file never closes', () => {
    const fence = scanMarkdown(['```check', 'True'], 5)[0] as FenceBlock;
    expect(fence).toMatchObject({ closed: false, line: 5 });
    expect(fence.body).toEqual([{ text: 'True', line: 6 }]);
  });

  it('removes the fence indentation from its lines', () => {
    const fence = scanMarkdown(['  ```python', '  x = 1', '    y = 2', '  ```'], 1)[0] as FenceBlock;
    expect(fence.body.map((l) => l.text)).toEqual(['x = 1', '  y = 2']);
  });

  it('reads ATX headings as CommonMark does', () => {
    const blocks = scanMarkdown(['## Title ##', '##', '#nospace', '    ## indented code', '### Sub'], 1);
    expect(blocks.map((b) => (b.type === 'heading' ? `${b.level}:${b.text}` : b.type))).toEqual(['2:Title', '2:', 'text', 'text', '3:Sub']);
  });

  it('continues a quote on a lazy line, but not after a blank line or at a list item', () => {
    const blocks = scanMarkdown(['> hint: one', 'lazy', '', 'prose', '> hint: two', '- item'], 1);
    expect(blocks.map((b) => b.type)).toEqual(['quote', 'text', 'text', 'quote', 'text']);
    expect((blocks[0] as QuoteBlock).lines.map((l) => l.text)).toEqual(['hint: one', 'lazy']);
  });

  it('does not take a backtick info string with a backtick as a fence', () => {
    expect(scanMarkdown(['``` a`b', 'x'], 1).map((b) => b.type)).toEqual(['text', 'text']);
  });
});

describe('blocksToMarkdown', () => {
  it('gives the prose back without blank lines at the ends or runs of them inside', () => {
    const blocks = scanMarkdown(['', 'One.', '', '', '', 'Two.', '```text', '', '', 'kept', '```', ''], 1);
    expect(blocksToMarkdown(blocks)).toBe('One.\n\nTwo.\n```text\n\n\nkept\n```');
  });
});
