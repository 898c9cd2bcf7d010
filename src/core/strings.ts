/**
 * A copy of `s` that does not keep a larger string alive. In V8 a substring (slice, substring, a regular expression's
 * match) of 13 characters or more is a view of its parent string, so a piece of a file's text keeps the whole text in
 * memory as long as it is referenced. Caches that outlive a file, keyed by text from it, keep copies instead.
 * (Concatenating forces a new string; slicing that copy gives the characters back, with only the copy as parent.)
 */
export function detached(s: string): string {
  return ` ${s}`.slice(1);
}

/**
 * `compute`, remembered by its argument: for pure functions of short texts that files repeat (a `when:` condition, a
 * package name, a case pattern). The results are shared by every caller: read them, never modify them. Bounded: at
 * most `max` texts of up to `maxLength` characters are kept (longer ones are computed every time), and the whole
 * memo is cleared when full. A kept text is a copy (detached), and `compute` is given that copy, so neither the key
 * nor a result that holds pieces of its argument keeps the file the text came from alive.
 */
export function memoByText<V>(compute: (text: string) => V, max = 4096, maxLength = 256): (text: string) => V {
  const kept = new Map<string, V>();
  return (text) => {
    if (text.length > maxLength) return compute(text);
    const hit = kept.get(text);
    if (hit !== undefined || kept.has(text)) return hit as V;
    const own = detached(text);
    const v = compute(own);
    if (kept.size >= max) kept.clear();
    kept.set(own, v);
    return v;
  };
}
