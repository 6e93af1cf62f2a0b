// help(obj) shows each native function's and method's doc string: every one must have one.
import { describe, it, expect } from 'vitest';
import { PyType } from '../../src/py/objects/object';
import { PyClassMethodDescriptor, PyMethodDescriptor, PyNativeFunction, PyProperty } from '../../src/py/objects/function';
import { PyModule } from '../../src/py/objects/module';
import { newInterpreter } from './helpers';

function undocumented(name: string, obj: unknown, seen = new Set<unknown>()): string[] {
  if (seen.has(obj)) return [];
  seen.add(obj);
  if (obj instanceof PyNativeFunction) return obj.doc.trim() === '' ? [name] : [];
  if (obj instanceof PyType) {
    const missing = obj.doc.trim() === '' ? [name] : [];
    for (const [attr, value] of obj.attrs) {
      if (value instanceof PyMethodDescriptor || value instanceof PyClassMethodDescriptor || value instanceof PyProperty) {
        if (value.doc.trim() === '') missing.push(`${name}.${attr}`);
      }
    }
    return missing;
  }
  return [];
}

describe('doc strings', () => {
  it('exist for every built-in function, type and method', () => {
    const it = newInterpreter();
    const missing = [...it.builtins].flatMap(([name, value]) => undocumented(name, value));
    expect(missing).toEqual([]);
  });

  it('exist for the time module', async () => {
    const it = newInterpreter();
    const module = await it.modules.load('time');
    expect(module).toBeInstanceOf(PyModule);
    expect([...module.dict].flatMap(([name, value]) => undocumented(`time.${name}`, value))).toEqual([]);
  });
});
