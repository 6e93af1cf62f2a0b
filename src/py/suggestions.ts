// "Did you mean" for NameError and AttributeError, as CPython 3.11's console computes it
// (Python/suggestions.c): a Levenshtein distance over UTF-8 bytes where a case change costs 1 and
// any other edit 2, at most a third of the characters changed, first best candidate wins.

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

const encoder = new TextEncoder();

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const lower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

function levenshtein(aIn: Uint8Array, bIn: Uint8Array, maxCost: number): number {
  let a = aIn;
  let b = bIn;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  a = a.subarray(start);
  b = b.subarray(start);
  let endA = a.length;
  let endB = b.length;
  while (endA > 0 && endB > 0 && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  a = a.subarray(0, endA);
  b = b.subarray(0, endB);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  for (let i = 0, tmp = MOVE_COST; i < a.length; i++, tmp += MOVE_COST) buffer[i] = tmp;
  let result = 0;
  for (let bIndex = 0; bIndex < b.length; bIndex++) {
    const code = b[bIndex] as number;
    let distance = (result = bIndex * MOVE_COST);
    let minimum = Infinity;
    for (let index = 0; index < a.length; index++) {
      const substitute = distance + substitutionCost(code, a[index] as number);
      distance = buffer[index] as number;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[index] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** calculate_suggestions: the closest candidate to `name`, or null. */
export function closestName(candidates: readonly string[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameBytes = encoder.encode(name);
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const item of candidates) {
    if (item === name) continue;
    const itemBytes = encoder.encode(item);
    let maxDistance = Math.floor(((nameBytes.length + itemBytes.length + 3) * MOVE_COST) / 6);
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const distance = levenshtein(nameBytes, itemBytes, maxDistance);
    if (distance > maxDistance) continue;
    if (best === null || distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

/** For NameError: the globals are searched first, then the builtins (each in its own order). */
export function suggestName(name: string, globals: readonly string[], builtins: readonly string[]): string | null {
  return closestName(globals, name) ?? closestName(builtins, name);
}
