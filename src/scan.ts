import { openSync, fstatSync, readFileSync, closeSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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

/** What scanning one file gave: its findings, notes and suppression directives, or why it was skipped. */
export interface FileOutcome {
  skipped?: string;
  findings: ScanFinding[];
  notes: FileNote[];
  directives: Directive[];
}

const skippedOutcome = (reason: string): FileOutcome => ({ skipped: reason, findings: [], notes: [], directives: [] });

/**
 * Read a file, unless it is larger than `max` bytes (checked on the open descriptor, so a file that grows
 * between discovery and reading is still caught). Synchronous: this runs in scan workers, or in a CLI run
 * where nothing else waits on the event loop, and is much cheaper than the promise API for small files.
 */
export function readBounded(abs: string, max: number): Buffer | string {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const size = fstatSync(fd).size;
    if (size > max) return `larger than ${max} bytes`;
    return readFileSync(fd);
  } catch (e) {
    return `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Read, decode and analyse one file. Never throws. */
export async function scanFile(abs: string, rel: string, kind: FileKind, rules: Rule[], targetId: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<FileOutcome> {
  const buf = readBounded(abs, maxFileSize);
  if (typeof buf === 'string') return skippedOutcome(buf);
  const d = decode(buf);
  if (!d.ok) return skippedOutcome(d.reason);
  return scanText(rel, kind, d.text, rules, targetId);
}

/** Scanning spreads over worker threads from this many files on (below it, starting workers costs more). */
export const PARALLEL_THRESHOLD = 200;

/**
 * Scan the discovered files, in parallel over worker threads when there are many and every rule is a shipped
 * one (project rules from a config are objects a worker cannot rebuild); else in this thread, reading the
 * next files while analysing the current one. Outcomes come back in the order of `files`.
 */
async function scanAll(files: { abs: string; rel: string; kind: FileKind }[], rules: Rule[], targetId: string, opts: ScanOptions): Promise<FileOutcome[]> {
  const shipped = new Set(allRules());
  const workers = Math.min(availableParallelism(), 8, Math.ceil(files.length / PARALLEL_THRESHOLD));
  const workerUrl = new URL('./scan-worker.js', import.meta.url);
  const canParallel = workers > 1 && rules.every((r) => shipped.has(r)) && import.meta.url.endsWith('.js') && process.env.AZL_MIGRATE_WORKERS !== '0';
  const outcomes: FileOutcome[] = new Array(files.length);
  let done = 0;
  const progress = (i: number) => opts.onProgress?.(++done, files.length, files[i]!.rel);
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (!canParallel) {
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      outcomes[i] = await scanFile(f.abs, f.rel, f.kind, rules, targetId, max);
      progress(i);
    }
    return outcomes;
  }
  const ruleIds = rules.map((r) => r.meta.id);
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () => {
      const w = new Worker(workerUrl);
      w.postMessage({ type: 'init', ruleIds, targetId, maxFileSize: max });
      return new Promise<void>((resolveDone, reject) => {
        // Keep two files queued per worker so it never waits for the main thread.
        let inFlight = 0;
        const feed = () => {
          while (inFlight < 2 && next < files.length) {
            const i = next++;
            const f = files[i]!;
            inFlight++;
            w.postMessage({ type: 'file', index: i, abs: f.abs, rel: f.rel, kind: f.kind });
          }
          if (inFlight === 0) {
            void w.terminate();
            resolveDone();
          }
        };
        w.on('message', (m: { type: 'result'; index: number; outcome: FileOutcome }) => {
          outcomes[m.index] = m.outcome;
          inFlight--;
          progress(m.index);
          feed();
        });
        w.on('error', reject);
        feed();
      });
    }),
  );
  return outcomes;
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
  const outcomes = await scanAll(disc.files, rules, targetId, opts);
  disc.files.forEach((f, i) => {
    const o = outcomes[i]!;
    if (o.skipped) {
      result.files.skipped.push({ file: f.rel, reason: o.skipped });
      return;
    }
    result.files.scanned.push({ file: f.rel, kind: f.kind });
    result.findings.push(...o.findings);
    result.notes.push(...o.notes);
    result.directives!.push(...o.directives);
  });
  result.files.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
}
