// One statement of the learner's as a line of the exported program, written as the tutorials write it
// and made to print what socklab's console printed: an expression whose value the console showed goes
// through show(); a line that raised (or may raise, where the lesson is about an error) runs under
// `with console:`, which prints the exception's last line and goes on; a line the learner interrupted
// is interrupted after as long; a line that is not Python runs from text, so the program still parses.
import { parseLine, PySyntaxError, type Statement } from '../py';
import type { PyErrorInfo } from '../session/types';
import { pyComment, pyLiteral } from './python-literals';

/** What the statement did when socklab ran it (a lesson played at export time, or a transcript). */
export interface StatementKnowledge {
  output: string;
  error: PyErrorInfo | null;
  durationMs: number;
  exit?: boolean;
}

export interface StatementOptions {
  /** The lesson expects an exception here (its check reads error()): run it under `with console:`. */
  mayRaise?: boolean;
}

function parsed(source: string): Statement[] | null {
  try {
    return parseLine(source);
  } catch (error) {
    if (error instanceof PySyntaxError) return null;
    throw error;
  }
}

const isPrintCall = (s: Statement): boolean =>
  s.kind === 'Expr' && s.value.kind === 'Call' && s.value.func.kind === 'Name' && s.value.func.id === 'print';

/** An expression statement through show(), unless the console showed nothing for it (its value was None). */
function shown(s: Statement, known: StatementKnowledge | null): string {
  if (s.kind !== 'Expr' || isPrintCall(s)) return s.source;
  if (known !== null && known.error === null && known.output === '') return s.source;
  const bareTuple = s.value.kind === 'Tuple' && !s.value.parenthesized;
  return `show(${bareTuple ? `(${s.source})` : s.source})`;
}

/** Seconds for console.interrupted_after(), as short as Python prints them. */
function seconds(ms: number): string {
  return String(Math.max(1, Math.round(ms)) / 1000);
}

/** The program's lines for one statement (comments, then the code line). */
export function pythonStatement(source: string, known: StatementKnowledge | null, options: StatementOptions = {}): string[] {
  const text = source.trim();
  if (known?.exit) return pyComment(`${text}    (the session ended here)`);
  if (known?.error?.type === 'socklab') {
    return pyComment(`${text}    (socklab did not run this line: ${known.error.message.split('\n')[0]})`);
  }
  const statements = /[\r\n\0]/.test(text) ? null : parsed(text);
  if (statements === null || statements.length === 0) return [`console.run(${pyLiteral(text)})`];
  const line = statements.map((s) => shown(s, known)).join('; ');
  if (known?.error?.type === 'KeyboardInterrupt') {
    return [...pyComment('interrupted with Ctrl+C in the session:'), `with console.interrupted_after(${seconds(known.durationMs)}): ${line}`];
  }
  if ((known !== null && known.error !== null) || options.mayRaise) return [`with console: ${line}`];
  return [line];
}
