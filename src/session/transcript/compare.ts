// Compares a recording's statements with the same statements run again, one pair at a time and in
// order, after normalising what legitimately differs between runs. Pure: the live run feeds it.
import { TranscriptNormaliser } from './normalise';

export interface RecordedOutput {
  source: string;
  output: string;
  /** The line of the transcript file it was recorded on. */
  line: number;
  passed: boolean | null;
  /** The lesson step (1-based) it ran in; null outside a lesson or before step 1. */
  step: number | null;
}

export interface LiveOutput {
  source: string;
  output: string;
  passed: boolean | null;
}

export interface OutputDifference {
  /** 1-based position among the statements compared. */
  position: number;
  /** The transcript line of the recorded statement; null for a statement only the live run has. */
  line: number | null;
  source: string;
  /** What differs, in words: 'output', 'check', 'statement', 'missing', 'extra'. */
  what: 'output' | 'check' | 'statement' | 'missing' | 'extra';
  /** Normalised outputs as compared (null when that side has no such statement). */
  recorded: string | null;
  live: string | null;
}

type Names = ReadonlyArray<readonly [string, string | number]>;

/** Names of a lesson's ports as pairs for the normaliser. */
export function portPairs(ports: Readonly<Partial<Record<string, number>>>): [string, number][] {
  return Object.entries(ports).filter((e): e is [string, number] => typeof e[1] === 'number');
}

export class OutputComparer {
  private readonly recordedSide: TranscriptNormaliser;
  private readonly liveSide: TranscriptNormaliser;
  private readonly varyingSteps: ReadonlySet<number>;
  private position = 0;

  /** `varyingSteps`: the lesson's steps whose printed numbers differ from run to run (`> varies:`). */
  constructor(recordedNames: Names = [], liveNames: Names = [], varyingSteps: ReadonlySet<number> = new Set()) {
    this.varyingSteps = varyingSteps;
    // fd numbers are hidden: the peers and the runtime hold fds too, in an order no two runs share.
    this.recordedSide = new TranscriptNormaliser({ fds: 'hide', times: true, names: recordedNames });
    this.liveSide = new TranscriptNormaliser({ fds: 'hide', times: true, names: liveNames });
  }

  /** The recording's ports changed (a rewind chose new ones). */
  recordedNames(names: Names): void {
    this.recordedSide.addNames(names);
  }

  liveNames(names: Names): void {
    this.liveSide.addNames(names);
  }

  /** The next pair; null when they match. */
  compare(recorded: RecordedOutput, live: LiveOutput): OutputDifference | null {
    const position = ++this.position;
    const vary = this.numbersVary(recorded);
    const r = this.recordedSide.normaliseOutput(recorded.source, recorded.output, vary);
    const l = this.liveSide.normaliseOutput(live.source, live.output, vary);
    const base = { position, line: recorded.line, source: recorded.source, recorded: r, live: l };
    if (recorded.source.trim() !== live.source.trim()) return { ...base, what: 'statement', recorded: recorded.source, live: live.source };
    if (r !== l) return { ...base, what: 'output' };
    if (recorded.passed !== null && live.passed !== null && recorded.passed !== live.passed) {
      return { ...base, what: 'check', recorded: recorded.passed ? 'check passed' : 'check did not pass', live: live.passed ? 'check passed' : 'check did not pass' };
    }
    return null;
  }

  private numbersVary(recorded: RecordedOutput): boolean {
    return recorded.step !== null && this.varyingSteps.has(recorded.step);
  }

  /** A recorded statement the live run never reached. */
  missing(recorded: RecordedOutput): OutputDifference {
    const position = ++this.position;
    return { position, line: recorded.line, source: recorded.source, what: 'missing', recorded: this.recordedSide.normaliseOutput(recorded.source, recorded.output, this.numbersVary(recorded)), live: null };
  }

  /** A statement the live run made that the recording does not have. */
  extra(live: LiveOutput): OutputDifference {
    const position = ++this.position;
    return { position, line: null, source: live.source, what: 'extra', recorded: null, live: this.liveSide.normaliseOutput(live.source, live.output) };
  }
}

const MAX_SHOWN_LINES = 12;

function shownLines(label: string, text: string | null): string[] {
  if (text === null) return [`${label} (none)`];
  const lines = text.replace(/\n$/, '').split('\n');
  if (text === '') return [`${label} (nothing printed)`];
  const pad = ' '.repeat(label.length);
  const shown = lines.slice(0, MAX_SHOWN_LINES).map((l, i) => `${i === 0 ? label : pad} ${l}`);
  if (lines.length > MAX_SHOWN_LINES) shown.push(`${pad} ... and ${lines.length - MAX_SHOWN_LINES} more lines`);
  return shown;
}

/** A difference in words, one line per entry (the caller escapes and prefixes them). */
export function describeDifference(d: OutputDifference, file: string): string[] {
  const where = d.line === null ? file : `${file}:${d.line}`;
  const heads: Record<OutputDifference['what'], string> = {
    output: `${where}: statement ${d.position} prints something else live: ${d.source}`,
    check: `${where}: statement ${d.position}: the step's check came out differently live: ${d.source}`,
    statement: `${where}: statement ${d.position}: the live run ran another statement`,
    missing: `${where}: statement ${d.position} was not run live (the live run stopped before it): ${d.source}`,
    extra: `${where}: the live run ran a statement the recording does not have: ${d.source}`,
  };
  return [heads[d.what], ...shownLines('  recorded:', d.recorded), ...shownLines('  live:    ', d.live)];
}
