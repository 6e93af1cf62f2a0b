// The prompt's own commands (`:help`, `:next` ...), told apart from Python statements. A line that
// starts with ':' is never valid Python, so it can only be meant as a command.

export const COMMANDS = ['help', 'next', 'back', 'hint', 'solution', 'reset', 'lessons', 'quit'] as const;
export type CommandName = (typeof COMMANDS)[number];

export const COMMAND_HELP: Record<CommandName, string> = {
  help: 'show every key and command, and what the colours mean',
  next: 'go to the next step (or the next lesson when this one is done)',
  back: 'go back one step (the steps before it run again, on fresh sockets)',
  hint: 'show the next hint for this step',
  solution: "put this step's next call on the prompt (Enter runs it)",
  reset: 'close every socket and start over (the lesson from step 1)',
  lessons: 'back to the lesson menu; :lessons 3 opens lesson 3',
  quit: 'leave socklab (Ctrl+D does the same)',
};

export interface Command {
  name: CommandName;
  args: string[];
}

export type Submission =
  | { kind: 'empty' }
  | { kind: 'command'; command: Command }
  | { kind: 'invalid-command'; message: string }
  | { kind: 'statement'; source: string };

export const COMMAND_LIST = COMMANDS.map((name) => `:${name}`).join(' ');

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function closestCommand(word: string): CommandName | null {
  let best: CommandName | null = null;
  let bestDistance = Infinity;
  for (const name of COMMANDS) {
    const distance = name.startsWith(word) && word.length > 0 ? 0.5 : editDistance(word, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= 2 ? best : null;
}

function isCommandName(word: string): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word);
}

/** Every command takes no arguments, except `:lessons`, which may name the lesson to open. */
const maxArgs: Record<CommandName, number> = {
  help: 0,
  next: 0,
  back: 0,
  hint: 0,
  solution: 0,
  reset: 0,
  lessons: 1,
  quit: 0,
};

/** Parses a line that starts with ':'; anything else is not a command. */
export function parseCommand(line: string): { ok: true; command: Command } | { ok: false; message: string } {
  const text = line.trim();
  if (!text.startsWith(':')) return { ok: false, message: `not a command: ${text}` };
  const [head = '', ...args] = text.slice(1).trim().split(/\s+/).filter(Boolean);
  const word = head.toLowerCase();
  if (!word) return { ok: false, message: `a command needs a name after ':'. Commands: ${COMMAND_LIST}` };
  if (!isCommandName(word)) {
    const suggestion = closestCommand(word);
    const hint = suggestion ? ` Did you mean :${suggestion}?` : '';
    return { ok: false, message: `unknown command :${head}.${hint} Commands: ${COMMAND_LIST}` };
  }
  const allowed = maxArgs[word];
  if (args.length > allowed) {
    const what = allowed === 0 ? 'takes no arguments' : `takes at most ${allowed} argument`;
    return { ok: false, message: `:${word} ${what} (got: ${args.join(' ')})` };
  }
  return { ok: true, command: { name: word, args } };
}

/** What a submitted prompt line is: nothing, a command, a broken command, or Python for the session. */
export function classifySubmission(line: string): Submission {
  if (line.trim() === '') return { kind: 'empty' };
  if (line.trimStart().startsWith(':')) {
    const parsed = parseCommand(line);
    return parsed.ok ? { kind: 'command', command: parsed.command } : { kind: 'invalid-command', message: parsed.message };
  }
  return { kind: 'statement', source: line };
}
