// Problems found in lesson files, reported as `file:line: message` like a compiler does, so that
// editors and terminals can jump to the line.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  /** 1-based line; 0 when the problem is about the file (or directory) as a whole. */
  line: number;
  severity: Severity;
  message: string;
}

/** `file:line: message` for an error, `file:line: warning: message` for a warning. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return d.severity === 'warning' ? `${where}: warning: ${d.message}` : `${where}: ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Sorted by file, then line, keeping the order of discovery for problems on the same line. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((d, index) => ({ d, index }))
    .sort((a, b) => (a.d.file < b.d.file ? -1 : a.d.file > b.d.file ? 1 : a.d.line - b.d.line || a.index - b.index))
    .map(({ d }) => d);
}

/** Collects the problems of one file, each at its own line. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  constructor(readonly file: string) {}

  error(line: number, message: string): void {
    this.items.push({ file: this.file, line, severity: 'error', message });
  }

  warning(line: number, message: string): void {
    this.items.push({ file: this.file, line, severity: 'warning', message });
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }
}

/**
 * Text from a lesson file as it appears inside a message: quoted, control and bidi characters
 * escaped (a message goes to a terminal), and cut short when long.
 */
export function shown(text: string, max = 60): string {
  const escaped = Array.from(text.length > max * 4 ? text.slice(0, max * 4) : text)
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch === '\n') return '\\n';
      if (ch === '\t') return '\\t';
      if (ch === '\r') return '\\r';
      if (ch === '\\') return '\\\\';
      if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff) {
        return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
      }
      return ch;
    });
  const cut = escaped.length > max ? `${escaped.slice(0, max - 1).join('')}…` : escaped.join('');
  return `'${cut}'`;
}
