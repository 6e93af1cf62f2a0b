import { describe, it, expect } from 'vitest';
import { parseCommandLine, type Command } from '../../src/cli/args';

function ok(argv: string[]): Command {
  const r = parseCommandLine(argv);
  if (!r.ok) throw new Error(`expected success, got: ${r.message}`);
  return r.command;
}
function fail(argv: string[]): string {
  const r = parseCommandLine(argv);
  if (r.ok) throw new Error(`expected an error for ${argv.join(' ')}`);
  return r.message;
}

describe('parseCommandLine', () => {
  it('opens the menu with no argument', () => {
    expect(ok([])).toEqual({ kind: 'menu', lessons: { dirs: [], builtin: true }, record: null });
  });

  it('starts a lesson by id or number', () => {
    expect(ok(['tcp-server'])).toMatchObject({ kind: 'lesson', lesson: 'tcp-server', plain: false });
    expect(ok(['3', '--plain', '--no-state'])).toMatchObject({ kind: 'lesson', lesson: '3', plain: true, noState: true });
  });

  it('parses sandbox options', () => {
    expect(ok(['sandbox', '--plain', '--record', 'out.jsonl'])).toEqual({
      kind: 'sandbox',
      plain: true,
      noState: false,
      record: 'out.jsonl',
    });
  });

  it('collects --lessons directories and --no-builtin', () => {
    expect(ok(['list', '--lessons', 'a', '--lessons', 'b', '--no-builtin'])).toEqual({
      kind: 'list',
      lessons: { dirs: ['a', 'b'], builtin: false },
    });
    expect(fail(['list', '--no-builtin'])).toMatch(/needs at least one --lessons DIR/);
  });

  it('does not take the value of --lessons for a lesson or a command', () => {
    expect(ok(['--lessons', 'dir', '--no-builtin'])).toEqual({ kind: 'menu', lessons: { dirs: ['dir'], builtin: false }, record: null });
    expect(ok(['--lessons', 'sandbox', '2'])).toMatchObject({ kind: 'lesson', lesson: '2', lessons: { dirs: ['sandbox'] } });
  });

  it('validates any number of paths', () => {
    expect(ok(['validate', 'x.md', 'dir'])).toMatchObject({ kind: 'validate', paths: ['x.md', 'dir'] });
    expect(ok(['validate'])).toMatchObject({ kind: 'validate', paths: [] });
  });

  it('parses replay with its pacing options', () => {
    expect(ok(['replay', 'udp', '--step', '3', '--speed', '2.5', '--pause-each-step'])).toMatchObject({
      kind: 'replay',
      target: 'udp',
      step: 3,
      speed: 2.5,
      pauseEachStep: true,
      live: false,
    });
    expect(ok(['replay', 'run.jsonl', '--live', '--plain'])).toMatchObject({ live: true, plain: true });
  });

  it('rejects bad replay values with the reason', () => {
    expect(fail(['replay'])).toMatch(/needs a lesson/);
    expect(fail(['replay', 'x', '--step', '0'])).toMatch(/--step must be a step number/);
    expect(fail(['replay', 'x', '--step', 'two'])).toMatch(/not 'two'/);
    expect(fail(['replay', 'x', '--speed', '100'])).toMatch(/--speed must be a number from 0.1 to 20/);
    expect(fail(['replay', 'x', '--speed'])).toMatch(/'--speed' needs a value/);
  });

  it('parses export with -o', () => {
    expect(ok(['export', 'udp', '-o', 'udp.py'])).toMatchObject({ kind: 'export', target: 'udp', output: 'udp.py' });
    expect(ok(['export', 'udp'])).toMatchObject({ output: null });
    expect(fail(['export'])).toMatch(/export needs/);
  });

  it('names an unknown option and where to look', () => {
    expect(fail(['sandbox', '--colour'])).toBe("unknown option '--colour' (see socklab sandbox --help)");
    expect(fail(['--frobnicate'])).toBe("unknown option '--frobnicate' (see socklab --help)");
    expect(fail(['list', '--plain'])).toMatch(/unknown option '--plain'/);
  });

  it('rejects stray arguments', () => {
    expect(fail(['sandbox', 'extra'])).toMatch(/unexpected argument 'extra'/);
    expect(fail(['one', 'two'])).toMatch(/unexpected argument 'two'/);
  });

  it('answers help and version', () => {
    expect(ok(['--help'])).toEqual({ kind: 'help', topic: null });
    expect(ok(['replay', '--help'])).toEqual({ kind: 'help', topic: 'replay' });
    expect(ok(['help', 'export'])).toEqual({ kind: 'help', topic: 'export' });
    expect(ok(['-V'])).toEqual({ kind: 'version' });
  });
});
