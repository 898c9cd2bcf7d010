import type { ScanResult } from '../scan.js';

/**
 * The JSON report. Its shape is documented in the README ("JSON output") and stable: fields may be added,
 * never renamed or removed, within `version: 1`.
 */
export function renderJson(result: ScanResult): string {
  const out = {
    version: result.version,
    tool: result.tool,
    target: result.target,
    files: result.files,
    summary: summarize(result),
    findings: result.findings.map((f) => ({
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
      ...(f.fix ? { fix: f.fix } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions } : {}),
    })),
    notes: result.notes,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

export interface Summary {
  findings: number;
  errors: number;
  warnings: number;
  info: number;
  blockers: number;
  fixable: number;
  filesScanned: number;
  filesSkipped: number;
}

export function summarize(result: ScanResult): Summary {
  const f = result.findings;
  return {
    findings: f.length,
    errors: f.filter((x) => x.severity === 'error').length,
    warnings: f.filter((x) => x.severity === 'warning').length,
    info: f.filter((x) => x.severity === 'info').length,
    blockers: f.filter((x) => x.blocker).length,
    fixable: f.filter((x) => x.fix).length,
    filesScanned: result.files.scanned.length,
    filesSkipped: result.files.skipped.length,
  };
}
