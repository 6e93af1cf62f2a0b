// From a lesson file's bytes to its front matter and body lines, keeping file line numbers.

export type DecodeResult = { ok: true; text: string } | { ok: false; line: number; offset: number; byte: number };

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      // No overlong forms, no UTF-16 surrogates.
      min = b === 0xe0 ? 0xa0 : 0x80;
      max = b === 0xed ? 0x9f : 0xbf;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      max = b === 0xf4 ? 0x8f : 0xbf;
    } else {
      return i;
    }
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Decodes a lesson file; a leading byte order mark is dropped. */
export function decodeLessonBytes(bytes: Uint8Array): DecodeResult {
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    let line = 1;
    for (let k = 0; k < invalid; k++) if (bytes[k] === 0x0a) line++;
    return { ok: false, line, offset: invalid, byte: bytes[invalid]! };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { ok: true, text: text.startsWith('\ufeff') ? text.slice(1) : text };
}

export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  // A final newline ends the last line; it does not start another.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export type FrontMatterSplit =
  | {
      ok: true;
      /** The YAML between the two '---' lines. */
      yaml: string;
      /** File line of the YAML's first line. */
      yamlLine: number;
      body: string[];
      /** File line of the body's first line. */
      bodyLine: number;
    }
  | { ok: false; line: number; message: string };

const DELIMITER = /^---[ \t]*$/;
const END_DELIMITER = /^(?:---|\.\.\.)[ \t]*$/;

export function splitFrontMatter(lines: readonly string[]): FrontMatterSplit {
  const firstContent = lines.findIndex((l) => l.trim() !== '');
  if (firstContent < 0) return { ok: false, line: 1, message: 'the file is empty: a lesson starts with front matter between two --- lines' };
  if (!DELIMITER.test(lines[firstContent]!)) {
    return {
      ok: false,
      line: firstContent + 1,
      message: "a lesson starts with front matter: a '---' line, the lesson's id, title and summary in YAML, and another '---' line",
    };
  }
  for (let i = firstContent + 1; i < lines.length; i++) {
    if (END_DELIMITER.test(lines[i]!)) {
      return {
        ok: true,
        yaml: lines.slice(firstContent + 1, i).join('\n'),
        yamlLine: firstContent + 2,
        body: lines.slice(i + 1),
        bodyLine: i + 2,
      };
    }
  }
  return { ok: false, line: firstContent + 1, message: "the front matter opened here is never closed by a '---' line" };
}
