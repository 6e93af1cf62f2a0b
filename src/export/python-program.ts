// An export plan written as a Python 3 program: a header saying what it is and how to run it, the
// machinery that lets it run alone (clearly marked), then the lesson itself, statement by statement as
// the learner types them, with the lesson's prose as comments.
import { portNames, type Lesson, type Step } from '../lesson/model';
import type { ExportPlan, PlanItem } from './export-plan';
import { lessonSpec, peerActionWords } from './lesson-spec';
import { pyComment, pyLiteral } from './python-literals';
import { pythonStatement } from './python-statement';
import { pythonRuntime } from './runtime';

const RULE = '# ' + '='.repeat(98);

export interface ProgramOptions {
  /** The socklab version, for the header. */
  version: string;
  /** The file name the program is written to (for "Run it with"), or null for standard output. */
  fileName: string | null;
}

function names(lesson: Lesson): string[] {
  const lines = ["HOST = '127.0.0.1'"];
  if (lesson.settings.ipv6) lines.push("HOST6 = '::1'");
  for (const name of portNames(lesson.settings)) lines.push(`${name} = lesson.port('${name}')`);
  if (lesson.settings.unix) lines.push('UNIX_PATH = lesson.unix_path()');
  return lines;
}

function stepLines(number: number, step: Step | null, count: number): string[] {
  if (step === null) return [`lesson.step(${number})`];
  const text = [`---- Step ${number} of ${count}: ${step.title} `.padEnd(96, '-')];
  if (step.prose.trim() !== '') text.push('', step.prose.trim());
  const notes: string[] = [];
  for (const hint of step.hints) notes.push(`Hint: ${hint.text}`);
  for (const hint of step.errorHints) notes.push(`If it raises ${hint.match}: ${hint.text}`);
  notes.push(`Done when: ${step.check.source}`);
  for (const block of step.peerActions) notes.push(peerActionWords(block));
  // The lesson's prose keeps its own lines; the notes are one long line each, wrapped with a hanging indent.
  const wrapped = notes.map((n) => wrap(n, 96).replace(/\n/g, '\n  '));
  return ['', ...pyComment([wrap(text.join('\n'), 100), '', ...wrapped].join('\n')), `lesson.step(${number})`];
}

function itemLines(item: PlanItem, lesson: Lesson | null): string[] {
  switch (item.kind) {
    case 'statement':
      return pythonStatement(item.source, item.known, { mayRaise: item.mayRaise });
    case 'step':
      return stepLines(item.number, item.step, lesson?.steps.length ?? 0);
    case 'finish':
      return ['', ...pyComment('Every step is done.'), 'lesson.finish()'];
    case 'restart':
      return [
        '',
        ...pyComment(wrap(`${item.command}: socklab closed every socket, started the peers again on new ports, and re-ran the steps before this one.`, 96)),
        'lesson.restart()',
        ...(lesson ? names(lesson).filter((l) => !l.startsWith('HOST')) : []),
      ];
    case 'comment':
      return ['', ...pyComment(wrap(item.text, 100))];
  }
}

function header(plan: ExportPlan, options: ProgramOptions, lessonLine: number): string[] {
  const lesson = plan.lesson;
  const run = options.fileName ?? 'program.py';
  const text = [
    lesson ? `${lesson.title} (socklab lesson ${lesson.id})` : 'A socklab session',
    ...(lesson ? [lesson.summary] : []),
    '',
    `Exported by socklab ${options.version} from ${plan.origin}.`,
    `Run it with Python 3: python3 ${run}`,
    lesson === null
      ? 'It needs what the session talked to: the same programs on the same ports.'
      : lesson.peers.length === 0
        ? 'It runs alone, on free ports chosen when it starts.'
        : `It runs alone: the other side of each conversation (the lesson's peers: ${lesson.peers.map((p) => p.name).join(', ')}) runs inside it, in threads, on free ports chosen when it starts. Add --peers to see what they do.`,
    "Each line prints what socklab's console printed for it: show(x) prints a value as Python's interactive prompt does, and a line after 'with console:' prints the exception it raises and goes on.",
    '',
    `The ${lesson ? 'lesson' : 'session'} starts at line ${lessonLine} ("${markOf(lesson).slice(2)}"). Above it is the machinery that lets it run alone.`,
  ];
  return ['#!/usr/bin/env python3', ...pyComment(wrap(text.join('\n'), 98))];
}

/** The line where the learner's part begins. */
function markOf(lesson: Lesson | null): string {
  return lesson ? '# THE LESSON' : '# THE SESSION';
}

/** Long lines of prose cut at spaces, for comments that read well in an editor. */
function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      out.push(rest);
      return out.join('\n');
    })
    .join('\n');
}

export function pythonProgram(plan: ExportPlan, options: ProgramOptions): string {
  const lesson = plan.lesson;
  const machinery = [
    RULE,
    lesson
      ? "# MACHINERY: plays the lesson's peers and prints as the interactive prompt does. Not the lesson."
      : '# MACHINERY: prints as the interactive prompt does, and closes every socket at the end.',
    RULE,
    '',
    pythonRuntime(lesson !== null),
    ...(lesson ? ['', `LESSON = ${pyLiteral(lessonSpec(lesson))}`] : []),
    '',
    '',
    RULE,
    markOf(lesson),
    RULE,
  ];
  const body = [
    ...(lesson ? ['lesson = Lesson(LESSON)', ...names(lesson)] : ['session = Session()']),
    ...plan.items.flatMap((item) => itemLines(item, lesson)),
    '',
    lesson ? 'lesson.end()' : 'session.end()',
  ];
  const draft = (lessonLine: number) => [...header(plan, options, lessonLine), '', ...machinery, ...body].join('\n') + '\n';
  // The header names the line where the lesson starts; its own length does not depend on that number.
  return draft(draft(0).split('\n').indexOf(markOf(lesson)) + 1);
}
