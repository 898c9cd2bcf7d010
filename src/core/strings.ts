/**
 * A copy of `s` that does not keep a larger string alive. In V8 a substring (slice, substring, a regular expression's
 * match) of 13 characters or more is a view of its parent string, so a piece of a file's text keeps the whole text in
 * memory as long as it is referenced. Caches that outlive a file, keyed by text from it, keep copies instead.
 * (Concatenating forces a new string; slicing that copy gives the characters back, with only the copy as parent.)
 */
export function detached(s: string): string {
  return ` ${s}`.slice(1);
}
