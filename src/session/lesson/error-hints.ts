// Which of a step's foreseen-mistake hints fits the exception a statement raised.
import type { ErrorHint } from '../../lesson';
import type { PyErrorInfo } from '../types';

/** The exception line as the console printed it: 'OSError: [Errno 98] Address already in use'. */
export function errorLineOf(error: PyErrorInfo): string {
  if (error.type === 'socklab') return error.message;
  return error.message === '' ? error.type : `${error.type}: ${error.message}`;
}

/**
 * The first hint that matches: a class name matches that exact class as printed ('OSError' does not
 * match 'ConnectionRefusedError'); any other text matches when the printed line contains it.
 */
export function matchErrorHint(hints: readonly ErrorHint[], error: PyErrorInfo): string | null {
  const line = errorLineOf(error);
  for (const hint of hints) {
    if (hint.matchKind === 'class' ? error.type === hint.match : line.includes(hint.match)) return hint.text;
  }
  return null;
}
