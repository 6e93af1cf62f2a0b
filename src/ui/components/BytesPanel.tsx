import { useMemo } from 'react';
import { Box, Text } from 'ink';
import type { BytesShown } from '../../session/types';
import { bytesReprPrefix } from '../format/bytes-repr';
import type { Decoding } from '../format/decode';
import { bytesPerLineFor, hexdumpLines } from '../format/hexdump';
import { safeText, strRepr } from '../format/safe-text';
import { colourOf } from '../format/state-colour';
import { truncateEnd } from '../format/text-width';
import { titleBar } from '../format/title-bar';
import { useBytesCodec } from './use-bytes-codec';

export interface BytesPanelProps {
  shown: BytesShown;
  /** How many results with bytes the last call had; the newest is shown. */
  count: number;
  decoding: Decoding;
  width: number;
  /** Lines the hex dump may take. */
  hexLines: number;
  colour: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The lines of the dump that fit, the last one saying what did not. */
function dumpLines(data: Uint8Array, width: number, room: number): string[] {
  if (room <= 0 || data.length === 0) return [];
  const lines = hexdumpLines(data, bytesPerLineFor(width), room + 1);
  if (lines.length <= room) return lines;
  if (room === 1) return lines.slice(0, 1);
  const kept = lines.slice(0, room - 1);
  const shownLines = kept.length === 1 ? 'line' : `${kept.length} lines`;
  return [...kept, `… ${plural(data.length, 'byte')} in all; the dump shows the first ${shownLines}`];
}

function firstCodePoints(text: string, count: number): string {
  let out = '';
  let n = 0;
  for (const char of text) {
    if (n++ >= count) break;
    out += char;
  }
  return out;
}

function titleOf(shown: BytesShown, count: number): string {
  const parts = [`bytes · ${safeText(shown.label)} returned ${plural(shown.data.length, 'byte')}`];
  if (shown.from) parts.push(`from ${safeText(shown.from)}`);
  if (count > 1) parts.push(`last of ${count}`);
  return parts.join(' · ');
}

/** The bytes a call returned: Python's repr, a hex dump, and a decoding; never the raw bytes. */
export function BytesPanel({ shown, count, decoding, width, hexLines, colour }: BytesPanelProps) {
  const { data } = shown;
  // Only what a line can show is turned into a repr: a byte takes at least one column.
  const repr = useMemo(() => {
    const prefix = bytesReprPrefix(data, width);
    return prefix.omitted > 0 ? `${prefix.repr.slice(0, -1)}…` : prefix.repr;
  }, [data, width]);
  const codec = useBytesCodec();
  const decoded = useMemo(() => codec?.decodeBytes(data, decoding) ?? null, [codec, data, decoding]);
  const dump = useMemo(() => dumpLines(data, width, hexLines), [data, width, hexLines]);
  const label = `${decoding} [Ctrl+T]`;
  let decodedText: string;
  if (data.length === 0) decodedText = "empty: recv() gives b'' when the other side has closed the connection";
  else if (decoded === null) decodedText = `${label}: …`;
  else if (decoded.ok) decodedText = `${label}: ${strRepr(firstCodePoints(decoded.text, width * 2))}`;
  // the decoding is named already; CPython's "'utf-8' codec" prefix would only push the reason off screen
  else decodedText = `${label}: ${decoded.message.replace(/^'[^']+' codec /, '')}`;
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text dimColor wrap="truncate">
        {titleBar(titleOf(shown, count), width)}
      </Text>
      <Text wrap="truncate">{truncateEnd(repr, width)}</Text>
      {dump.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line}
        </Text>
      ))}
      <Text wrap="truncate" color={decoded === null || decoded.ok || data.length === 0 ? undefined : colourOf('error', colour)}>
        {truncateEnd(decodedText, width)}
      </Text>
    </Box>
  );
}
