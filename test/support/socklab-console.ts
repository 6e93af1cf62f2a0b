// Runs a script of statements through socklab's Interpreter and returns what it printed, in the
// same `>>> line` + output format as test/support/cpython-console.py (the plain-mode transcript).
import { Interpreter } from '../../src/py/interpreter';
import { createModuleRegistry } from '../../src/py/modules/default-registry';

export async function runSocklab(lines: readonly string[], interpreter = new Interpreter({ modules: createModuleRegistry() })): Promise<string> {
  let out = '';
  for (const line of lines) {
    out += `>>> ${line}\n`;
    const result = await interpreter.runLine(line);
    out += result.output;
  }
  return out;
}
