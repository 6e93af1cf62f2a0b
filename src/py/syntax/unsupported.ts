// socklab's own note for Python constructs outside its subset: one sentence naming the feature,
// what socklab runs, and what to do instead. Reported with kind 'socklab', not as a Python error.
import { PySyntaxError } from './tokens';

const RUNS = 'socklab runs one statement per line, each on a real socket';

const INSTEAD: Record<string, [string, 'is' | 'are', string]> = {
  while: ['`while` loops', 'are', "type the loop's calls one at a time (↑ recalls a line)"],
  for: ['`for` loops', 'are', 'type the calls of each pass one at a time (↑ recalls a line), or use a list comprehension'],
  if: ['`if` statements', 'are', 'look at the value and type the call you want next (a conditional expression, `a if cond else b`, works)'],
  elif: ['`elif` clauses', 'are', 'look at the value and type the call you want next'],
  else: ['`else` clauses', 'are', 'look at the value and type the call you want next'],
  def: ['Function definitions (`def`)', 'are', "type the function's calls directly"],
  class: ['Class definitions', 'are', 'use the objects socklab provides, such as socket.socket(...)'],
  with: ['`with` blocks', 'are', 'create the object with an assignment (`s = socket.socket()`) and call `s.close()` when done'],
  try: ['`try` blocks', 'are', 'run the call and read the exception it raises, exactly as Python prints it'],
  except: ['`except` clauses', 'are', 'run the call and read the exception it raises, exactly as Python prints it'],
  finally: ['`finally` clauses', 'are', 'type the clean-up call (such as `s.close()`) yourself'],
  lambda: ['`lambda` functions', 'are', 'call the function you need directly'],
  return: ['`return`', 'is', 'type the expression to see its value'],
  yield: ['`yield`', 'is', 'type the expression to see its value'],
  global: ['`global` declarations', 'are', 'assign the name directly: every name you create is already global'],
  nonlocal: ['`nonlocal` declarations', 'are', 'assign the name directly: every name you create is already global'],
  raise: ['`raise`', 'is', 'let the calls raise their own errors, which socklab shows as Python would'],
  break: ['`break`', 'is', "type the loop's calls one at a time and simply stop when you are done"],
  continue: ['`continue`', 'is', "type the loop's calls one at a time and skip the ones you don't need"],
  async: ['`async` code', 'is', 'call the blocking function directly: socklab lets it wait and shows what it waits for'],
  await: ['`await`', 'is', 'call the blocking function directly: socklab lets it wait and shows what it waits for'],
  '@': ['Decorators', 'are', "type the function's calls directly"],
  ':=': ['Assignment expressions (`:=`)', 'are', 'assign with `=` in a statement of its own first'],
  match: ['`match` statements', 'are', 'look at the value and type the call you want next'],
  complex: ['Complex numbers', 'are', 'use int or float values'],
  open: ['Files (`open()`)', 'are', 'look at the received bytes in the console instead of saving them'],
  eval: ['`eval()`', 'is', 'type the code itself'],
  exec: ['`exec()`', 'is', 'type the code itself'],
  compile: ['`compile()`', 'is', 'type the code itself'],
  globals: ['`globals()`', 'is', 'use dir() to list your names'],
  locals: ['`locals()`', 'is', 'use dir() to list your names'],
  vars: ['`vars()`', 'is', 'use dir() to list names and attributes'],
  input: ['`input()`', 'is', "type the value itself (for example msg = 'hello')"],
  'named-escape': ['`\\N{...}` escapes', 'are', "write the character itself or its \\u escape (such as '\\u00e9')"],
};

/** The note for a construct ('while', 'lambda', ':=' ...). */
export function unsupportedNote(feature: string): string {
  const [what, verb, instead] = INSTEAD[feature] ?? [`\`${feature}\``, 'is', 'type one simple statement per line'];
  return `${what} ${verb} not part of socklab's Python: ${RUNS}, so ${instead}.`;
}

/** The note for a built-in CPython has and socklab does not run (super, memoryview ...). */
export function unsupportedBuiltinNote(name: string): string {
  return `\`${name}\` is not part of socklab's Python: ${RUNS}, so use the types and functions that help() lists.`;
}

export function unsupported(feature: string, column: number): PySyntaxError {
  return new PySyntaxError(unsupportedNote(feature), column, 'socklab');
}

/** Keywords that start a statement socklab does not run. */
export const UNSUPPORTED_STATEMENT_KEYWORDS = new Set([
  'while', 'for', 'if', 'elif', 'else', 'def', 'class', 'with', 'try', 'except', 'finally', 'return',
  'yield', 'global', 'nonlocal', 'raise', 'break', 'continue', 'async', 'await', 'lambda',
]);
