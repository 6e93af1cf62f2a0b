import { Text } from 'ink';
import { PROMPT } from '../format/console-lines';
import { safeText } from '../format/safe-text';

export interface TypedPromptProps {
  /** What has been typed so far. */
  line: string;
  width: number;
}

/** The prompt a replay types into: the line and a cursor after it; no key edits it. */
export function TypedPrompt({ line, width }: TypedPromptProps) {
  return (
    <Text>
      <Text bold>{PROMPT}</Text>
      {safeText(line)}
      <Text inverse>{width > 0 ? ' ' : ''}</Text>
    </Text>
  );
}
