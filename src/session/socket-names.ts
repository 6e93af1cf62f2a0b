// The learner's name for each socket: the variable that holds it ('s', 'conn'), or the place inside a
// list, tuple or dict ('clients[0]', '_[0]' for an accept() result that was only echoed).
import { PyDict, PyList, PyTuple, repr, type PyObject } from '../py';

/** How deep into containers to look: `pairs[1][0]` is found, deeper nesting is not worth naming. */
const MAX_DEPTH = 2;
/** Containers this large are not searched element by element (a list of 10 000 sockets names the first). */
const MAX_ITEMS = 2000;

/**
 * Serial number -> name, for every socket reachable from the learner's names. A plain name wins over
 * a place in a container, an earlier name over a later one, and `_` (the console's last value) comes
 * last of all.
 */
export function socketNames(
  globals: ReadonlyMap<string, PyObject>,
  serialOf: (obj: PyObject) => number | undefined,
): Map<number, string> {
  const names = new Map<number, string>();
  const containers: [string, PyObject, number][] = [];
  const visit = (name: string, value: PyObject, depth: number): void => {
    const serial = serialOf(value);
    if (serial !== undefined) {
      if (!names.has(serial)) names.set(serial, name);
      return;
    }
    if (depth < MAX_DEPTH) containers.push([name, value, depth]);
  };

  const ordered = [...globals].filter(([n]) => !(n.startsWith('__') && n.endsWith('__')));
  ordered.sort(([a], [b]) => Number(a === '_') - Number(b === '_'));
  for (const [name, value] of ordered) visit(name, value, 0);

  // Breadth first, so `clients[0]` is preferred to `pairs[3][0]`.
  for (let i = 0; i < containers.length; i++) {
    const [name, value, depth] = containers[i]!;
    if (value instanceof PyList || value instanceof PyTuple) {
      const items = value.items;
      for (let j = 0; j < Math.min(items.length, MAX_ITEMS); j++) visit(`${name}[${j}]`, items[j]!, depth + 1);
    } else if (value instanceof PyDict) {
      let n = 0;
      for (const { key, value: item } of value.entries.values()) {
        if (n++ >= MAX_ITEMS) break;
        visit(`${name}[${repr(key)}]`, item, depth + 1);
      }
    }
  }
  return names;
}
