import type { ScanResult } from '../scan.js';
import type { ScanFinding } from '../policy/model.js';

/**
 * The JSON report. Its shape is documented in the README ("JSON output") and stable: fields may be added,
 * never renamed or removed, within `version: 1`. Added since the first release: `status` and `suppression`
 * on findings, `summary.baselined`/`suppressed`, and `policy`. Suppressed findings are listed only when the
 * run asked for them (--show-suppressed); `summary` counts the open findings (those that gate the run).
 */
export function renderJson(result: ScanResult): string {
  const out = {
    version: result.version,
    tool: result.tool,
    target: result.target,
    files: result.files,
    summary: summarize(result),
    findings: visibleFindings(result).map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      blocker: f.blocker,
      category: f.category,
      file: f.file,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      span: f.span,
      message: f.message,
      why: f.why,
      action: f.action,
      evidence: f.evidence,
      docsUrl: f.docsUrl,
      fingerprint: f.fingerprint,
      fixable: f.fix !== undefined,
      status: f.status ?? 'open',
      ...(f.suppression ? { suppression: f.suppression } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions } : {}),
    })),
    notes: result.notes,
    ...(result.policy ? { policy: result.policy } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** The findings a report lists: all but the suppressed ones, unless the run asked to show those. */
export function visibleFindings(result: ScanResult): ScanFinding[] {
  return result.policy?.showSuppressed ? result.findings : result.findings.filter((f) => f.status !== 'suppressed');
}

export interface Summary {
  /** Open findings (neither baselined nor suppressed). */
  findings: number;
  errors: number;
  warnings: number;
  info: number;
  blockers: number;
  fixable: number;
  /** Accepted in the baseline file. */
  baselined: number;
  /** Silenced by an inline suppression. */
  suppressed: number;
  filesScanned: number;
  filesSkipped: number;
}

export function summarize(result: ScanResult): Summary {
  // One pass: eight filters over tens of thousands of findings showed in the report's time after the scan.
  const s: Summary = { findings: 0, errors: 0, warnings: 0, info: 0, blockers: 0, fixable: 0, baselined: 0, suppressed: 0, filesScanned: result.files.scanned.length, filesSkipped: result.files.skipped.length };
  for (const x of result.findings) {
    const status = x.status ?? 'open';
    if (status === 'baselined') s.baselined++;
    else if (status === 'suppressed') s.suppressed++;
    if (status !== 'open') continue;
    s.findings++;
    if (x.severity === 'error') s.errors++;
    else if (x.severity === 'warning') s.warnings++;
    else if (x.severity === 'info') s.info++;
    if (x.blocker) s.blockers++;
    if (x.fix) s.fixable++;
  }
  return s;
}
