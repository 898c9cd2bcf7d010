import { createHash } from 'node:crypto';
import type { Finding, Fix } from '../core/types.js';
import type { FileFacts, FileKind } from '../core/facts.js';
import type { Rule } from '../core/rule.js';
import { applyFixes } from '../core/fixer.js';
import { adapterFor } from '../languages/registry.js';
import { runRules } from '../core/engine.js';
import type { TargetProfile } from '../knowledge/target.js';

export const MAX_PASSES = 10;

export interface FixOptions {
  rules: Rule[];
  target: TargetProfile;
  /** Also apply fixes marked unsafe (they change behaviour and need review). */
  unsafe: boolean;
  /** Only fixes of these rules. */
  onlyRules?: Set<string>;
  /** Findings that another file of the project settles (see settledElsewhere in src/scan.ts): not fixed. */
  settled?: (f: Finding) => boolean;
}

export interface AppliedFix {
  ruleId: string;
  title: string;
  safety: 'safe' | 'unsafe';
  line: number;
}

export interface SkippedFix {
  ruleId: string;
  title: string;
  line: number;
  reason: string;
}

export interface FileFixResult {
  file: string;
  original: string;
  fixed: string;
  applied: AppliedFix[];
  skipped: SkippedFix[];
  passes: number;
  /** Why fixing stopped early, if it did (a parse error or a cycle). */
  stopped?: string;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/** How many parse problems the analysis of a file reports: a fix must never add one. */
const parseProblemsIn = (facts: FileFacts) => facts.notes.filter((n) => n.kind === 'parse').length;

export async function parseProblems(file: string, kind: FileKind, text: string): Promise<number> {
  return parseProblemsIn(await adapterFor(kind).analyze(file, text));
}

async function analyze(file: string, kind: FileKind, text: string, opts: FixOptions): Promise<{ findings: Finding[]; parseProblems: number }> {
  const facts = await adapterFor(kind).analyze(file, text);
  return { findings: runRules(facts, { rules: opts.rules, target: opts.target }), parseProblems: parseProblemsIn(facts) };
}

/**
 * Fix one file's text: apply non-overlapping fixes, re-analyse, repeat (at most MAX_PASSES). Fixes that
 * overlap an applied one wait for the next pass. A pass that introduces a parse problem is undone and ends
 * the process; so does a text seen before (a cycle). Pure apart from the parsers: no file I/O.
 */
export async function fixText(file: string, kind: FileKind, text: string, opts: FixOptions): Promise<FileFixResult> {
  const result: FileFixResult = { file, original: text, fixed: text, applied: [], skipped: [], passes: 0 };
  const first = await analyze(file, kind, text, opts);
  const baselineProblems = first.parseProblems;
  let findings = first.findings;
  const seen = new Set([hash(text)]);
  const wanted = (f: Finding) => (!opts.onlyRules || opts.onlyRules.has(f.ruleId)) && !opts.settled?.(f);
  const skippedKeys = new Set<string>();
  // One entry per finding (rule and place): a later pass may describe the same skipped fix differently.
  const skip = (f: Finding, fix: Fix, reason: string) => {
    const k = `${f.ruleId}\0${f.fingerprint}`;
    if (skippedKeys.has(k)) return;
    skippedKeys.add(k);
    result.skipped.push({ ruleId: f.ruleId, title: fix.title, line: f.line, reason });
  };
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const candidates: { f: Finding; fix: Fix }[] = [];
    for (const f of findings) {
      if (!wanted(f)) continue;
      if (f.fix) {
        if (f.fix.safety === 'safe' || opts.unsafe) candidates.push({ f, fix: f.fix });
        else skip(f, f.fix, 'unsafe: changes behaviour, apply with --unsafe after review');
      }
    }
    if (candidates.length === 0) break;
    const r = applyFixes(result.fixed, candidates.map((c) => c.fix));
    if (r.text === result.fixed) break;
    const h = hash(r.text);
    if (seen.has(h)) {
      result.stopped = 'the fixes undo each other (a cycle); stopped';
      break;
    }
    const next = await analyze(file, kind, r.text, opts);
    if (next.parseProblems > baselineProblems) {
      result.stopped = `pass ${pass} would leave the file unparsable; its fixes were not applied`;
      for (const c of candidates) if (r.applied.includes(c.fix)) skip(c.f, c.fix, 'the result did not parse');
      break;
    }
    seen.add(h);
    result.passes = pass;
    for (const c of candidates) if (r.applied.includes(c.fix)) result.applied.push({ ruleId: c.f.ruleId, title: c.fix.title, safety: c.fix.safety, line: c.f.line });
    result.fixed = r.text;
    findings = next.findings;
  }
  return result;
}
