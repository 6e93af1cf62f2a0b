// How many lines each pane gets for a terminal of a given height. Every pane has a minimum; spare lines
// go out in rounds so that at 24 rows each pane still says something useful, and a big terminal shows
// more of whatever has more to show.

export interface LayoutInput {
  rows: number;
  /** Lesson prose lines once wrapped (0 without a lesson). */
  proseLines: number;
  hasLesson: boolean;
  hasSuggestion: boolean;
  socketRows: number;
  /** Hex dump lines the current bytes need; 0 and `hasBytes` false when there are none. */
  hexLines: number;
  hasBytes: boolean;
  /** Lines under the console for the prompt, or the blocked banner, and listed candidates. */
  promptLines: number;
}

export interface ScreenLayout {
  lesson: number;
  proseLines: number;
  /** Table lines including its title and column header. */
  table: number;
  tableRows: number;
  /** Bytes panel lines including its title, the repr and the decoding line; 0 when hidden. */
  bytes: number;
  hexLines: number;
  /** Console lines including its title. */
  console: number;
  consoleLines: number;
  prompt: number;
  status: number;
}

const TABLE_CHROME = 2; // title line and column header
const BYTES_CHROME = 3; // title, repr, decoding
const CONSOLE_CHROME = 1; // title

export function screenLayout(input: LayoutInput): ScreenLayout {
  const total = Math.max(0, Math.floor(input.rows));
  const status = total >= 8 ? 1 : 0;
  const prompt = Math.max(1, input.promptLines);
  const lessonChrome = input.hasLesson ? 1 + (input.hasSuggestion ? 1 : 0) : 0;
  const size = {
    prose: 0,
    tableRows: 1,
    hexLines: input.hasBytes ? 1 : 0,
    consoleLines: 2,
  };
  const used = () =>
    status +
    prompt +
    lessonChrome +
    size.prose +
    TABLE_CHROME +
    size.tableRows +
    (input.hasBytes ? BYTES_CHROME + size.hexLines : 0) +
    CONSOLE_CHROME +
    size.consoleLines;

  const grow = (key: keyof typeof size, upTo: number) => {
    const spare = total - used();
    if (spare > 0 && size[key] < upTo) size[key] = Math.min(upTo, size[key] + spare);
  };
  grow('prose', Math.min(2, input.proseLines));
  grow('tableRows', Math.min(4, input.socketRows));
  grow('hexLines', Math.min(2, input.hexLines));
  grow('consoleLines', 6);
  grow('tableRows', Math.min(12, input.socketRows));
  grow('prose', Math.min(4, input.proseLines));
  grow('hexLines', Math.min(8, input.hexLines));
  grow('consoleLines', 12);
  grow('tableRows', input.socketRows);
  grow('hexLines', input.hexLines);
  grow('consoleLines', Number.MAX_SAFE_INTEGER);

  // Too short for every minimum: the console, the bytes and the table give up lines, in that order.
  const shrink = (key: keyof typeof size, downTo: number) => {
    const over = used() - total;
    if (over > 0) size[key] = Math.max(downTo, size[key] - over);
  };
  shrink('consoleLines', 0);
  shrink('hexLines', 0);
  shrink('tableRows', 0);

  return {
    lesson: lessonChrome + size.prose,
    proseLines: size.prose,
    table: TABLE_CHROME + size.tableRows,
    tableRows: size.tableRows,
    bytes: input.hasBytes ? BYTES_CHROME + size.hexLines : 0,
    hexLines: size.hexLines,
    console: CONSOLE_CHROME + size.consoleLines,
    consoleLines: size.consoleLines,
    prompt,
    status,
  };
}
