import type { Span } from './source.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
/** The severities, worst first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface TextEdit {
  span: Span;
  text: string;
}

/** An atomic list of edits in the host file's original offsets. */
export interface Fix {
  title: string;
  safety: 'safe' | 'unsafe';
  edits: TextEdit[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The migration cannot proceed until this is dealt with. */
  blocker: boolean;
  category: string;
  /** POSIX path relative to the scan root. */
  file: string;
  span: Span;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What is wrong. */
  message: string;
  /** Why it breaks on the target. */
  why: string;
  /** What to do instead. */
  action: string;
  docsUrl: string;
  /** The text the finding is about, as written in the file. */
  evidence: string;
  fix?: Fix;
  suggestions?: Fix[];
  fingerprint: string;
  /** Dropped by the scan when another file declares one of these keys (ReportInput.unlessDeclaredElsewhere); never reported. */
  unlessDeclaredElsewhere?: string[];
}

export interface FileNote {
  file: string;
  kind: 'parse' | 'skipped' | 'info';
  message: string;
  line?: number;
  column?: number;
}
