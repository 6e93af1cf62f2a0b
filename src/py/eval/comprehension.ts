// List, set and dict comprehensions and generator expressions. Each runs in its own scope (its loop
// variables do not leak, as in Python 3); the first iterable is evaluated in the enclosing scope at
// once, and a generator expression computes its values lazily, one per next().
import type { Comprehension, Expr } from '../syntax/ast';
import type { PyObject } from '../objects/object';
import { PyList } from '../objects/list';
import { PyDict, PySet } from '../objects/dict';
import { PyIteratorObject, generatorType } from '../objects/iterator';
import { MAX_ITEMS } from '../objects/limits';
import { getIterator } from '../ops/iter';
import { isTruthy } from '../ops/basic';
import { STEPS_BETWEEN_PAUSES, pause } from '../ops/interrupt';
import { memoryError } from '../exceptions/raise';
import type { Frame, LocalScope } from './frame';
import { evalExpr } from './expressions';
import { assignTo } from './assign';

type ComprehensionExpr = Extract<Expr, { kind: 'ListComp' | 'SetComp' | 'DictComp' | 'GeneratorExp' }>;

// Yields the comprehension's scope once per combination of loop values that passes every `if`.
async function* combinations(
  generators: readonly Comprehension[],
  firstIterable: PyObject,
  f: Frame,
  local: LocalScope,
): AsyncGenerator<LocalScope> {
  let steps = 0;
  async function* level(index: number, iterable: PyObject): AsyncGenerator<LocalScope> {
    const gen = generators[index] as Comprehension;
    const it = getIterator(iterable);
    for (;;) {
      let value = it.next();
      if (value instanceof Promise) value = await value;
      if (value === undefined) return;
      if (++steps % STEPS_BETWEEN_PAUSES === 0) await pause();
      await assignTo(gen.target, value, f, local);
      let passes = true;
      for (const cond of gen.ifs) {
        if (!isTruthy(await evalExpr(cond, f, local))) {
          passes = false;
          break;
        }
      }
      if (!passes) continue;
      if (index + 1 < generators.length) {
        yield* level(index + 1, await evalExpr((generators[index + 1] as Comprehension).iter, f, local));
      } else {
        yield local;
      }
    }
  }
  yield* level(0, firstIterable);
}

export async function evalComprehension(e: ComprehensionExpr, f: Frame, scope: LocalScope | null): Promise<PyObject> {
  const first = e.generators[0] as Comprehension;
  const firstIterable = await evalExpr(first.iter, f, scope);
  getIterator(firstIterable);
  const local: LocalScope = { vars: new Map(), parent: scope };
  const all = combinations(e.generators, firstIterable, f, local);
  switch (e.kind) {
    case 'ListComp': {
      const items: PyObject[] = [];
      for await (const s of all) {
        items.push(await evalExpr(e.elt, f, s));
        if (items.length > MAX_ITEMS) throw memoryError();
      }
      return new PyList(items);
    }
    case 'SetComp': {
      const set = new PySet();
      for await (const s of all) {
        set.add(await evalExpr(e.elt, f, s));
        if (set.size > MAX_ITEMS) throw memoryError();
      }
      return set;
    }
    case 'DictComp': {
      const dict = new PyDict();
      for await (const s of all) {
        const key = await evalExpr(e.key, f, s);
        dict.set(key, await evalExpr(e.value, f, s));
        if (dict.size > MAX_ITEMS) throw memoryError();
      }
      return dict;
    }
    case 'GeneratorExp': {
      let finished = false;
      return new PyIteratorObject(generatorType, {
        next: async () => {
          if (finished) return undefined;
          const step = await all.next();
          if (step.done) {
            finished = true;
            return undefined;
          }
          return evalExpr(e.elt, f, step.value);
        },
      });
    }
  }
}
