// string-width with a fast path. Ink measures every line it draws; the original segments anything
// beyond ASCII into grapheme clusters (Intl.Segmenter, \p{RGI_Emoji}), whose first use costs about as
// much as the rest of socklab's start-up. Characters that never join a cluster (Latin, punctuation,
// arrows, box drawing, geometric shapes) need no segmenting: their width is their East Asian Width,
// exactly what the original computes for them. Anything else goes to the original.
import stringWidth from 'string-width';
import { eastAsianWidth } from 'get-east-asian-width';

type Options = Parameters<typeof stringWidth>[1];

// No combining marks (U+0300...), no format or ignorable characters (U+00AD, U+200B-U+200F, U+2028-U+202E,
// U+2060-U+206F), no surrogates: each of these code points is one cluster on its own.
const SIMPLE = /^[\u0020-\u007E\u00A1-\u00AC\u00AE-\u02FF\u2010-\u2027\u2030-\u205E\u2190-\u21FF\u2500-\u25FF]*$/;

export default function fastStringWidth(input: string, options: Options = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  if (input.includes('\u001B') || input.includes('\u009B') || !SIMPLE.test(input)) return stringWidth(input, options);
  const ambiguousAsWide = options?.ambiguousIsNarrow === false;
  let width = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    width += code < 0x7f ? 1 : eastAsianWidth(code, { ambiguousAsWide });
  }
  return width;
}
