const NONE: readonly RegExpExecArray[] = Object.freeze([]);

/**
 * The matches of a global RegExp in `s`, like `[...s.matchAll(re)]` but without its cost: `matchAll` clones the
 * RegExp on every call, which dominated the rules' time when run over every word of every command. `re` must be
 * global (a RegExp without the flag gives its first match only); its lastIndex is reset before and after. Returns a
 * shared empty array when nothing matches.
 */
export function execAll(re: RegExp, s: string): readonly RegExpExecArray[] {
  if (!re.global) {
    const m = re.exec(s);
    return m ? [m] : NONE;
  }
  re.lastIndex = 0;
  let m = re.exec(s);
  if (!m) return NONE;
  const out: RegExpExecArray[] = [];
  do {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
    m = re.exec(s);
  } while (m);
  re.lastIndex = 0;
  return out;
}
