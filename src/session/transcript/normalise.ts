// Makes console output comparable between two runs of the same statements (a recording and its live
// replay, a lesson and its exported Python program, CPython and socklab): what legitimately differs
// from run to run is renamed or hidden. fd numbers and ports are renamed in order of first appearance
// (so the same fd or port must recur in the same places on both sides), `0x...` object addresses too;
// module origins, which depend on where Python is installed, are dropped. Pure string work.

export interface NormaliseOptions {
  /**
   * 'rename' (the default): fd=FD1, fd=FD2 ... by first appearance. 'hide': fd=FD for every fd, for
   * runs whose other sockets (peers, the runtime's own) take different numbers.
   */
  fds?: 'rename' | 'hide';
  /**
   * Values written back as their names before anything else (the lesson's ports: 31610 -> {PORT}).
   * A name may have had several values (a rewound lesson chooses new ports).
   */
  names?: ReadonlyArray<readonly [string, string | number]>;
  /** Wall-clock times (time.time() and time.time_ns() values) become TIME. */
  times?: boolean;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The inverse of filling in placeholders: each value (a port, say) written back as its `{NAME}`. */
export function restorePlaceholders(text: string, values: Readonly<Record<string, string | number>> | ReadonlyArray<readonly [string, string | number]>): string {
  const entries = Array.isArray(values) ? values : Object.entries(values);
  let out = text;
  for (const [name, value] of entries) {
    out = out.replace(new RegExp(`(?<![\\w.])${escapeRegExp(String(value))}(?![\\w])`, 'g'), `{${name}}`);
  }
  return out;
}

export class TranscriptNormaliser {
  private readonly fds = new Map<string, string>();
  private readonly ports = new Map<string, string>();
  private readonly addresses = new Map<string, string>();
  private readonly options: NormaliseOptions;
  private readonly names: [string, string | number][];

  constructor(options: NormaliseOptions = {}) {
    this.options = options;
    this.names = (options.names ?? []).map(([name, value]) => [name, value]);
  }

  /** More values to write back as names, from now on (a rewound lesson chose new ports). */
  addNames(names: ReadonlyArray<readonly [string, string | number]>): void {
    for (const [name, value] of names) {
      if (!this.names.some(([n, v]) => n === name && String(v) === String(value))) this.names.push([name, value]);
    }
  }

  private static rename(map: Map<string, string>, value: string, prefix: string): string {
    let name = map.get(value);
    if (name === undefined) {
      name = `${prefix}${map.size + 1}`;
      map.set(value, name);
    }
    return name;
  }

  private port(port: string): string {
    // Port 0 means "none yet" and stays.
    return port === '0' ? '0' : TranscriptNormaliser.rename(this.ports, port, 'PORT');
  }

  /**
   * Normalises what `source` printed: as normalise(), and a statement that asks for a file descriptor
   * (`s.fileno()`) prints one as a bare number, which is made an fd too. `numbersVary`: the statement
   * ran in a lesson step whose numbers differ from run to run (a count the kernel's buffers decide),
   * so every number left becomes N.
   */
  normaliseOutput(source: string, output: string, numbersVary = false): string {
    const marked = /\.fileno\s*\(\s*\)/.test(source) ? output.replace(/^(\d+)$/gm, (_m, fd: string) => `fd=${fd}`) : output;
    const normalised = this.normalise(marked);
    return numbersVary ? normalised.replace(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g, 'N') : normalised;
  }

  /** Normalises `text`; successive calls share the numbering, so call it on a transcript in order. */
  normalise(text: string): string {
    const { times, fds } = this.options;
    let out = this.names.length > 0 ? restorePlaceholders(text, this.names) : text;
    out = out
      .replace(/<module '([^']+)' (?:\(built-in\)|from '[^']*')>/g, "<module '$1'>")
      .replace(/\bfd=(\d+)/g, (_m, fd: string) => (fds === 'hide' ? 'fd=FD' : `fd=${TranscriptNormaliser.rename(this.fds, fd, 'FD')}`))
      // An address tuple: a quoted host then the port.
      .replace(/(\('[^']*', )(\d+)/g, (_m, head: string, port: string) => `${head}${this.port(port)}`)
      // 'host:port' as programs print it ('Accept new connection from 127.0.0.1:51968').
      .replace(/(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]):(\d+)\b/g, (_m, host: string, port: string) => `${host}:${this.port(port)}`)
      .replace(/\b0x[0-9a-f]{6,}\b/g, (address) => TranscriptNormaliser.rename(this.addresses, address, 'ADDR'));
    if (times) {
      // Epoch seconds from 2001 to 2033 with a fraction, and epoch nanoseconds.
      out = out.replace(/(?<![\w.])1\d{9}\.\d+(?![\w.])/g, 'TIME').replace(/(?<![\w.])1\d{18}(?![\w.])/g, 'TIME');
    }
    return out;
  }
}
