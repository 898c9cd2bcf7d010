import { resolve } from 'node:path';
import type { FileKind } from '../core/facts.js';
import type { Finding } from '../core/types.js';
import { createTwoFilesPatch } from 'diff';
import { discover } from '../discovery.js';
import { decode, DEFAULT_MAX_FILE_SIZE, scanFile, settledElsewhere } from '../scan.js';
import { loadTarget, DEFAULT_TARGET } from '../knowledge/target.js';
import { allRules, findRule } from '../rules/index.js';
import { fixText, type FileFixResult } from './engine.js';
import { replaceFile, snapshot, RefusedWrite } from './write.js';

export interface FixRunOptions {
  root: string;
  paths: string[];
  target?: string;
  unsafe: boolean;
  dryRun: boolean;
  rules?: string[];
}

export interface FixRunResult {
  files: FileFixResult[];
  /** Files whose fixes were computed but not written, and why. */
  refused: { file: string; reason: string }[];
  skipped: { file: string; reason: string }[];
  /** Unified diff of every change (what --dry-run prints). */
  patch: string;
}

/** `azl-migrate fix`: compute fixes for every file and write them (unless dryRun). */
export async function runFixes(opts: FixRunOptions): Promise<FixRunResult> {
  const root = resolve(opts.root);
  const target = loadTarget(opts.target ?? DEFAULT_TARGET);
  const onlyRules = opts.rules?.length ? new Set(opts.rules.map((id) => findRule(id).meta.id)) : undefined;
  const disc = await discover(root, opts.paths.length ? opts.paths : ['.'], { maxFileSize: DEFAULT_MAX_FILE_SIZE });
  const out: FixRunResult = { files: [], refused: [], skipped: [...disc.skipped], patch: '' };
  const settled = await declarations(disc.files, target.id);
  for (const f of disc.files) {
    let snap;
    try {
      snap = await snapshot(f.abs);
    } catch (e) {
      out.skipped.push({ file: f.rel, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      continue;
    }
    if (snap.bytes.length > DEFAULT_MAX_FILE_SIZE) {
      out.skipped.push({ file: f.rel, reason: `larger than ${DEFAULT_MAX_FILE_SIZE} bytes` });
      continue;
    }
    const d = decode(snap.bytes);
    if (!d.ok) {
      out.skipped.push({ file: f.rel, reason: `${d.reason}: never modified` });
      continue;
    }
    const r = await fixText(f.rel, f.kind, d.text, { rules: allRules(), target, unsafe: opts.unsafe, onlyRules, settled });
    if (r.applied.length === 0 && r.skipped.length === 0 && !r.stopped) continue;
    out.files.push(r);
    if (r.fixed === r.original) continue;
    out.patch += createTwoFilesPatch(`a/${f.rel}`, `b/${f.rel}`, r.original, r.fixed, undefined, undefined, { context: 3 });
    if (opts.dryRun) continue;
    try {
      await replaceFile(root, snap, r.fixed);
    } catch (e) {
      if (e instanceof RefusedWrite) out.refused.push({ file: f.rel, reason: e.message });
      else out.refused.push({ file: f.rel, reason: `write failed: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    }
  }
  return out;
}

/**
 * What the files declare for each other (RuleContext.declare), as the scan settles it: a finding another file
 * settles (a service it enables, a tasks file it includes only on Debian) is neither reported nor fixed.
 */
async function declarations(files: { abs: string; rel: string; kind: FileKind }[], targetId: string): Promise<(f: Finding) => boolean> {
  // scanFile never throws: an unreadable file declares nothing, and the fix loop reports it.
  const outcomes = [];
  for (const f of files) outcomes.push(await scanFile(f.abs, f.rel, f.kind, allRules(), targetId));
  return settledElsewhere(files, outcomes);
}

/** The human summary: what was fixed, what was skipped and why. */
export function fixSummary(r: FixRunResult, dryRun: boolean): string {
  const lines: string[] = [];
  const refused = new Set(r.refused.map((x) => x.file));
  let applied = 0;
  let changedFiles = 0;
  for (const f of r.files) {
    if (f.fixed !== f.original && !refused.has(f.file)) changedFiles++;
    for (const a of f.applied) {
      applied++;
      lines.push(`${f.file}:${a.line}: ${dryRun ? 'would fix' : 'fixed'} ${a.ruleId}: ${a.title}${a.safety === 'unsafe' ? ' (unsafe)' : ''}`);
    }
    for (const s of f.skipped) lines.push(`${f.file}:${s.line}: skipped ${s.ruleId}: ${s.title}: ${s.reason}`);
    if (f.stopped) lines.push(`${f.file}: ${f.stopped}`);
  }
  for (const x of r.refused) lines.push(`${x.file}: not written: ${x.reason}`);
  for (const x of r.skipped.filter((s) => s.reason.includes('never modified'))) lines.push(`${x.file}: skipped: ${x.reason}`);
  const skipped = r.files.reduce((n, f) => n + f.skipped.length, 0);
  lines.push(`${applied} fix${applied === 1 ? '' : 'es'} ${dryRun ? 'would be applied' : 'applied'} in ${changedFiles} file${changedFiles === 1 ? '' : 's'}; ${skipped} skipped${r.refused.length ? `; ${r.refused.length} file${r.refused.length === 1 ? '' : 's'} refused` : ''}.`);
  return lines.join('\n') + '\n';
}
