// dict.update's rules, shared by dict(), dict.update() and `d |= other`: a mapping, or an iterable
// of pairs.
import type { PyObject } from '../objects/object';
import { PyDict } from '../objects/dict';
import { collect, isIterable } from './iter';
import { typeError, valueError } from '../exceptions/raise';

export async function updateDict(dict: PyDict, source: PyObject): Promise<void> {
  if (source instanceof PyDict) {
    for (const { key, value } of [...source.entries.values()]) dict.set(key, value);
    return;
  }
  const items = await collect(source);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as PyObject;
    if (!isIterable(item)) throw typeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
    const pair = await collect(item);
    if (pair.length !== 2) {
      throw valueError(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
    }
    dict.set(pair[0] as PyObject, pair[1] as PyObject);
  }
}
