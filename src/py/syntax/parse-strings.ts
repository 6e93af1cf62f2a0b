// Adjacent string literals concatenate into one constant ('a' "b"), or into an f-string when any
// part is one; bytes and text cannot mix.
import type { Expr, FStringPart } from './ast';
import type { Parser } from './parser-core';
import type { Token } from './tokens';
import { checkBytesBody, decodeEscapes, splitLiteral } from './string-literal';
import { parseFString } from './fstring';

export function parseStrings(p: Parser): Expr {
  const tokens: Token[] = [];
  while (p.peek().kind === 'string') tokens.push(p.next());
  const first = tokens[0] as Token;
  const last = tokens[tokens.length - 1] as Token;
  const literals = tokens.map(splitLiteral);
  const anyBytes = literals.some((l) => l.bytes);
  if (anyBytes && literals.some((l) => !l.bytes)) {
    p.error('cannot mix bytes and nonbytes literals', { start: last.end - 1, end: last.end });
  }
  const parts: FStringPart[] = [];
  let isFString = false;
  tokens.forEach((token, i) => {
    const lit = literals[i] as ReturnType<typeof splitLiteral>;
    const errorColumn = p.column(token.end - 1);
    if (lit.fstring) {
      isFString = true;
      parts.push(...parseFString(p.source, lit.bodyStart, lit.bodyStart + lit.body.length, lit.raw, errorColumn));
      return;
    }
    if (lit.bytes) checkBytesBody(lit.body, p.source, token);
    parts.push(lit.raw ? lit.body : decodeEscapes(lit.body, lit.bytes, errorColumn));
  });
  const start = first.start;
  const end = last.end;
  if (isFString) {
    // Merge neighbouring literal parts.
    const merged: FStringPart[] = [];
    for (const part of parts) {
      const prev = merged[merged.length - 1];
      if (typeof part === 'string' && typeof prev === 'string') merged[merged.length - 1] = prev + part;
      else merged.push(part);
    }
    return { kind: 'FString', parts: merged, start, end };
  }
  const text = (parts as string[]).join('');
  return { kind: 'Constant', value: anyBytes ? { type: 'bytes', value: text } : { type: 'str', value: text }, start, end };
}
