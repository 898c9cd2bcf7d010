import type { ScanFinding } from './model.js';
import { isPolicyRule } from './meta.js';

/**
 * The baseline file: findings accepted as they are, keyed by fingerprint. A fingerprint is rule + file +
 * normalized evidence + occurrence, so an entry survives line shifts and never matches a same-looking
 * finding in another file. Entries are sorted so the file diffs well in review. Findings about suppression
 * comments (suppression/*) are never baselined: they are fixed by editing the comment.
 */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  /** Where the finding was when the baseline was written (informative; matching ignores it). */
  line: number;
  message: string;
}

export interface Baseline {
  version: 1;
  tool: 'azl-migrate';
  target: string;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

export function createBaseline(findings: ScanFinding[], target: string): Baseline {
  const entries = findings
    .filter((f) => f.status !== 'suppressed' && !isPolicyRule(f.ruleId))
    .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file, line: f.line, message: f.message }));
  entries.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint));
  const seen = new Set<string>();
  return { version: 1, tool: 'azl-migrate', target, findings: entries.filter((e) => !seen.has(e.fingerprint) && seen.add(e.fingerprint)) };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function renderBaseline(b: Baseline): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** Parse and check a baseline file's text; `name` is used in error messages. */
export function parseBaseline(text: string, name: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${name} is not valid JSON: ${(e as Error).message}`);
  }
  const o = data as Partial<Baseline> | null;
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new BaselineError(`${name} is not an azl-migrate baseline (expected a JSON object)`);
  if (o.version !== 1 || o.tool !== 'azl-migrate') throw new BaselineError(`${name} is not an azl-migrate baseline of version 1`);
  if (!Array.isArray(o.findings)) throw new BaselineError(`${name}: "findings" must be an array`);
  o.findings.forEach((e, i) => {
    if (!e || typeof e.fingerprint !== 'string' || typeof e.ruleId !== 'string' || typeof e.file !== 'string') {
      throw new BaselineError(`${name}: findings[${i}] needs string fields fingerprint, ruleId and file`);
    }
  });
  return o as Baseline;
}

export interface BaselineOutcome {
  findings: ScanFinding[];
  /** Entries no current finding matched: fixed since, or moved to another file (rewrite with --update-baseline). */
  stale: BaselineEntry[];
}

/** Mark open findings whose fingerprint, rule and file are in the baseline as `baselined`. Pure. */
export function applyBaseline(findings: ScanFinding[], baseline: Baseline): BaselineOutcome {
  const byFp = new Map(baseline.findings.map((e) => [e.fingerprint, e]));
  const used = new Set<string>();
  const out = findings.map((f) => {
    if ((f.status && f.status !== 'open') || isPolicyRule(f.ruleId)) return f;
    const e = byFp.get(f.fingerprint);
    if (!e || e.ruleId !== f.ruleId || e.file !== f.file) return f;
    used.add(e.fingerprint);
    return { ...f, status: 'baselined' as const };
  });
  return { findings: out, stale: baseline.findings.filter((e) => !used.has(e.fingerprint)) };
}
