// The replay screen's state as a React hook: the pure reducer, with the newest state kept in a ref so
// that a player can read it between renders (a transcript going back starts from the current size).
import { useCallback, useRef, useState } from 'react';
import { replayReducer, type ReplayAction, type ReplayState } from './replay-state';

export interface ReplayStateHook {
  state: ReplayState;
  getState: () => ReplayState;
  dispatch: (action: ReplayAction) => void;
}

export function useReplayState(initial: () => ReplayState): ReplayStateHook {
  const [state, setState] = useState(initial);
  const stateRef = useRef(state);
  const dispatch = useCallback((action: ReplayAction) => {
    const after = replayReducer(stateRef.current, action);
    if (after === stateRef.current) return;
    stateRef.current = after;
    setState(after);
  }, []);
  const getState = useCallback(() => stateRef.current, []);
  return { state, getState, dispatch };
}
