// Size caps for values the learner creates: past them an operation raises MemoryError instead of
// exhausting the process (CPython would try to allocate and fail the same way, only later).

/** Characters in one str, bytes in one bytes object. */
export const MAX_TEXT_LENGTH = 64 * 1024 * 1024;
/** Items in one list, tuple, dict or set. */
export const MAX_ITEMS = 4 * 1024 * 1024;
/** Bits in one int: far past the 4300-digit limit CPython puts on converting ints to text. */
export const MAX_INT_BITS = 1024 * 1024;
/** CPython's default sys.get_int_max_str_digits(). */
export const MAX_INT_STR_DIGITS = 4300;
/** Nesting depth of repr() and equality before RecursionError. */
export const MAX_NESTING = 900;
