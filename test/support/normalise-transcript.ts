// Makes console transcripts of socket programs comparable between runs and between CPython and
// socklab. The normaliser itself is socklab's own (a transcript's live replay uses it too); the
// helpers here fill a script's placeholders and cut a transcript into one block per statement.
export { TranscriptNormaliser, restorePlaceholders } from '../../src/session/transcript/normalise';

/** A script's text with each `{NAME}` placeholder replaced by its value. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{([A-Z0-9_]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * A transcript cut into one block per statement: '>>> line\n' and what the console printed for it,
 * found by the statements' own echo lines.
 */
export function transcriptBlocks(transcript: string, lines: readonly string[]): string[] {
  const starts: number[] = [];
  let from = 0;
  for (const line of lines) {
    const at = transcript.indexOf(`>>> ${line}\n`, from);
    if (at < 0) break;
    starts.push(at);
    from = at + line.length + 5;
  }
  return starts.map((start, i) => transcript.slice(start, starts[i + 1] ?? transcript.length));
}
