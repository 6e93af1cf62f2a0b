// Substring search in byte strings.

/** Index of needle in haystack[start:end], or -1. */
export function bytesFind(haystack: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  const n = needle.length;
  if (n === 0) return start <= end ? start : -1;
  const first = needle[0] as number;
  const last = end - n;
  for (let i = start; i <= last; i++) {
    if (haystack[i] !== first) continue;
    let j = 1;
    while (j < n && haystack[i + j] === needle[j]) j++;
    if (j === n) return i;
  }
  return -1;
}

/** Index of the last needle in haystack[start:end], or -1. */
export function bytesRfind(haystack: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  const n = needle.length;
  if (n === 0) return start <= end ? end : -1;
  for (let i = end - n; i >= start; i--) {
    let j = 0;
    while (j < n && haystack[i + j] === needle[j]) j++;
    if (j === n) return i;
  }
  return -1;
}

/** Non-overlapping occurrences of needle in haystack[start:end]. */
export function bytesCount(haystack: Uint8Array, needle: Uint8Array, start: number, end: number): number {
  if (end < start) return 0;
  if (needle.length === 0) return end - start + 1;
  let count = 0;
  let i = start;
  for (;;) {
    const at = bytesFind(haystack, needle, i, end);
    if (at < 0) return count;
    count++;
    i = at + needle.length;
  }
}
