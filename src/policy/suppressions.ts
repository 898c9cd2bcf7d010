import { docsUrl, fingerprintOf } from '../core/engine.js';
import type { Severity } from '../core/types.js';
import { POLICY_RULES, isPolicyRule } from './meta.js';
import type { Directive, ScanFinding } from './model.js';

/**
 * Inline suppressions, in any host syntax whose comments start with `#`, `//`, `;`, `/*`, `<!--` or `{#`:
 *
 *   # azl-migrate-ignore <rule-id>[,<rule-id>...] [until=YYYY-MM-DD] -- <reason>
 *   # azl-migrate-ignore-file <rule-id>[,...] [until=YYYY-MM-DD] -- <reason>
 *
 * On a line of its own, the first form covers the next statement: the next line that is neither blank nor a
 * comment, its backslash continuation lines, a heredoc it opens, and the lines indented under it (a YAML
 * block, an `if` body). After code on the same line it covers that line. The `-file` form covers the file.
 */
export const MARKER = 'azl-migrate-ignore';

const DIRECTIVE = /(^|[ \t])(#|\/\/|;|\/\*|<!--|\{#)[ \t]*azl-migrate-ignore(-file)?(?=$|[ \t])(.*)$/;
const COMMENT_ONLY = /^[ \t]*(#|\/\/|;|\/\*|<!--|\{#)/;
const RULE_ID = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9._-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Line {
  text: string;
  start: number;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let t = text.slice(start, end);
    if (t.endsWith('\r')) t = t.slice(0, -1);
    out.push({ text: t, start });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

const indentOf = (s: string) => s.length - s.trimStart().length;
const blank = (s: string) => s.trim() === '';

/** The suppression comments of one file. Pure; columns are 1-based UTF-16 like findings'. */
export function parseDirectives(file: string, text: string): Directive[] {
  if (!text.includes(MARKER)) return [];
  const lines = splitLines(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const out: Directive[] = [];
  lines.forEach((ln, i) => {
    const m = DIRECTIVE.exec(i === 0 && bom ? ` ${ln.text.slice(1)}` : ln.text);
    if (!m) return;
    const leaderAt = m.index + m[1]!.length;
    const markerAt = ln.text.indexOf(MARKER, leaderAt);
    const isFile = m[3] !== undefined;
    let rest = m[4]!;
    rest = rest.replace(/[ \t]*(\*\/|-->|#\})[ \t]*$/, '');
    const parsed = parseBody(rest);
    const ownLine = ln.text.slice(0, leaderAt).trim() === '';
    const raw = ln.text.slice(markerAt).replace(/[ \t]*(\*\/|-->|#\})[ \t]*$/, '').trimEnd();
    const startCol = markerAt + 1 - (i === 0 ? bom : 0);
    const d: Directive = {
      file,
      scope: isFile ? 'file' : ownLine ? 'next' : 'same',
      ruleIds: parsed.ruleIds,
      ...(parsed.reason !== undefined ? { reason: parsed.reason } : {}),
      ...(parsed.until !== undefined ? { until: parsed.until } : {}),
      appliesFrom: 1,
      appliesTo: lines.length,
      text: raw,
      span: { start: ln.start + markerAt, end: ln.start + markerAt + raw.length },
      line: i + 1,
      column: startCol,
      endLine: i + 1,
      endColumn: startCol + raw.length,
      ...(parsed.problem ? { problem: parsed.problem } : {}),
    };
    if (d.scope === 'same') {
      d.appliesFrom = d.appliesTo = i + 1;
    } else if (d.scope === 'next') {
      const [from, to] = statementAfter(lines, i);
      d.appliesFrom = from;
      d.appliesTo = to;
    }
    out.push(d);
  });
  return out;
}

function parseBody(rest: string): { ruleIds: string[]; reason?: string; until?: string; problem?: string } {
  const sep = /(^|\s)--(\s|$)/.exec(rest);
  const head = sep ? rest.slice(0, sep.index) : rest;
  const reasonText = sep ? rest.slice(sep.index + sep[0].length).trim() : '';
  const out: { ruleIds: string[]; reason?: string; until?: string; problem?: string } = { ruleIds: [] };
  if (reasonText) out.reason = reasonText;
  const problems: string[] = [];
  for (const tok of head.split(/[\s,]+/).filter(Boolean)) {
    if (tok.startsWith('until=')) {
      out.until = tok.slice('until='.length);
    } else if (RULE_ID.test(tok)) {
      if (!out.ruleIds.includes(tok)) out.ruleIds.push(tok);
    } else {
      problems.push(`"${tok}" is not a rule id (rule ids look like pkgmgr/apt; write the reason after " -- ")`);
    }
  }
  if (out.ruleIds.length === 0) problems.unshift('it names no rule id');
  if (problems.length) out.problem = problems.join('; ');
  return out;
}

/** The 1-based inclusive line range of the statement after comment line `i` (0-based). */
function statementAfter(lines: Line[], i: number): [number, number] {
  let t = i + 1;
  while (t < lines.length && (blank(lines[t]!.text) || COMMENT_ONLY.test(lines[t]!.text))) t++;
  if (t >= lines.length) return [i + 2, i + 1];
  let end = t;
  // backslash continuations and heredocs
  for (;;) {
    const here = /<<-?[ \t]*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/.exec(lines[end]!.text);
    if (here) {
      const delim = here[2]!;
      let k = end + 1;
      while (k < lines.length && lines[k]!.text.trim() !== delim) k++;
      end = Math.min(k, lines.length - 1);
      continue;
    }
    if (/\\$/.test(lines[end]!.text) && end + 1 < lines.length) {
      end++;
      continue;
    }
    break;
  }
  // lines indented under the statement's first line
  const base = indentOf(lines[t]!.text);
  let k = end + 1;
  let lastIndented = end;
  while (k < lines.length && (blank(lines[k]!.text) || indentOf(lines[k]!.text) > base)) {
    if (!blank(lines[k]!.text)) lastIndented = k;
    k++;
  }
  return [t + 1, lastIndented + 1];
}

export interface SuppressionOptions {
  /** Every rule id that exists (run or not), to tell a misspelt id from one that is merely off. */
  knownRuleIds: ReadonlySet<string>;
  /** Today, for `until=` (a suppression applies through its until date, in UTC). */
  now: Date;
}

/** UTC calendar date YYYY-MM-DD. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function validDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDay(d) === s;
}

/**
 * Mark findings covered by a valid, unexpired suppression as `suppressed`, and report the suppression
 * comments that lack a reason, have expired, or cannot be understood. Pure.
 */
export function applySuppressions(findings: ScanFinding[], directives: Directive[], opts: SuppressionOptions): { findings: ScanFinding[]; reported: ScanFinding[] } {
  const today = isoDay(opts.now);
  const active: Directive[] = [];
  const reported: ScanFinding[] = [];
  const occurrences = new Map<string, number>();
  const report = (d: Directive, ruleId: string, message: string, why: string, action: string) => {
    const meta = POLICY_RULES.find((r) => r.id === ruleId)!;
    const key = `${ruleId}\0${d.file}\0${d.text}`;
    const occ = occurrences.get(key) ?? 0;
    occurrences.set(key, occ + 1);
    reported.push({
      ruleId,
      severity: meta.severity as Severity,
      blocker: meta.blocker,
      category: meta.category,
      file: d.file,
      span: d.span,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      message,
      why,
      action,
      docsUrl: docsUrl(ruleId),
      evidence: d.text,
      fingerprint: fingerprintOf(ruleId, d.file, d.text, occ),
    });
  };
  for (const d of directives) {
    let ok = true;
    if (d.problem) {
      report(d, 'suppression/invalid', `This suppression comment cannot be used: ${d.problem}.`, 'A suppression must name the rules it silences so that nothing else is hidden by it.', `Write \`${MARKER} <rule-id> -- <reason>\`.`);
      if (d.ruleIds.length === 0) ok = false;
    }
    const unknown = d.ruleIds.filter((id) => !opts.knownRuleIds.has(id));
    if (unknown.length) {
      report(d, 'suppression/invalid', `This suppression names ${unknown.length === 1 ? 'an unknown rule' : 'unknown rules'}: ${unknown.join(', ')}.`, 'A misspelt rule id silences nothing, and the finding it was meant for stays reported.', 'Use a rule id listed by `azl-migrate rules`.');
    }
    if (d.until !== undefined) {
      if (!validDate(d.until)) {
        report(d, 'suppression/invalid', `This suppression's until=${d.until} is not a date in the form YYYY-MM-DD.`, 'An expiry that cannot be read would never expire, so the suppression is not applied.', 'Write the date as until=YYYY-MM-DD.');
        ok = false;
      } else if (today > d.until) {
        report(d, 'suppression/expired', `This suppression expired on ${d.until}; the findings it covered are reported again.`, 'The suppression was accepted only until that date.', 'Fix the findings, or renew the suppression with a later until= date and a reason.');
        ok = false;
      }
    }
    if (ok && d.reason === undefined) {
      report(d, 'suppression/missing-reason', 'This suppression gives no reason.', 'Without a reason nobody can later tell whether the suppression still holds.', `Add the reason after " -- ": \`${MARKER} ${d.ruleIds.join(',') || '<rule-id>'} -- <reason>\`.`);
    }
    if (ok) active.push(d);
  }
  // By file, in directive order: a repository's findings times all its suppressions would grow quadratically.
  const byFile = new Map<string, Directive[]>();
  for (const d of active) {
    const l = byFile.get(d.file);
    if (l) l.push(d);
    else byFile.set(d.file, [d]);
  }
  const out = findings.map((f) => {
    if (isPolicyRule(f.ruleId) || (f.status && f.status !== 'open')) return f;
    const d = byFile.get(f.file)?.find((x) => x.ruleIds.includes(f.ruleId) && covers(x, f));
    if (!d) return f;
    const s: ScanFinding = {
      ...f,
      status: 'suppressed',
      suppression: { scope: d.scope === 'file' ? 'file' : 'line', line: d.line, ...(d.reason !== undefined ? { reason: d.reason } : {}), ...(d.until !== undefined ? { until: d.until } : {}) },
    };
    return s;
  });
  return { findings: out, reported };
}

function covers(d: Directive, f: { line: number; endLine: number }): boolean {
  if (d.scope === 'file') return true;
  if (d.scope === 'same') return f.line <= d.line && d.line <= f.endLine;
  return f.line >= d.appliesFrom && f.line <= d.appliesTo;
}
