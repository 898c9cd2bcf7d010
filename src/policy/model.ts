import type { Finding } from '../core/types.js';
import type { Span } from '../core/source.js';

/**
 * What the policy made of a finding. `open` findings gate the run; `baselined` ones were accepted in the
 * baseline file and stay visible as accepted; `suppressed` ones carry an inline suppression with its reason.
 */
export type FindingStatus = 'open' | 'baselined' | 'suppressed';

/** A 1-based line/column region (columns in UTF-16 code units, end column exclusive). */
export interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SuppressionInfo {
  /** `line`: the comment names the next statement or its own line; `file`: the whole file. */
  scope: 'line' | 'file';
  /** Line of the suppression comment. */
  line: number;
  reason?: string;
  until?: string;
}

/** A finding as the scan reports it: the core finding plus what the policy decided (additive fields only). */
export interface ScanFinding extends Finding {
  status?: FindingStatus;
  suppression?: SuppressionInfo;
  /** Positions of the edits of `fix` and of each suggestion, computed from the file text (for SARIF). */
  regions?: { fix?: Region[]; suggestions?: Region[][] };
}

/** An `azl-migrate-ignore` comment found in a scanned file. */
export interface Directive {
  file: string;
  /** `next`: the next statement; `same`: the line the comment ends; `file`: the whole file. */
  scope: 'next' | 'same' | 'file';
  ruleIds: string[];
  reason?: string;
  /** YYYY-MM-DD as written (validity is checked when the policy is applied). */
  until?: string;
  /** The lines (1-based, inclusive) whose findings it covers; the whole file for `file`. */
  appliesFrom: number;
  appliesTo: number;
  /** The comment text from the marker on, and where it is. */
  text: string;
  span: Span;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** A syntax problem found while parsing (no rule id, text after the date that is not `-- reason`). */
  problem?: string;
}
