// Random lines of Python-like tokens: the interpreter must answer every one with output and an
// error or a value, never throw, and keep working.
import { describe, it, expect } from 'vitest';
import { newInterpreter } from './helpers';

// A small deterministic generator (mulberry32), so a failure can be replayed.
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'x', 'y', 'data', 'print', 'len', 'str', 'bytes', 'int', 'b', 'f', 'r', '0', '1', '2.5', '0x1f', '1e3', '10',
  "'a'", '"é"', "b'\\xff'", "f'{x}'", "'", '"', '(', ')', '[', ']', '{', '}', ',', ':', ';', '.', '=', '==', '+', '-', '*',
  '**', '/', '//', '%', '<<', '|', '&', '^', '~', '<', '>', 'not', 'and', 'or', 'in', 'is', 'if', 'else', 'for',
  'lambda', 'None', 'True', 'del', 'import', 'from', 'as', 'pass', 'assert', 'while', '\\', '#', '@', '$', '!', '?',
  '\t', ' ', '  ', '😀', '“', '\u00a0', '*x', '**y', '.decode()', '.encode("gbk")', '.split()', '[1:]', '(1, 2)',
];

describe('random input', () => {
  it('never makes runLine throw', async () => {
    const next = random(20261122);
    const interpreter = newInterpreter();
    await interpreter.runLine("x = 1; y = [1, 2]; data = b'abc'");
    for (let i = 0; i < 3000; i++) {
      const count = 1 + Math.floor(next() * 12);
      let line = '';
      for (let k = 0; k < count; k++) line += PIECES[Math.floor(next() * PIECES.length)] as string;
      const result = await interpreter.runLine(line);
      if (result.error) expect(result.output.endsWith('\n'), line).toBe(true);
    }
    expect((await interpreter.runLine('1 + 1')).output).toBe('2\n');
  }, 60_000);
});
