// `socklab export <lesson|FILE> [-o OUT.py]`: a lesson (played once, live, to learn what each line
// prints) or a transcript, written as a runnable Python 3 program.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findLesson } from '../lesson';
import type { ExportPlan } from '../export/export-plan';
import { lessonPlan, transcriptPlan } from '../export/export-plan';
import { pythonProgram } from '../export/python-program';
import { readTranscriptFile } from '../session/transcript/reader';
import { writeErrorReason } from '../session/transcript/recorder';
import type { Command } from './args';
import { loadLessons } from './lesson-source';
import type { Io } from './main';
import { lessonOfTranscript } from './transcript-lesson';
import { version } from './version';
import { errorMessage } from '../sys/error-text';

type ExportCommand = Extract<Command, { kind: 'export' }>;

async function planFor(command: ExportCommand, io: Io): Promise<ExportPlan | number> {
  const { curriculum } = await loadLessons(command.lessons);
  const lesson = findLesson(curriculum, command.target);
  if (lesson !== null) {
    const { playLesson } = await import('../export/play-lesson');
    try {
      return lessonPlan(lesson, await playLesson(lesson));
    } catch (e) {
      io.stderr.write(
        `socklab: could not play the lesson to see what each line prints (${errorMessage(e)}); the program shows the value of every expression\n`,
      );
      return lessonPlan(lesson, null);
    }
  }
  if (!existsSync(command.target)) {
    io.stderr.write(`socklab: no lesson or transcript file '${command.target}' (see socklab list)\n`);
    return 2;
  }
  const read = await readTranscriptFile(command.target);
  if (!read.ok) {
    for (const e of read.errors) io.stderr.write(`${e}\n`);
    return 1;
  }
  for (const w of read.warnings) io.stderr.write(`${w.replace(/^([^:]+:\d+): /, '$1: warning: ')}\n`);
  const found = await lessonOfTranscript(read.transcript, command.lessons);
  if (!found.ok) {
    io.stderr.write(`${found.message}\n`);
    return 2;
  }
  return transcriptPlan(read.transcript, found.lesson);
}

export async function exportCommand(command: ExportCommand, io: Io): Promise<number> {
  const plan = await planFor(command, io);
  if (typeof plan === 'number') return plan;
  const fileName = command.output === null ? `${plan.lesson?.id ?? 'session'}.py` : basename(command.output);
  const program = pythonProgram(plan, { version, fileName });
  if (command.output === null) {
    io.stdout.write(program);
    return 0;
  }
  try {
    writeFileSync(command.output, program, 'utf8');
    // It starts with #!/usr/bin/env python3: it may be run directly.
    chmodSync(command.output, 0o755);
  } catch (e) {
    io.stderr.write(`socklab: cannot write ${command.output}: ${writeErrorReason(command.output, e)}\n`);
    return 1;
  }
  return 0;
}
