import type { RuleMeta } from '../core/rule.js';
import { SEVERITY_RANK, type Severity } from '../core/types.js';
import type { TargetProfile } from '../knowledge/target.js';

/**
 * The consultant report's model: computed from one or more scan results (live scans or saved JSON reports),
 * rendered by html.ts and markdown.ts. Pure: no I/O; every number shown in a report comes from here, and the
 * formulas below are printed in the report as they are computed.
 */

/** The fields of a finding the report uses (a ScanFinding, or a finding of a saved JSON report). */
export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  blocker: boolean;
  category: string;
  file: string;
  line: number;
  column: number;
  message: string;
  why?: string;
  action?: string;
  evidence?: string;
  status?: 'open' | 'baselined' | 'suppressed';
}

/** What the report needs of one repository's result. */
export interface ReportableResult {
  target: string;
  tool?: { name?: string; version?: string };
  files: { scanned: { file: string; kind: string }[]; skipped: { file: string; reason: string }[] };
  findings: ReportFinding[];
}

export interface RepoInput {
  name: string;
  result: ReportableResult;
}

/** Score weights: penalty per unresolved finding, and the cap of each term. */
export const SCORE = {
  blocker: { weight: 6, cap: 60 },
  error: { weight: 2, cap: 30 },
  warning: { weight: 0.5, cap: 10 },
} as const;

/** Effort assumptions. */
export const EFFORT = {
  /** Points of a finding whose rule states none. */
  defaultPoints: 1,
  /** One effort point is this many engineer-hours. */
  hoursPerPoint: 1,
  /** Added for rebuilding, testing and review. */
  overhead: 0.3,
  /** Focused engineering hours in a person-day. */
  hoursPerDay: 6,
} as const;

export interface ScoreTerms {
  blockers: number;
  errors: number;
  warnings: number;
  info: number;
  blockerPenalty: number;
  errorPenalty: number;
  warningPenalty: number;
  score: number;
}

export interface Bucket {
  label: string;
  findings: number;
  blockers: number;
}

export interface PlanStep {
  ruleId: string;
  title: string;
  category: string;
  severity: Severity;
  findings: number;
  blockers: number;
  files: string[];
  /** Score penalty these findings carry (before the caps): what fixing them can win back. */
  impact: number;
  points: number;
  hours: number;
  action: string;
}

export interface RepoSummary {
  name: string;
  target: string;
  filesScanned: number;
  filesSkipped: number;
  /** Unresolved: open and baselined findings (a baseline accepts findings for CI; they still need the work). */
  findings: number;
  suppressed: number;
  terms: ScoreTerms;
  points: number;
  personDays: number;
}

export interface AppendixEntry extends ReportFinding {
  repo: string;
}

export interface Readiness {
  repos: RepoSummary[];
  /** Portfolio score: the mean of the repository scores. */
  score: number;
  terms: ScoreTerms;
  filesScanned: number;
  filesSkipped: number;
  findings: number;
  suppressed: number;
  points: number;
  hours: number;
  personDays: number;
  blockers: PlanStep[];
  plan: PlanStep[];
  byCategory: Bucket[];
  byKind: Bucket[];
  byComponent: Bucket[];
  targets: TargetProfile[];
  appendix: AppendixEntry[];
  /** Rule ids that had no effort in their metadata (the default was used). */
  defaultedEffort: string[];
}

const unresolved = (f: ReportFinding) => f.status !== 'suppressed';

export function scoreTerms(findings: ReportFinding[]): ScoreTerms {
  const live = findings.filter(unresolved);
  const blockers = live.filter((f) => f.blocker).length;
  const errors = live.filter((f) => !f.blocker && f.severity === 'error').length;
  const warnings = live.filter((f) => !f.blocker && f.severity === 'warning').length;
  const info = live.filter((f) => !f.blocker && f.severity === 'info').length;
  const blockerPenalty = Math.min(SCORE.blocker.cap, SCORE.blocker.weight * blockers);
  const errorPenalty = Math.min(SCORE.error.cap, SCORE.error.weight * errors);
  const warningPenalty = Math.min(SCORE.warning.cap, SCORE.warning.weight * warnings);
  const score = Math.max(0, Math.round(100 - blockerPenalty - errorPenalty - warningPenalty));
  return { blockers, errors, warnings, info, blockerPenalty, errorPenalty, warningPenalty, score };
}

export function band(score: number, blockers: number): string {
  if (blockers > 0) return score >= 70 ? 'blocked: few but blocking issues' : 'blocked: significant work before migrating';
  if (score >= 90) return 'ready: minor clean-up';
  if (score >= 70) return 'nearly ready: some work';
  return 'significant work';
}

const impactOf = (f: ReportFinding) => (f.blocker ? SCORE.blocker.weight : f.severity === 'error' ? SCORE.error.weight : f.severity === 'warning' ? SCORE.warning.weight : 0);
const personDays = (points: number) => Math.round(((points * EFFORT.hoursPerPoint * (1 + EFFORT.overhead)) / EFFORT.hoursPerDay) * 2) / 2;
const component = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '(repository root)');

function buckets(entries: { label: string; f: ReportFinding }[]): Bucket[] {
  const m = new Map<string, Bucket>();
  for (const { label, f } of entries) {
    const b = m.get(label) ?? { label, findings: 0, blockers: 0 };
    b.findings++;
    if (f.blocker) b.blockers++;
    m.set(label, b);
  }
  return [...m.values()].sort((a, b) => b.blockers - a.blockers || b.findings - a.findings || (a.label < b.label ? -1 : 1));
}

/** The step's advice: the findings' action when they agree, else the most frequent one as an example. */
function planAction(fs: ReportFinding[]): string {
  const counts = new Map<string, number>();
  for (const f of fs) if (f.action) counts.set(f.action, (counts.get(f.action) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (sorted.length === 0) return '';
  return sorted.length === 1 ? sorted[0]![0] : `For example: ${sorted[0]![0]} (${sorted.length} different actions; see the appendix)`;
}

export interface ReadinessOptions {
  /** Metadata of the rules (titles and effort points); findings of other rules use their id and the default effort. */
  rules: RuleMeta[];
  /** The profile of a target id (unknown ids are left out of the facts). */
  target: (id: string) => TargetProfile | undefined;
}

export function computeReadiness(repos: RepoInput[], opts: ReadinessOptions): Readiness {
  const metas = new Map(opts.rules.map((r) => [r.id, r]));
  const defaulted = new Set<string>();
  const pointsOf = (id: string) => {
    const e = metas.get(id)?.effort;
    if (e === undefined) {
      defaulted.add(id);
      return EFFORT.defaultPoints;
    }
    return e;
  };
  const all: AppendixEntry[] = [];
  const kindEntries: { label: string; f: ReportFinding }[] = [];
  const compEntries: { label: string; f: ReportFinding }[] = [];
  const summaries: RepoSummary[] = repos.map((r) => {
    const kinds = new Map(r.result.files.scanned.map((s) => [s.file, s.kind]));
    const live = r.result.findings.filter(unresolved);
    for (const f of r.result.findings) all.push({ ...f, repo: r.name });
    for (const f of live) {
      kindEntries.push({ label: kinds.get(f.file) ?? 'other', f });
      compEntries.push({ label: repos.length > 1 ? `${r.name}: ${component(f.file)}` : component(f.file), f });
    }
    const points = live.reduce((n, f) => n + pointsOf(f.ruleId), 0);
    return {
      name: r.name,
      target: r.result.target,
      filesScanned: r.result.files.scanned.length,
      filesSkipped: r.result.files.skipped.length,
      findings: live.length,
      suppressed: r.result.findings.length - live.length,
      terms: scoreTerms(r.result.findings),
      points,
      personDays: personDays(points),
    };
  });
  const live = all.filter(unresolved);
  const byRule = new Map<string, AppendixEntry[]>();
  for (const f of live) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const plan: PlanStep[] = [...byRule.entries()].map(([id, fs]) => {
    const m = metas.get(id);
    const points = fs.reduce((n, f) => n + pointsOf(f.ruleId), 0);
    const worst = fs.map((f) => f.severity).sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a])[0]!;
    const files = [...new Set(fs.map((f) => (repos.length > 1 ? `${f.repo}: ${f.file}` : f.file)))];
    return {
      ruleId: id,
      title: m?.title ?? id,
      category: m?.category ?? fs[0]!.category,
      severity: worst,
      findings: fs.length,
      blockers: fs.filter((f) => f.blocker).length,
      files,
      impact: fs.reduce((n, f) => n + impactOf(f), 0),
      points,
      hours: points * EFFORT.hoursPerPoint,
      action: planAction(fs),
    };
  });
  plan.sort((a, b) => b.impact - a.impact || a.points - b.points || (a.ruleId < b.ruleId ? -1 : 1));
  const points = summaries.reduce((n, s) => n + s.points, 0);
  const targets = [...new Set(repos.map((r) => r.result.target))].map((t) => opts.target(t)).filter((t): t is TargetProfile => t !== undefined);
  all.sort((a, b) => Number(b.blocker) - Number(a.blocker) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  return {
    repos: summaries,
    score: summaries.length ? Math.round(summaries.reduce((n, s) => n + s.terms.score, 0) / summaries.length) : 100,
    terms: scoreTerms(live),
    filesScanned: summaries.reduce((n, s) => n + s.filesScanned, 0),
    filesSkipped: summaries.reduce((n, s) => n + s.filesSkipped, 0),
    findings: live.length,
    suppressed: all.length - live.length,
    points,
    hours: points * EFFORT.hoursPerPoint,
    personDays: personDays(points),
    blockers: plan.filter((s) => s.blockers > 0).sort((a, b) => b.blockers - a.blockers || (a.ruleId < b.ruleId ? -1 : 1)),
    plan,
    byCategory: buckets(live.map((f) => ({ label: f.category, f }))),
    byKind: buckets(kindEntries),
    byComponent: buckets(compEntries),
    targets,
    appendix: all,
    defaultedEffort: [...defaulted].sort(),
  };
}

/** The score formula in words, with this report's numbers. */
export function formulaText(t: ScoreTerms): string[] {
  return [
    `score = 100 − min(${SCORE.blocker.cap}, ${SCORE.blocker.weight} × blockers) − min(${SCORE.error.cap}, ${SCORE.error.weight} × other errors) − min(${SCORE.warning.cap}, ${SCORE.warning.weight} × other warnings), at least 0`,
    `      = 100 − min(${SCORE.blocker.cap}, ${SCORE.blocker.weight} × ${t.blockers}) − min(${SCORE.error.cap}, ${SCORE.error.weight} × ${t.errors}) − min(${SCORE.warning.cap}, ${SCORE.warning.weight} × ${t.warnings}) = 100 − ${t.blockerPenalty} − ${t.errorPenalty} − ${t.warningPenalty} = ${t.score}`,
  ];
}

export function effortAssumptions(r: Readiness): string[] {
  const out = [
    `Each rule states effort points per finding (from 0.5 for a one-line change to 5 for a redesign); every unresolved finding counts, repeats included.`,
    `1 effort point = ${EFFORT.hoursPerPoint} engineer-hour for someone who knows the repository, including a local rebuild.`,
    `+${Math.round(EFFORT.overhead * 100)}% for testing, review and rollout; 1 person-day = ${EFFORT.hoursPerDay} focused hours; rounded to half days.`,
    `person-days = points × ${EFFORT.hoursPerPoint} h × ${1 + EFFORT.overhead} ÷ ${EFFORT.hoursPerDay} = ${r.points} × ${EFFORT.hoursPerPoint} × ${1 + EFFORT.overhead} ÷ ${EFFORT.hoursPerDay} ≈ ${r.personDays}`,
    'Not included: findings the scan cannot see (application code, runtime behaviour), waiting on package availability, and suppressed findings.',
  ];
  if (r.defaultedEffort.length) out.push(`Rules without effort points were counted at ${EFFORT.defaultPoints} point: ${r.defaultedEffort.join(', ')}.`);
  return out;
}
