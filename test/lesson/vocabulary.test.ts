import { describe, expect, it } from 'vitest';
import { closestName, didYouMean, editDistance } from '../../src/lesson/closest-name';
import { formatDiagnostic, shown, sortDiagnostics } from '../../src/lesson/diagnostics';
import { canonicalEncoding, encodeText } from '../../src/lesson/encodings';
import { parseReplyTemplate } from '../../src/lesson/reply-template';

describe('closestName', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('pyhton', 'python')).toBe(1);
    expect(editDistance('perl', 'peer')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests a close name and nothing for a far one', () => {
    expect(closestName('titel', ['id', 'title', 'summary'])).toBe('title');
    expect(closestName('Summary', ['id', 'title', 'summary'])).toBe('summary');
    expect(closestName('colour', ['ipv6', 'ports', 'unix'])).toBeNull();
    expect(didYouMean('stat', ['state', 'unread'])).toBe(" (did you mean 'state'?)");
    expect(didYouMean('zzz', ['state'])).toBe('');
  });
});

describe('diagnostics', () => {
  it('formats errors and warnings as file:line: message', () => {
    expect(formatDiagnostic({ file: 'a.md', line: 3, severity: 'error', message: 'bad' })).toBe('a.md:3: bad');
    expect(formatDiagnostic({ file: 'a.md', line: 3, severity: 'warning', message: 'meh' })).toBe('a.md:3: warning: meh');
    expect(formatDiagnostic({ file: 'dir', line: 0, severity: 'error', message: 'missing' })).toBe('dir: missing');
  });

  it('sorts by file and line, keeping the order of problems on one line', () => {
    const d = (file: string, line: number, message: string) => ({ file, line, severity: 'error' as const, message });
    const sorted = sortDiagnostics([d('b', 1, 'x'), d('a', 9, 'y'), d('a', 2, 'z1'), d('a', 2, 'z2')]);
    expect(sorted.map((x) => x.message)).toEqual(['z1', 'z2', 'y', 'x']);
  });

  it('shows lesson text safely: control and bidi characters escaped, long text cut', () => {
    expect(shown('a\u001b]0;x\u0007b')).toBe("'a\\x1b]0;x\\x07b'");
    expect(shown('\u202eevil')).toBe("'\\u202eevil'");
    expect(shown('x'.repeat(100), 10)).toBe(`'${'x'.repeat(9)}…'`);
  });
});

describe('encodings', () => {
  it('accepts the names Python accepts', () => {
    expect(canonicalEncoding('UTF_8')).toBe('utf-8');
    expect(canonicalEncoding('latin1')).toBe('latin-1');
    expect(canonicalEncoding('cp936')).toBe('gbk');
    expect(canonicalEncoding('klingon')).toBeNull();
  });

  it('encodes strictly', () => {
    expect(encodeText('你好', 'gbk')).toEqual({ ok: true, bytes: new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), encoding: 'gbk' });
    expect(encodeText('café', 'ascii')).toEqual({ ok: false, message: "'ascii' cannot encode the character U+00E9" });
    expect(encodeText('x', 'nope')).toMatchObject({ ok: false, message: expect.stringMatching(/unknown encoding 'nope'/) });
  });
});

describe('parseReplyTemplate', () => {
  it('splits text and placeholders, with doubled braces as literals', () => {
    const result = parseReplyTemplate('Hello, {data}! {{{length}}}');
    expect(result).toEqual({
      ok: true,
      template: {
        source: 'Hello, {data}! {{{length}}}',
        parts: [{ text: 'Hello, ' }, { placeholder: 'data' }, { text: '! {' }, { placeholder: 'length' }, { text: '}' }],
      },
    });
  });

  it('reports unknown placeholders with a suggestion, and stray braces', () => {
    expect(parseReplyTemplate('{dta}')).toMatchObject({ ok: false, message: expect.stringContaining("(did you mean 'data'?)") });
    expect(parseReplyTemplate('a { b')).toMatchObject({ ok: false, message: expect.stringMatching(/never closed/) });
    expect(parseReplyTemplate('a } b')).toMatchObject({ ok: false, message: expect.stringMatching(/closes nothing/) });
  });
});
