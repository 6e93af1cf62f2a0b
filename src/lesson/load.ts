// Lesson files -> Lessons, and lesson directories -> the Curriculum, with every problem found.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DiagnosticSink, hasErrors, shown, sortDiagnostics, type Diagnostic } from './diagnostics';
import { parseFrontMatter } from './front-matter';
import { decodeLessonBytes, splitFrontMatter, splitLines } from './lesson-text';
import { parseBody } from './lesson-body';
import { scanMarkdown } from './markdown-blocks';
import type { Curriculum, Lesson } from './model';
import { errorMessage } from '../sys/error-text';

export interface LessonFileResult {
  file: string;
  /** The lesson, when the file has no errors (warnings allowed). */
  lesson: Lesson | null;
  diagnostics: Diagnostic[];
}

export interface CurriculumResult {
  /** Every lesson without errors, sorted; a lesson whose id repeats an earlier file's is left out. */
  curriculum: Curriculum;
  /** The problems of every file, sorted by file and line. */
  diagnostics: Diagnostic[];
  files: LessonFileResult[];
}

/** Lesson files are short texts; anything this big is not one. */
export const MAX_LESSON_BYTES = 1 << 20;

/** Parses a lesson from its text. Pure: `file` only names it in the lesson and in messages. */
export function parseLessonText(text: string, file: string): LessonFileResult {
  const sink = new DiagnosticSink(file);
  const lines = splitLines(text);
  const split = splitFrontMatter(lines);
  if (!split.ok) {
    sink.error(split.line, split.message);
    return { file, lesson: null, diagnostics: sink.items };
  }
  const front = parseFrontMatter(split.yaml, split.yamlLine, sink);
  const blocks = scanMarkdown(split.body, split.bodyLine);
  const body = parseBody(blocks, split.bodyLine, { sink, settings: front.settings, peers: front.peers });
  const diagnostics = sortDiagnostics(sink.items);
  if (hasErrors(diagnostics) || front.id === null || front.title === null || front.summary === null) {
    return { file, lesson: null, diagnostics };
  }
  const lesson: Lesson = {
    id: front.id,
    title: front.title,
    summary: front.summary,
    order: front.order,
    level: front.level,
    tags: front.tags,
    file,
    line: front.idLine,
    intro: body.intro,
    setup: body.setup,
    steps: body.steps,
    peers: front.peers,
    settings: front.settings,
  };
  return { file, lesson, diagnostics };
}

function tooLarge(file: string): LessonFileResult {
  const message = `the file is larger than ${MAX_LESSON_BYTES} bytes: not a lesson`;
  return { file, lesson: null, diagnostics: [{ file, line: 0, severity: 'error', message }] };
}

/** Parses a lesson from the file's bytes: they must be UTF-8. */
export function parseLessonBytes(bytes: Uint8Array, file: string): LessonFileResult {
  if (bytes.length > MAX_LESSON_BYTES) return tooLarge(file);
  const decoded = decodeLessonBytes(bytes);
  if (!decoded.ok) {
    const byte = decoded.byte.toString(16).padStart(2, '0');
    return {
      file,
      lesson: null,
      diagnostics: [
        { file, line: decoded.line, severity: 'error', message: `the file is not UTF-8 (byte 0x${byte} at offset ${decoded.offset}): save it as UTF-8` },
      ],
    };
  }
  if (decoded.text.includes('\u0000')) {
    const line = splitLines(decoded.text).findIndex((l) => l.includes('\u0000')) + 1;
    return { file, lesson: null, diagnostics: [{ file, line, severity: 'error', message: 'the file contains a NUL byte: not a text file' }] };
  }
  return parseLessonText(decoded.text, file);
}

function fileProblem(file: string, err: unknown): Diagnostic {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const message =
    code === 'ENOENT'
      ? 'no such file or directory'
      : code === 'EISDIR'
        ? 'is a directory, not a lesson file'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot be read (${errorMessage(err)})`;
  return { file, line: 0, severity: 'error', message };
}

/** A lesson file's bytes, or why it is not one. Never throws, never waits on a FIFO or device. */
export async function readLessonFile(file: string): Promise<{ bytes: Uint8Array } | LessonFileResult> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { file, lesson: null, diagnostics: [fileProblem(file, { code: 'EISDIR' })] };
    // A FIFO or device would make the read wait forever.
    if (!info.isFile()) return { file, lesson: null, diagnostics: [{ file, line: 0, severity: 'error', message: 'is not a regular file' }] };
    if (info.size > MAX_LESSON_BYTES) return tooLarge(file);
    return { bytes: await readFile(file) };
  } catch (err) {
    return { file, lesson: null, diagnostics: [fileProblem(file, err)] };
  }
}

/** Reads and checks one lesson file. Never throws: unreadable files are reported too. */
export async function validateLessonFile(file: string): Promise<LessonFileResult> {
  const read = await readLessonFile(file);
  return 'bytes' in read ? parseLessonBytes(read.bytes, file) : read;
}

/** The lesson files of a directory: its *.md files except README.md, by name. */
export async function lessonFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md' && !name.startsWith('.'))
    .sort()
    .map((name) => path.join(dir, name));
}

function compareLessons(a: Lesson, b: Lesson): number {
  const orderA = a.order ?? Number.POSITIVE_INFINITY;
  const orderB = b.order ?? Number.POSITIVE_INFINITY;
  if (orderA !== orderB) return orderA < orderB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The lesson files of the given directories (and files given directly), each once, in the order the
 * curriculum reads them; a path that cannot be read is reported in `diagnostics`.
 */
export async function lessonFiles(paths: readonly string[], diagnostics: Diagnostic[]): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    let candidates: string[];
    try {
      candidates = (await stat(given)).isDirectory() ? await lessonFilesIn(given) : [given];
    } catch (err) {
      diagnostics.push(fileProblem(given, err));
      continue;
    }
    for (const file of candidates) {
      const key = path.resolve(file);
      if (!seen.has(key)) {
        seen.add(key);
        files.push(file);
      }
    }
  }
  return files;
}

/**
 * Loads every lesson of the given directories (and lesson files given directly), checking each file
 * and that ids are unique across all of them. Never throws.
 */
export async function loadCurriculum(paths: readonly string[]): Promise<CurriculumResult> {
  const diagnostics: Diagnostic[] = [];
  const files = await lessonFiles(paths, diagnostics);

  const results: LessonFileResult[] = [];
  for (const file of files) results.push(await validateLessonFile(file));

  const lessons: Lesson[] = [];
  const byId = new Map<string, Lesson>();
  for (const result of results) {
    diagnostics.push(...result.diagnostics);
    const lesson = result.lesson;
    if (!lesson) continue;
    const first = byId.get(lesson.id);
    if (first) {
      diagnostics.push({
        file: result.file,
        line: lesson.line,
        severity: 'error',
        message: `duplicate lesson id ${shown(lesson.id)}: ${first.file}:${first.line} has it too`,
      });
      continue;
    }
    byId.set(lesson.id, lesson);
    lessons.push(lesson);
  }
  lessons.sort(compareLessons);
  return { curriculum: { lessons }, diagnostics: sortDiagnostics(diagnostics), files: results };
}
