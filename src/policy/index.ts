import type { ScanResult } from '../scan.js';
import { applyBaseline, type Baseline, type BaselineEntry } from './baseline.js';
import { filterToChanged, type ChangedLines } from './changed-lines.js';
import { applyRuleOverrides, type RuleOverride } from './config.js';
import type { ScanFinding } from './model.js';
import { applySuppressions } from './suppressions.js';

export interface PolicyOptions {
  /** Every rule id that exists, including rules turned off and the suppression/* ids. */
  knownRuleIds: ReadonlySet<string>;
  /** Today, for suppression expiry. */
  now: Date;
  rules?: Record<string, RuleOverride>;
  /** Only findings on these lines are kept (--changed-since). */
  changed?: { ref: string; lines: ChangedLines };
  baseline?: { file: string; data: Baseline };
  showSuppressed?: boolean;
}

export interface PolicyOutcome {
  result: ScanResult;
  staleBaseline: BaselineEntry[];
}

/**
 * Apply the project's policy to a scan, in this order: inline suppressions (which may add findings about
 * suppression comments), rule overrides from the config (off, severity, blocker), the baseline, then the
 * changed-lines filter. Every finding of the outcome has a status. Pure: the result is a new object.
 */
export function applyPolicy(scan: ScanResult, opts: PolicyOptions): PolicyOutcome {
  const sup = applySuppressions(scan.findings, scan.directives ?? [], { knownRuleIds: opts.knownRuleIds, now: opts.now });
  let findings: ScanFinding[] = sortFindings([...sup.findings, ...sup.reported]);
  findings = applyRuleOverrides(findings, opts.rules);
  let stale: BaselineEntry[] = [];
  if (opts.baseline) {
    const b = applyBaseline(findings, opts.baseline.data);
    findings = b.findings;
    stale = b.stale;
  }
  // After the baseline, so that entries for findings on unchanged lines are not taken for stale ones.
  if (opts.changed) findings = filterToChanged(findings, opts.changed.lines);
  findings = findings.map((f) => (f.status ? f : { ...f, status: 'open' as const }));
  const result: ScanResult = {
    ...scan,
    findings,
    policy: {
      ...(opts.baseline ? { baseline: { file: opts.baseline.file, stale: stale.length } } : {}),
      ...(opts.changed ? { changedSince: opts.changed.ref } : {}),
      suppressed: findings.filter((f) => f.status === 'suppressed').length,
      showSuppressed: opts.showSuppressed ?? false,
    },
  };
  return { result, staleBaseline: stale };
}

/** By file, then position, then rule id. */
export function sortFindings<T extends ScanFinding>(findings: T[]): T[] {
  return [...findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
