import { Box, Text } from 'ink';
import { safeText } from '../format/safe-text';
import { displayWidth, truncateEnd } from '../format/text-width';
import { withEllipsis, type StyledPiece } from '../format/inline-markup';
import { proseLines as wrapProse } from '../state/layout-of';
import type { LessonView } from '../state/types';

export interface LessonPaneProps {
  lesson: LessonView;
  width: number;
  /** Prose lines that fit; the last one shown ends in an ellipsis when more was cut. */
  proseLines: number;
  colour: boolean;
}

function whole(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0;
}

function stepText(lesson: LessonView): string {
  const count = whole(lesson.stepCount);
  const step = Math.min(count, whole(lesson.stepIndex) + 1);
  const hintsShown = whole(lesson.hintsShown);
  const last = step >= count;
  const status = lesson.done ? (last ? ' · lesson complete' : ' · done, :next to go on') : '';
  const hints = hintsShown > 0 ? ` · ${hintsShown} hint${hintsShown === 1 ? '' : 's'} shown` : '';
  return `step ${step} of ${count}${status}${hints}`;
}

/** Code and **strong** words stand out in bold, *emphasis* in italics; colours are kept for states. */
function StyledText({ piece }: { piece: StyledPiece }) {
  if (piece.style === 'code' || piece.style === 'strong') return <Text bold>{piece.text}</Text>;
  if (piece.style === 'em') return <Text italic>{piece.text}</Text>;
  return <Text>{piece.text}</Text>;
}

/** The lesson: its title and step, as much prose as fits, and the call to make next. */
export function LessonPane({ lesson, width, proseLines, colour }: LessonPaneProps) {
  const right = stepText(lesson);
  const titleRoom = Math.max(0, width - displayWidth(right) - 2);
  const title = truncateEnd(safeText(lesson.title ?? ''), titleRoom);
  const gap = Math.max(1, width - displayWidth(title) - displayWidth(right));
  const prose = wrapProse(lesson.prose, width);
  const shown = prose.slice(0, Math.max(0, proseLines));
  const cut = prose.length > shown.length && shown.length > 0;
  if (cut) shown[shown.length - 1] = withEllipsis(shown[shown.length - 1] ?? [], width);
  const suggestion = safeText(lesson.suggestion ?? '');
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text wrap="truncate">
        <Text bold>{title}</Text>
        {' '.repeat(gap)}
        <Text color={lesson.done && colour ? 'green' : undefined}>{right}</Text>
      </Text>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line.map((piece, j) => (
            <StyledText key={j} piece={piece} />
          ))}
        </Text>
      ))}
      {suggestion ? (
        <Text wrap="truncate">
          <Text dimColor>next: </Text>
          <Text bold>{truncateEnd(suggestion, Math.max(0, width - 6))}</Text>
        </Text>
      ) : null}
    </Box>
  );
}
