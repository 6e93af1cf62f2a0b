import { describe, expect, it } from 'vitest';
import { classifySubmission, COMMANDS, parseCommand } from '../../src/ui/commands/parse-command';

describe('parseCommand', () => {
  it.each(COMMANDS.map((name) => [name]))('knows :%s', (name) => {
    expect(parseCommand(`:${name}`)).toEqual({ ok: true, command: { name, args: [] } });
  });

  it('tolerates spaces and capitals', () => {
    expect(parseCommand('  :Help  ')).toEqual({ ok: true, command: { name: 'help', args: [] } });
    expect(parseCommand(': next')).toEqual({ ok: true, command: { name: 'next', args: [] } });
  });

  it('lets :lessons name a lesson and refuses arguments elsewhere', () => {
    expect(parseCommand(':lessons tcp-server')).toEqual({ ok: true, command: { name: 'lessons', args: ['tcp-server'] } });
    expect(parseCommand(':next 3')).toEqual({ ok: false, message: ':next takes no arguments (got: 3)' });
    expect(parseCommand(':lessons a b')).toEqual({ ok: false, message: ':lessons takes at most 1 argument (got: a b)' });
  });

  it('answers an unknown command with a suggestion and the list of commands', () => {
    const answer = parseCommand(':hlep');
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.message).toBe(
      'unknown command :hlep. Did you mean :help? Commands: :help :next :back :hint :solution :reset :lessons :quit',
    );
    const far = parseCommand(':xyzzy');
    expect(!far.ok && far.message).toBe('unknown command :xyzzy. Commands: :help :next :back :hint :solution :reset :lessons :quit');
  });

  it('suggests the command a prefix starts', () => {
    const answer = parseCommand(':sol');
    expect(!answer.ok && answer.message).toContain('Did you mean :solution?');
  });

  it('explains a bare colon', () => {
    const answer = parseCommand(':');
    expect(!answer.ok && answer.message).toMatch(/^a command needs a name after ':'\. Commands: :help/);
  });
});

describe('classifySubmission', () => {
  it('tells empty lines, commands, broken commands and Python apart', () => {
    expect(classifySubmission('   ')).toEqual({ kind: 'empty' });
    expect(classifySubmission(':quit')).toEqual({ kind: 'command', command: { name: 'quit', args: [] } });
    expect(classifySubmission(':nope').kind).toBe('invalid-command');
    expect(classifySubmission("s.bind(('127.0.0.1', 9999))")).toEqual({ kind: 'statement', source: "s.bind(('127.0.0.1', 9999))" });
    expect(classifySubmission("d = {'a': 1}")).toEqual({ kind: 'statement', source: "d = {'a': 1}" });
  });
});
