// The fast string-width gives exactly the original's answers.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import fastStringWidth from '../../src/ui/format/string-width-fast';

const SAMPLES = [
  '',
  'plain ascii',
  '── sockets (3) ──────',
  'queue · 2 waiting … ←→ ▶ ◀ ● ○ ■ □ ◽ ◾',
  'naïve café São Paulo Ångström ß œ ĳ',
  '你好，世界',
  'ｈａｌｆ／ｆｕｌｌ ﾊﾟ',
  'e\u0301 combining',
  'soft\u00adhyphen',
  'zero\u200bwidth',
  'emoji 😀 👍🏽 👨‍👩‍👧 🇫🇷 1️⃣',
  '\u001b[31mred\u001b[39m text ─',
  '\u202eRTL override',
  '한국어 가',
  '\t tab and \x7f del',
];

describe('fastStringWidth', () => {
  it.each(SAMPLES)('matches string-width for %j', (text) => {
    expect(fastStringWidth(text)).toBe(stringWidth(text));
    expect(fastStringWidth(text, { ambiguousIsNarrow: false })).toBe(stringWidth(text, { ambiguousIsNarrow: false }));
  });

  it('matches string-width on every code point of the ranges it handles itself', () => {
    const ranges: [number, number][] = [[0x20, 0x7e], [0xa1, 0x2ff], [0x2010, 0x205e], [0x2190, 0x21ff], [0x2500, 0x25ff]];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        expect([cp, fastStringWidth(ch)]).toEqual([cp, stringWidth(ch)]);
      }
    }
  });
});
