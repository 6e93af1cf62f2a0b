import { describe, expect, it } from 'vitest';
import { parseInline, withEllipsis, wrapStyled, type StyledPiece } from '../../src/ui/format/inline-markup';

const texts = (lines: StyledPiece[][]) => lines.map((l) => l.map((p) => p.text).join(''));

describe('parseInline', () => {
  it('reads code, strong and emphasis, and drops their markers', () => {
    const { plain, styles } = parseInline('a `b(c)` **d** *e* f');
    expect(plain).toBe('a b(c) d e f');
    expect(styles.join(',')).toBe(
      ['plain', 'plain', 'code', 'code', 'code', 'code', 'plain', 'strong', 'plain', 'em', 'plain', 'plain'].join(','),
    );
  });

  it('keeps markers without a partner, a spaced-out star and markup inside code as text', () => {
    expect(parseInline('2 * 3 * 4, an odd ` and a **').plain).toBe('2 * 3 * 4, an odd ` and a **');
    const code = parseInline('`a*b*c` ``');
    expect(code.plain).toBe('a*b*c ``');
    expect(code.styles.slice(0, 5).every((s) => s === 'code')).toBe(true);
  });
});

describe('wrapStyled', () => {
  it('wraps the text without markers, and styles reach across lines', () => {
    const lines = wrapStyled('Send `Hello, <name>!` back  to the client.', 14);
    expect(texts(lines)).toEqual(['Send Hello,', '<name>! back', 'to the client.']);
    expect(lines[0]).toEqual([
      { text: 'Send ', style: 'plain' },
      { text: 'Hello,', style: 'code' },
    ]);
    expect(lines[1]?.[0]).toEqual({ text: '<name>!', style: 'code' });
  });

  it('breaks a word longer than the line', () => {
    expect(texts(wrapStyled('`abcdefghij` k', 4))).toEqual(['abcd', 'efgh', 'ij k']);
  });

  it('ends a cut line in an ellipsis within the width', () => {
    const [line] = wrapStyled('the `accept()` queue', 20);
    expect(withEllipsis(line!, 12)).toEqual([
      { text: 'the ', style: 'plain' },
      { text: 'accept(', style: 'code' },
      { text: '…', style: 'plain' },
    ]);
  });
});
