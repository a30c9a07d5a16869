/**
 * The value of a string of ASCII decimal digits, or -1 when it is empty or holds anything else
 * (sign, space, `_`, `0x`): Go's `strconv.ParseUint(s, 10, …)` syntax. One pass over the char
 * codes, no regular expression (the args parsers call it for every number they read). Strings
 * longer than 15 digits may lose precision, but every caller bounds the value far below 2^53, so
 * such a string is out of range either way.
 */
export function digits(s: string): number {
  return digitsIn(s, 0, s.length);
}

/** `digits` of `s` from `start` to `end` (exclusive), without taking the substring. */
export function digitsIn(s: string, start: number, end: number): number {
  if (end <= start) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
