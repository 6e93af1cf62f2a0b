// Turning a key's intent into reducer actions. Completion asks the completer here, outside the reducer,
// so the reducer stays pure; interrupting a running call is the session's business and is only reported.
import type { Intent } from '../keys/key-map';
import type { Completer } from './completion';
import type { Action, UiState } from './types';
import { errorMessage } from '../../sys/error-text';

/**
 * What the reducer cannot do: interrupt the running statement (its owner does), enter the line, or
 * enter pasted lines one after the other (the hook does).
 */
export type IntentEffect = { type: 'interrupt' } | { type: 'submit' } | { type: 'paste'; text: string };

export interface ResolvedIntent {
  actions: Action[];
  effect: IntentEffect | null;
}

function completionActions(state: UiState, complete: Completer | undefined): Action[] {
  if (!complete) return [];
  try {
    const result = complete(state.line, state.cursor);
    return [{ type: 'completion-shown', start: result.start, candidates: result.candidates }];
  } catch (error) {
    return [{ type: 'note', text: `completion failed: ${errorMessage(error)}`, tone: 'error' }];
  }
}

export function resolveIntent(intent: Intent, state: UiState, complete?: Completer): ResolvedIntent {
  const only = (...actions: Action[]): ResolvedIntent => ({ actions, effect: null });
  switch (intent.type) {
    case 'none':
      return only();
    case 'edit':
      return only({ type: 'line-edited', line: intent.line, cursor: intent.cursor });
    case 'submit':
      return { actions: [], effect: { type: 'submit' } };
    case 'paste':
      return { actions: [], effect: { type: 'paste', text: intent.text } };
    case 'history-prev':
      return only({ type: 'history-prev' });
    case 'history-next':
      return only({ type: 'history-next' });
    case 'complete':
      return only(...completionActions(state, complete));
    case 'accept-suggestion':
      return only({ type: 'suggestion-accepted' });
    case 'clear-line':
      return only({ type: 'line-cleared' });
    case 'scroll':
      if (intent.target === 'table') return only({ type: 'table-scrolled', step: intent.step, direction: intent.direction });
      if (intent.target === 'console') return only({ type: 'console-scrolled', step: intent.step, direction: intent.direction });
      return only({ type: 'overlay-scrolled', step: intent.step, direction: intent.direction });
    case 'cycle-decoding':
      return only({ type: 'decoding-cycled' });
    case 'toggle-help':
      return only(state.overlay ? { type: 'overlay-closed' } : { type: 'overlay-opened', overlay: 'help' });
    case 'close-overlay':
      return only({ type: 'overlay-closed' });
    case 'clear-console':
      return only({ type: 'console-cleared' });
    case 'interrupt':
      return { actions: [], effect: { type: 'interrupt' } };
    case 'interrupt-idle':
      return only({ type: 'interrupt-idle' });
    case 'quit':
      return only({ type: 'quit' });
    default:
      return only();
  }
}
