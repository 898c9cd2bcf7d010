import { SEVERITY_RANK, type Severity } from '../core/types.js';
import type { FindingStatus } from './model.js';

export interface GateOptions {
  /** Fail on open findings at or above this severity ('none': never on severity). */
  failOn: Severity | 'none';
  /** Also fail on any open blocker, whatever its severity. */
  failOnBlocker?: boolean;
}

/** Whether the run fails: only open findings count; baselined and suppressed ones never do. Pure. */
export function gateFails(findings: { severity: Severity; blocker: boolean; status?: FindingStatus }[], opts: GateOptions): boolean {
  return findings.some((f) => {
    if (f.status && f.status !== 'open') return false;
    if (opts.failOnBlocker && f.blocker) return true;
    return opts.failOn !== 'none' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[opts.failOn];
  });
}
