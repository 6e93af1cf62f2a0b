// The suggested call to offer next: the first of the step's calls the learner has not typed yet.
import type { Step } from '../../lesson';

/** Spacing does not matter when telling whether a suggested call was typed: `s.bind((HOST,PORT))`. */
function normalise(source: string): string {
  return source.replace(/\s+/g, '');
}

export function nextSuggestedCall(step: Step, typed: readonly string[]): string | null {
  const done = new Set(typed.map(normalise));
  const next = step.calls.find((call) => !done.has(normalise(call.source)));
  return (next ?? step.calls[step.calls.length - 1])?.source ?? null;
}
