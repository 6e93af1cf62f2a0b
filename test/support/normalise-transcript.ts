// Makes console transcripts of socket programs comparable between runs and between CPython and
// socklab: fd numbers, ports and `0x...` object addresses are renamed in order of first appearance
// (so the same fd or port must recur in the same places on both sides), and module origins, which
// depend on where Python is installed, are dropped.
export class TranscriptNormaliser {
  private readonly fds = new Map<string, string>();
  private readonly ports = new Map<string, string>();
  private readonly addresses = new Map<string, string>();

  private static rename(map: Map<string, string>, value: string, prefix: string): string {
    let name = map.get(value);
    if (name === undefined) {
      name = `${prefix}${map.size + 1}`;
      map.set(value, name);
    }
    return name;
  }

  /** Normalises `text`; successive calls share the numbering, so call it on a transcript in order. */
  normalise(text: string): string {
    return (
      text
        .replace(/<module '([^']+)' (?:\(built-in\)|from '[^']*')>/g, "<module '$1'>")
        .replace(/\bfd=(\d+)/g, (_m, fd: string) => `fd=${TranscriptNormaliser.rename(this.fds, fd, 'FD')}`)
        // An address tuple: a quoted host then the port; port 0 means "none yet" and stays.
        .replace(/(\('[^']*', )(\d+)/g, (_m, head: string, port: string) =>
          port === '0' ? `${head}0` : `${head}${TranscriptNormaliser.rename(this.ports, port, 'PORT')}`,
        )
        // 'host:port' as programs print it ('Accept new connection from 127.0.0.1:51968').
        .replace(/(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]):(\d+)\b/g, (_m, host: string, port: string) =>
          `${host}:${port === '0' ? '0' : TranscriptNormaliser.rename(this.ports, port, 'PORT')}`,
        )
        .replace(/\b0x[0-9a-f]{6,}\b/g, (address) => TranscriptNormaliser.rename(this.addresses, address, 'ADDR'))
    );
  }
}

/** A script's text with each `{NAME}` placeholder replaced by its value. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{([A-Z0-9_]+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The inverse of fillPlaceholders: each value (a port, say) written back as its `{NAME}`. */
export function restorePlaceholders(text: string, values: Readonly<Record<string, string | number>>): string {
  let out = text;
  for (const [name, value] of Object.entries(values)) {
    out = out.replace(new RegExp(`(?<![\\w.])${String(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g'), `{${name}}`);
  }
  return out;
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
