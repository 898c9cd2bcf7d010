import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { discover, type Skipped } from './discovery.js';
import { adapterFor } from './languages/registry.js';
import { runRules } from './core/engine.js';
import type { Finding, FileNote } from './core/types.js';
import type { Rule, RuleMeta } from './core/rule.js';
import type { SourceText, Span } from './core/source.js';
import ignore from 'ignore';
import { parseDirectives } from './policy/suppressions.js';
import type { Directive, Region, ScanFinding } from './policy/model.js';
import type { FileKind } from './core/facts.js';
import { loadTarget, DEFAULT_TARGET } from './knowledge/target.js';
import { allRules } from './rules/index.js';
import { TOOL_VERSION } from './version.js';

export interface ScanOptions {
  root: string;
  paths?: string[];
  target?: string;
  rules?: Rule[];
  maxFileSize?: number;
  /** Only files matching one of these (gitignore pattern syntax, relative to the root) are scanned. */
  include?: string[];
  /** Files matching these (gitignore pattern syntax) are not scanned. */
  exclude?: string[];
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ScannedFile {
  file: string;
  kind: FileKind;
}

export interface ScanResult {
  version: 1;
  tool: { name: 'azl-migrate'; version: string };
  target: string;
  root: string;
  files: { scanned: ScannedFile[]; skipped: Skipped[] };
  findings: ScanFinding[];
  notes: FileNote[];
  /** The `azl-migrate-ignore` comments of the scanned files (applied by src/policy, not by the scan). */
  directives?: Directive[];
  /** Metadata of the rules that ran (SARIF lists them). */
  rules?: RuleMeta[];
  /** Ids of the rules that came from the config's rule-dirs, not from azl-migrate. */
  customRuleIds?: string[];
  /** What the policy did, when one was applied. */
  policy?: PolicySummary;
}

export interface PolicySummary {
  /** Baseline file used (as given), and its entries that matched no finding. */
  baseline?: { file: string; stale: number };
  /** Only findings on lines changed since this git ref are reported. */
  changedSince?: string;
  /** Suppressed findings, shown or not. */
  suppressed: number;
  /** Whether reporters should list suppressed findings (SARIF always does, with their justification). */
  showSuppressed: boolean;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** UTF-8 text, or why the file is not analysed (binary, not UTF-8). */
export function decode(buf: Uint8Array): Decoded {
  if (buf.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}

/** Analyse one file's text and run the rules on it. Never throws: failures become notes. */
export async function scanText(file: string, kind: FileKind, text: string, rules: Rule[], targetId: string): Promise<{ findings: ScanFinding[]; notes: FileNote[]; directives: Directive[] }> {
  let directives: Directive[] = [];
  try {
    directives = parseDirectives(file, text);
    const facts = await adapterFor(kind).analyze(file, text);
    const findings = runRules(facts, { rules, target: loadTarget(targetId) });
    return { findings: withRegions(findings, facts.source), notes: facts.notes, directives };
  } catch (e) {
    return { findings: [], notes: [{ file, kind: 'skipped', message: `internal error while analysing this file: ${(e as Error).message}` }], directives };
  }
}

/** Line/column regions of fix and suggestion edits, which only the file text can give. */
function withRegions(findings: Finding[], src: SourceText): ScanFinding[] {
  const region = (span: Span): Region => {
    const a = src.position(span.start);
    const b = src.position(span.end);
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  };
  return findings.map((f) => {
    if (!f.fix && !f.suggestions?.length) return f;
    const regions: NonNullable<ScanFinding['regions']> = {};
    if (f.fix) regions.fix = f.fix.edits.map((e) => region(e.span));
    if (f.suggestions?.length) regions.suggestions = f.suggestions.map((s) => s.edits.map((e) => region(e.span)));
    return { ...f, regions };
  });
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const root = resolve(opts.root);
  const targetId = opts.target ?? DEFAULT_TARGET;
  loadTarget(targetId);
  const rules = opts.rules ?? allRules();
  const disc = await discover(root, opts.paths?.length ? opts.paths : ['.'], { maxFileSize: opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, ...(opts.exclude?.length ? { exclude: opts.exclude } : {}) });
  if (opts.include?.length) {
    const inc = ignore().add(opts.include);
    disc.files = disc.files.filter((f) => inc.ignores(f.rel));
  }
  if (opts.exclude?.length) {
    const exc = ignore().add(opts.exclude);
    disc.files = disc.files.filter((f) => !exc.ignores(f.rel));
  }
  const result: ScanResult = {
    version: 1,
    tool: { name: 'azl-migrate', version: TOOL_VERSION },
    target: targetId,
    root,
    files: { scanned: [], skipped: [...disc.skipped] },
    findings: [],
    notes: [],
    directives: [],
    rules: rules.map((r) => r.meta),
  };
  let done = 0;
  for (const f of disc.files) {
    opts.onProgress?.(done, disc.files.length, f.rel);
    let buf: Buffer;
    try {
      buf = await readFile(f.abs);
    } catch (e) {
      result.files.skipped.push({ file: f.rel, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      continue;
    }
    const d = decode(buf);
    if (!d.ok) {
      result.files.skipped.push({ file: f.rel, reason: d.reason });
      continue;
    }
    const r = await scanText(f.rel, f.kind, d.text, rules, targetId);
    result.files.scanned.push({ file: f.rel, kind: f.kind });
    result.findings.push(...r.findings);
    result.notes.push(...r.notes);
    result.directives!.push(...r.directives);
    done++;
  }
  result.files.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
}
