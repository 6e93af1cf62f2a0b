// Hostile or huge input gets a clean error: never a crash, a hang or an exhausted stack.
import { describe, it, expect } from 'vitest';
import { newInterpreter } from './helpers';

describe('hostile input', () => {
  const it_ = newInterpreter();
  const run = (line: string) => it_.runLine(line);

  it.each([
    ['a 1 MB line', `x = '${'a'.repeat(1024 * 1024)}'; len(x)`, '1048576\n'],
    ['10 000 nested parentheses', `${'('.repeat(10000)}1${')'.repeat(10000)}`, 'SyntaxError: too many nested parentheses\n'],
    ['a 100 000-deep unary chain', `${'-'.repeat(100000)}1`, 'MemoryError\n'],
    ['a 100 000-term sum', `1${'+1'.repeat(100000)}`, 'RecursionError: maximum recursion depth exceeded during compilation\n'],
    ['a 50 000-deep call chain', `len${'()'.repeat(50000)}`, 'RecursionError: maximum recursion depth exceeded during compilation\n'],
    ["b'x' * 10**12", "b'x' * 10**12", 'MemoryError\n'],
    ["'x' * 10**20", "'x' * 10**20", "OverflowError: cannot fit 'int' into an index-sized integer\n"],
    ['[0] * 10**9', '[0] * 10**9', 'MemoryError\n'],
    ['10**10**10', '10**10**10', 'MemoryError\n'],
    ['1 << 10**10', '1 << 10**10', 'MemoryError\n'],
    ['list(range(10**9))', 'list(range(10**9))', 'MemoryError\n'],
    ['an int too long to print', '10**5000', 'ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit\n'],
    ['bytes(10**10)', 'bytes(10**10)', 'MemoryError\n'],
    ['a huge format width', "format(1, '9999999999999999999')", 'ValueError: Too many decimal digits in format string\n'],
    ["'x'.center(10**12)", "'x'.center(10**12)", 'MemoryError\n'],
  ])('%s', async (_name, line, output) => {
    expect((await run(line)).output).toBe(output);
  });

  it('prints a huge repr in full', async () => {
    expect((await run("len(repr(b'\\xff' * 10**6))")).output).toBe('4000003\n');
  });

  it('keeps working after all of that', async () => {
    expect((await run('1 + 1')).output).toBe('2\n');
  });
});
