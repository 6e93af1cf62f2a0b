// The command line: parse argv, then load only what the chosen mode needs (start-up time is part of
// the product: a class waits for it on a projector).
import { parseCommandLine, type Command } from './args';
import { usage } from './usage';
import { checkPlatform, UnsupportedPlatformError } from '../sys/platform';
import { version } from './version';

export interface Io {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    io.stderr.write(`socklab: ${parsed.message}\n`);
    return 2;
  }
  const command = parsed.command;
  if (command.kind === 'help') {
    io.stdout.write(`${usage(command.topic)}\n`);
    return 0;
  }
  if (command.kind === 'version') {
    io.stdout.write(`socklab ${version}\n`);
    return 0;
  }
  try {
    checkPlatform();
  } catch (e) {
    if (e instanceof UnsupportedPlatformError) {
      io.stderr.write(`socklab: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  return run(command, io);
}

async function run(command: Exclude<Command, { kind: 'help' | 'version' }>, io: Io): Promise<number> {
  switch (command.kind) {
    case 'sandbox':
      if (command.plain) return (await import('./sandbox-plain')).sandboxPlain(command, io);
      return (await import('./screen')).openScreen({ kind: 'sandbox', record: command.record }, io);
    case 'menu': {
      // The menu draws first and reads the lessons right after: parsing them is the slowest part of starting.
      const loadLessons = async () => (await import('./lesson-source')).loadLessons(command.lessons);
      return (await import('./screen')).openScreen({ kind: 'menu', loadLessons, record: command.record }, io);
    }
    case 'lesson':
    case 'replay':
      return (await import('./lesson-modes')).runLessonMode(command, io);
    case 'list':
      return (await import('./list-lessons')).listLessons(command.lessons, io);
    case 'validate':
      return (await import('./validate-lessons')).validateLessons(command.paths, command.lessons, io);
    case 'export':
      return (await import('./export-command')).exportCommand(command, io);
    default:
      io.stderr.write(`socklab: '${(command as { kind: string }).kind}' is not available in this build\n`);
      return 2;
  }
}
