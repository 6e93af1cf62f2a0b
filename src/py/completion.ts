// Tab completion: names (globals, builtins, the subset's keywords) and attributes after a dot.
// Completion never has side effects: a dotted chain is resolved through namespaces and plain
// attributes only, never through a property or a call.
import type { PyObject } from './objects/object';
import { PyType } from './objects/object';
import { PyModule } from './objects/module';
import { PyProperty } from './objects/function';
import { dirOf } from './ops/attr';
import { isUnavailable } from './builtins/introspection';
import type { Interpreter } from './interpreter';

export interface Completion {
  /** Where the replaced word starts in the line. */
  start: number;
  candidates: string[];
}

const KEYWORDS = ['False', 'None', 'True', 'and', 'as', 'assert', 'del', 'else', 'for', 'from', 'if', 'import', 'in', 'is', 'not', 'or', 'pass'];

function byPrivacyThenName(a: string, b: string): number {
  const pa = a.startsWith('_') ? 1 : 0;
  const pb = b.startsWith('_') ? 1 : 0;
  if (pa !== pb) return pa - pb;
  return a < b ? -1 : a > b ? 1 : 0;
}

// One step of a chain without running anything: module and instance namespaces, class attributes.
function plainAttribute(obj: PyObject, name: string): PyObject | undefined {
  if (obj instanceof PyModule) return obj.dict.get(name);
  const own = obj.dict?.get(name);
  if (own !== undefined) return own;
  const found = obj instanceof PyType ? obj.lookup(name) : obj.type.lookup(name);
  return found instanceof PyProperty ? undefined : found;
}

function insideString(text: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote !== null) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '#') return true;
    else if (c === '"' || c === "'") quote = c;
  }
  return quote !== null;
}

export function completeLine(interpreter: Interpreter, line: string, cursor: number): Completion {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const none: Completion = { start: before.length, candidates: [] };
  if (insideString(before)) return none;
  const match = /((?:[\p{L}_][\p{L}\p{N}_]*\s*\.\s*)*)([\p{L}_][\p{L}\p{N}_]*)?$/u.exec(before);
  if (!match) return none;
  const chain = (match[1] ?? '').split('.').map((s) => s.trim()).filter((s) => s !== '');
  const partial = match[2] ?? '';
  const start = before.length - partial.length;
  let names: string[];
  if (chain.length === 0) {
    const builtins = [...interpreter.builtins].filter(([, value]) => !isUnavailable(value)).map(([name]) => name);
    names = [...interpreter.globals.keys(), ...builtins, ...KEYWORDS];
  } else {
    let target: PyObject | undefined = interpreter.globals.get(chain[0] as string) ?? interpreter.builtins.get(chain[0] as string);
    for (const name of chain.slice(1)) {
      if (target === undefined) break;
      target = plainAttribute(target, name);
    }
    if (target === undefined) return { start, candidates: [] };
    names = dirOf(target);
  }
  // The console's own dunder names are offered only when asked for with '_'.
  const wanted = (n: string): boolean => n.startsWith(partial) && (chain.length > 0 || partial.startsWith('_') || !n.startsWith('__'));
  const candidates = [...new Set(names.filter(wanted))];
  return { start, candidates: candidates.sort(byPrivacyThenName) };
}
