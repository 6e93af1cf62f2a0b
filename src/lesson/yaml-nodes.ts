// Reading a YAML document node by node, so that every value keeps the file line it came from.

import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { didYouMean } from './closest-name';
import { shown, type DiagnosticSink } from './diagnostics';

export interface YamlEntry {
  key: string;
  keyLine: number;
  /** The value's node (null for `key:` with nothing after it). */
  value: unknown;
  valueLine: number;
}

export class YamlReader {
  private readonly lines = new LineCounter();
  readonly root: unknown;
  /** The YAML parser reported problems: what it could read is still given, but may be incomplete. */
  readonly broken: boolean;

  /** `firstLine` is the file line of the YAML's first line. */
  constructor(
    text: string,
    private readonly firstLine: number,
    private readonly sink: DiagnosticSink,
  ) {
    const doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const problem of doc.errors) {
      const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      sink.error(this.lineAt(problem.pos[0]), `bad YAML in the front matter: ${message}`);
    }
    this.root = doc.contents;
    this.broken = doc.errors.length > 0;
  }

  lineAt(offset: number): number {
    return this.firstLine + this.lines.linePos(offset).line - 1;
  }

  lineOf(node: unknown, fallback: number): number {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.lineAt(range[0]) : fallback;
  }

  /**
   * The entries of a mapping, reporting keys that are not in `known` (with the closest known one).
   * `what` names the mapping in messages: "front-matter key", "parameter of tcp-server".
   */
  entries(node: unknown, line: number, what: string, known: readonly string[] | null): YamlEntry[] {
    if (!isMap(node)) {
      this.sink.error(this.lineOf(node, line), `expected a mapping of ${what}s (key: value lines)`);
      return [];
    }
    const out: YamlEntry[] = [];
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const keyLine = this.lineOf(keyNode, line);
      if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
        this.sink.error(keyLine, `a ${what} must be a plain name`);
        continue;
      }
      const key = String(keyNode.value);
      if (known !== null && !known.includes(key)) {
        this.sink.error(keyLine, `unknown ${what} ${shown(key)}${didYouMean(key, known)}`);
        continue;
      }
      if (isAlias(pair.value)) {
        this.sink.error(this.lineOf(pair.value, keyLine), 'YAML aliases (*name) are not supported in lesson files: write the value out');
        continue;
      }
      out.push({ key, keyLine, value: pair.value ?? null, valueLine: this.lineOf(pair.value, keyLine) });
    }
    return out;
  }

  /** The items of a sequence with their lines, or null (reported) when the node is not one. */
  items(node: unknown, line: number, what: string): { value: unknown; line: number }[] | null {
    if (!isSeq(node)) {
      this.sink.error(this.lineOf(node, line), `${what} must be a list, like [a, b]`);
      return null;
    }
    return node.items.map((item) => ({ value: item, line: this.lineOf(item, line) }));
  }
}

/** A scalar's value, or undefined when the node is not a scalar (a mapping, a list, nothing). */
export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}
