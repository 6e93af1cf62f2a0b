import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';
import { safeText } from '../format/safe-text';
import { truncateEnd } from '../format/text-width';

export interface PromptProps {
  line: string;
  /** Restarts the text input (cursor at the end) whenever the line was set by something other than typing. */
  inputVersion: number;
  /** '>>> ', or '... ' inside a compound statement. */
  label: string;
  /** The rest of the lesson's suggestion, shown dim after the cursor; '' for none. */
  ghost: string;
  /** Completions listed after a Tab that matched several. */
  candidates: string[];
  width: number;
  /** The text input's own idea of the line, reported after each key it handles. */
  onChange: (line: string) => void;
}

/**
 * The prompt line, drawn by ink-text-input. The line itself, Enter, history, completion and the
 * suggestion belong to the screen's key listener; the text input shows the line and its cursor.
 */
export function Prompt({ line, inputVersion, label, ghost, candidates, width, onChange }: PromptProps) {
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text>
        <Text bold>{label}</Text>
        <TextInput key={inputVersion} value={line} onChange={onChange} />
        <Text dimColor>{safeText(ghost)}</Text>
      </Text>
      {candidates.length > 0 ? (
        <Text dimColor wrap="truncate">
          {truncateEnd(candidates.map(safeText).join('  '), width)}
        </Text>
      ) : null}
    </Box>
  );
}
