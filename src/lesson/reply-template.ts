// A peer's reply template: 'Hello, {data}!' -> text parts and placeholders.

import { didYouMean } from './closest-name';
import { shown } from './diagnostics';
import type { ReplyTemplate, TemplatePart, TemplatePlaceholder } from './model';

/** What each placeholder stands for, filled in from one received message. */
export const TEMPLATE_PLACEHOLDERS: Readonly<Record<TemplatePlaceholder, string>> = {
  data: "the message received, decoded with the peer's encoding",
  upper: 'the message in upper case',
  lower: 'the message in lower case',
  length: 'the number of bytes received',
};

const NAMES = Object.keys(TEMPLATE_PLACEHOLDERS);

export type TemplateResult = { ok: true; template: ReplyTemplate } | { ok: false; message: string };

/** Braces mark placeholders; '{{' and '}}' stand for literal braces, as in Python's str.format. */
export function parseReplyTemplate(source: string): TemplateResult {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '{' && source[i + 1] === '{') {
      text += '{';
      i += 2;
    } else if (ch === '}' && source[i + 1] === '}') {
      text += '}';
      i += 2;
    } else if (ch === '{') {
      const end = source.indexOf('}', i + 1);
      if (end < 0) return { ok: false, message: "a '{' in the reply is never closed (write '{{' for a literal brace)" };
      const name = source.slice(i + 1, end).trim();
      if (!(NAMES as string[]).includes(name)) {
        return {
          ok: false,
          message: `unknown placeholder {${shown(name).slice(1, -1)}} in the reply${didYouMean(name, NAMES)}; the placeholders are ${NAMES.map((n) => `{${n}}`).join(', ')}`,
        };
      }
      if (text) parts.push({ text });
      text = '';
      parts.push({ placeholder: name as TemplatePlaceholder });
      i = end + 1;
    } else if (ch === '}') {
      return { ok: false, message: "a '}' in the reply closes nothing (write '}}' for a literal brace)" };
    } else {
      text += ch;
      i++;
    }
  }
  if (text) parts.push({ text });
  return { ok: true, template: { source, parts } };
}
