import { describe, it, expect } from 'vitest';
import { PyModule, PyObject, defineNativeClass, newInt } from '../../src/py/index';
import { createModuleRegistry } from '../../src/py/modules/default-registry';
import { newInterpreter } from './helpers';

describe('complete', () => {
  it('offers names: globals, builtins and keywords, sorted', async () => {
    const it = newInterpreter();
    await it.runLine('sock = 1; sockets = []');
    expect(it.complete('so', 2)).toEqual({ start: 0, candidates: ['sock', 'sockets', 'sorted'] });
    expect(it.complete('x = pri', 7)).toEqual({ start: 4, candidates: ['print'] });
    expect(it.complete('imp', 3).candidates).toEqual(['import']);
    expect(it.complete('Tr', 2).candidates).toEqual(['True']);
  });

  it('offers attributes after a dot, private names last', async () => {
    const it = newInterpreter();
    await it.runLine('import time; data = b"x"');
    expect(it.complete('time.sl', 7)).toEqual({ start: 5, candidates: ['sleep'] });
    expect(it.complete('data.de', 7).candidates).toEqual(['decode']);
    const all = it.complete('time.', 5).candidates;
    expect(all[0]).toBe('monotonic');
    expect(all.indexOf('__name__')).toBeGreaterThan(all.indexOf('time_ns'));
  });

  it('completes at the cursor, not at the end of the line', async () => {
    const it = newInterpreter();
    expect(it.complete('pr(1) + len', 2)).toEqual({ start: 0, candidates: ['print'] });
  });

  it('offers nothing inside a string or for an unknown name', () => {
    const it = newInterpreter();
    expect(it.complete("x = 'pri", 8).candidates).toEqual([]);
    expect(it.complete('nosuch.a', 8).candidates).toEqual([]);
  });

  it('never runs anything: properties are not read and modules not built', async () => {
    let reads = 0;
    let builds = 0;
    const thing = defineNativeClass({
      name: 'Thing',
      module: 'demo',
      doc: 'A thing.',
      properties: [{ name: 'value', doc: 'A value.', get: () => (reads++, newInt(1)) }],
    });
    const registry = createModuleRegistry().register('demo', () => {
      builds++;
      return new PyModule('demo');
    });
    const it = newInterpreter(registry);
    it.globals.set('t', new PyObject(thing));
    expect(it.complete('t.value.re', 10).candidates).toEqual([]);
    expect(it.complete('t.va', 4).candidates).toEqual(['value']);
    expect(it.complete('demo.', 5).candidates).toEqual([]);
    expect(reads).toBe(0);
    expect(builds).toBe(0);
  });
});
