import { useCallback, useRef } from 'react';
import { useInput, type Key } from 'ink';

export interface KeyListenerProps {
  onKey: (input: string, key: Key) => void;
}

/**
 * Hears every key before the prompt's text input does. It must be rendered before the input so that
 * it subscribes first, and its handler never changes so that it never re-subscribes behind it: the
 * screen relies on that order to undo the keys the text input mishandles (see keys/key-map.ts).
 */
export function KeyListener({ onKey }: KeyListenerProps) {
  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  const handler = useCallback((input: string, key: Key) => onKeyRef.current(input, key), []);
  useInput(handler);
  return null;
}
