import type { Fix, TextEdit } from './types.js';

export interface ApplyResult {
  text: string;
  applied: Fix[];
  /** Fixes that overlapped an applied one (they may apply in the next pass). */
  deferred: Fix[];
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return a.span.start < b.span.end && b.span.start < a.span.end || (a.span.start === b.span.start && a.span.end === a.span.start && b.span.end === b.span.start);
}

/**
 * Apply fixes to a text in one pass. Each fix is atomic: all its edits or none. A fix whose edits overlap
 * each other is invalid and skipped; a fix overlapping an already accepted one is deferred. Edits are in the
 * original text's offsets; every byte outside them is kept.
 */
export function applyFixes(text: string, fixes: Fix[]): ApplyResult {
  const accepted: Fix[] = [];
  const deferred: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
    const selfOverlap = edits.some((e, i) => i > 0 && e.span.start < edits[i - 1]!.span.end);
    const bad = edits.some((e) => e.span.start < 0 || e.span.end > text.length || e.span.end < e.span.start);
    if (selfOverlap || bad) continue;
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) {
      deferred.push(fix);
      continue;
    }
    accepted.push(fix);
    taken.push(...edits);
  }
  taken.sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let pos = 0;
  for (const e of taken) {
    out += text.slice(pos, e.span.start) + e.text;
    pos = e.span.end;
  }
  out += text.slice(pos);
  return { text: out, applied: accepted, deferred };
}
