// argv -> what socklab should do. Pure: no I/O, so every command line can be tested directly.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorMessage } from '../sys/error-text';

export interface LessonSource {
  /** Extra lesson directories given with --lessons, in order. */
  dirs: string[];
  /** --no-builtin: use only the directories above. */
  builtin: boolean;
}

export type Command =
  | { kind: 'menu'; lessons: LessonSource; record: string | null }
  | { kind: 'lesson'; lesson: string; plain: boolean; noState: boolean; lessons: LessonSource; record: string | null }
  | { kind: 'sandbox'; plain: boolean; noState: boolean; record: string | null }
  | { kind: 'list'; lessons: LessonSource }
  | { kind: 'validate'; paths: string[]; lessons: LessonSource }
  | {
      kind: 'replay';
      target: string;
      plain: boolean;
      live: boolean;
      step: number;
      speed: number;
      pauseEachStep: boolean;
      noState: boolean;
      lessons: LessonSource;
      record: string | null;
    }
  | { kind: 'export'; target: string; output: string | null; lessons: LessonSource }
  | { kind: 'help'; topic: string | null }
  | { kind: 'version' };

export type ParseResult = { ok: true; command: Command } | { ok: false; message: string };

const SUBCOMMANDS = ['sandbox', 'list', 'validate', 'replay', 'export', 'help'] as const;

type Options = NonNullable<ParseArgsConfig['options']>;

const common: Options = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  lessons: { type: 'string', multiple: true },
  'no-builtin': { type: 'boolean' },
};
const session: Options = {
  plain: { type: 'boolean' },
  'no-state': { type: 'boolean' },
  record: { type: 'string' },
};

const optionsFor: Record<string, Options> = {
  menu: { ...common, record: { type: 'string' } },
  lesson: { ...common, ...session },
  sandbox: { ...common, ...session },
  list: common,
  validate: common,
  replay: {
    ...common,
    ...session,
    live: { type: 'boolean' },
    step: { type: 'string' },
    speed: { type: 'string' },
    'pause-each-step': { type: 'boolean' },
  },
  export: { ...common, output: { type: 'string', short: 'o' } },
  help: common,
};

const everyOption: Options = Object.assign({}, ...Object.values(optionsFor));

/** The first positional argument, not counting an option's value (`--lessons DIR` is not a lesson). */
function firstPositional(argv: readonly string[]): string | undefined {
  const { tokens } = parseArgs({ args: [...argv], options: everyOption, allowPositionals: true, strict: false, tokens: true });
  const first = tokens.find((t) => t.kind === 'positional');
  return first?.kind === 'positional' ? first.value : undefined;
}

export function parseCommandLine(argv: readonly string[]): ParseResult {
  const first = firstPositional(argv);
  const sub = first !== undefined && (SUBCOMMANDS as readonly string[]).includes(first) ? first : null;
  const kind = sub ?? (first === undefined ? 'menu' : 'lesson');
  const options = optionsFor[kind] ?? common;

  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (err) {
    return { ok: false, message: explainParseError(err, kind) };
  }
  const v = parsed.values;
  const positionals = sub ? parsed.positionals.slice(1) : parsed.positionals;

  if (v['version']) return { ok: true, command: { kind: 'version' } };
  if (v['help'] || kind === 'help') {
    const topic = kind === 'help' ? (positionals[0] ?? null) : kind === 'menu' || kind === 'lesson' ? null : kind;
    return { ok: true, command: { kind: 'help', topic } };
  }

  const lessons: LessonSource = {
    dirs: (v['lessons'] as string[] | undefined) ?? [],
    builtin: !v['no-builtin'],
  };
  if (!lessons.builtin && lessons.dirs.length === 0) {
    return { ok: false, message: '--no-builtin needs at least one --lessons DIR (otherwise there would be no lessons)' };
  }
  const record = (v['record'] as string | undefined) ?? null;
  const plain = Boolean(v['plain']);
  const noState = Boolean(v['no-state']);
  const extra = (max: number): string | null =>
    positionals.length > max ? `unexpected argument '${positionals[max]}' (see socklab --help)` : null;

  switch (kind) {
    case 'menu':
      return { ok: true, command: { kind: 'menu', lessons, record } };
    case 'lesson': {
      const tooMany = extra(1);
      if (tooMany) return { ok: false, message: tooMany };
      return { ok: true, command: { kind: 'lesson', lesson: positionals[0]!, plain, noState, lessons, record } };
    }
    case 'sandbox': {
      const tooMany = extra(0);
      if (tooMany) return { ok: false, message: tooMany };
      return { ok: true, command: { kind: 'sandbox', plain, noState, record } };
    }
    case 'list': {
      const tooMany = extra(0);
      if (tooMany) return { ok: false, message: tooMany };
      return { ok: true, command: { kind: 'list', lessons } };
    }
    case 'validate':
      return { ok: true, command: { kind: 'validate', paths: positionals, lessons } };
    case 'replay':
      return parseReplay(positionals, v, lessons, record, plain, noState);
    case 'export': {
      if (positionals.length === 0) return { ok: false, message: 'export needs a lesson (id or number) or a transcript FILE' };
      const tooMany = extra(1);
      if (tooMany) return { ok: false, message: tooMany };
      const output = (v['output'] as string | undefined) ?? null;
      return { ok: true, command: { kind: 'export', target: positionals[0]!, output, lessons } };
    }
    default:
      return { ok: false, message: `unknown command '${kind}'` };
  }
}

function parseReplay(
  positionals: string[],
  v: Record<string, unknown>,
  lessons: LessonSource,
  record: string | null,
  plain: boolean,
  noState: boolean,
): ParseResult {
  if (positionals.length === 0) return { ok: false, message: 'replay needs a lesson (id or number) or a transcript FILE' };
  if (positionals.length > 1) return { ok: false, message: `unexpected argument '${positionals[1]}' (see socklab replay --help)` };
  const step = v['step'] === undefined ? 1 : Number(v['step']);
  if (!Number.isInteger(step) || step < 1) return { ok: false, message: `--step must be a step number (1, 2, ...), not '${String(v['step'])}'` };
  const speed = v['speed'] === undefined ? 1 : Number(v['speed']);
  if (!Number.isFinite(speed) || speed < 0.1 || speed > 20) {
    return { ok: false, message: `--speed must be a number from 0.1 to 20 (1 is the normal pace), not '${String(v['speed'])}'` };
  }
  return {
    ok: true,
    command: {
      kind: 'replay',
      target: positionals[0]!,
      plain,
      live: Boolean(v['live']),
      step,
      speed,
      pauseEachStep: Boolean(v['pause-each-step']),
      noState,
      lessons,
      record,
    },
  };
}

function explainParseError(err: unknown, kind: string): string {
  const text = errorMessage(err);
  const unknown = /Unknown option '([^']+)'/.exec(text);
  const where = kind === 'menu' || kind === 'lesson' ? 'socklab --help' : `socklab ${kind} --help`;
  if (unknown) return `unknown option '${unknown[1]}' (see ${where})`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(text);
  if (missing) return `option '${missing[1]}' needs a value (see ${where})`;
  return `${text.replace(/\.$/, '')} (see ${where})`;
}
