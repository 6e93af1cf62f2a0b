// `socklab <lesson-id>` opens one lesson. Parsing and checking every lesson first (to find it) held
// the screen back by about as long as the screen takes to start; a plain `id:` line in each file's
// front matter says which files can be the one, so only those are parsed. The rest are read once the
// screen is drawn.
import { lessonFiles, parseLessonBytes, readLessonFile } from './load';
import { splitFrontMatter, splitLines } from './lesson-text';
import type { Lesson } from './model';

// `id: hello-server`, quoted or not, with or without a comment: what the YAML parser would read alike.
const PLAIN_ID_LINE = /^id[ \t]*:[ \t]+(['"]?)([a-z0-9]+(?:-[a-z0-9]+)*)\1[ \t]*(?:#.*)?$/;
const ANY_ID_KEY = /^['"]?id['"]?[ \t]*:/;

/**
 * The id a lesson file's front matter gives on a plain `id: name` line; null when telling it takes
 * the YAML parser (no such line, another way of writing it, the key twice) or there is no front matter.
 */
export function plainFrontMatterId(text: string): string | null {
  const split = splitFrontMatter(splitLines(text));
  if (!split.ok) return null;
  const idLines = split.yaml.split('\n').filter((line) => ANY_ID_KEY.test(line));
  if (idLines.length !== 1) return null;
  return PLAIN_ID_LINE.exec(idLines[0]!)?.[2] ?? null;
}

/**
 * The lesson with this id that loading the whole curriculum would give: the first file, in the same
 * order, that loads without errors and has the id. Files whose plain `id:` line names another lesson
 * are not parsed. Null when no file has it. Never throws.
 */
export async function loadLessonById(paths: readonly string[], id: string): Promise<Lesson | null> {
  for (const file of await lessonFiles(paths, [])) {
    const read = await readLessonFile(file);
    if (!('bytes' in read)) continue;
    const named = plainFrontMatterId(new TextDecoder().decode(read.bytes));
    if (named !== null && named !== id) continue;
    const { lesson } = parseLessonBytes(read.bytes, file);
    if (lesson?.id === id) return lesson;
  }
  return null;
}
