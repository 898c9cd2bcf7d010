import { openSync, fstatSync, readSync, closeSync, constants } from 'node:fs';
import { resolve } from 'node:path';
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
import { usableCpus } from './cpus.js';

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
  /** After each file; `finding` while discovery is still finding files (so `total` may grow). */
  onProgress?: (done: number, total: number, file: string, finding?: boolean) => void;
  /**
   * Milliseconds one file may take to analyse (default DEFAULT_FILE_TIME_BUDGET_MS; 0: no budget). A file that takes
   * longer is skipped with the reason. A hard bound where files are analysed in worker threads (see scanAll).
   */
  fileTimeBudgetMs?: number;
  /** Reuse outcomes of unchanged files from this content-hash cache file, and update it (see src/cache.ts). */
  cacheFile?: string;
  /** At most this many worker threads (default: the usable CPUs, see src/cpus.ts, up to MAX_DEFAULT_WORKERS). */
  jobs?: number;
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
  /** With a cache: how many files reused a cached outcome and how many were analysed. */
  cache?: { file: string; reused: number; analysed: number };
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
// One decoder for every file (a one-shot decode() keeps no state); constructing one per file showed in profiles.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(buf: Uint8Array): Decoded {
  if (buf.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: UTF8.decode(buf) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}

/** Analyse one file's text and run the rules on it. Never throws: failures become notes. */
export async function scanText(file: string, kind: FileKind, text: string, rules: Rule[], targetId: string): Promise<{ findings: ScanFinding[]; notes: FileNote[]; directives: Directive[]; declares?: string[] }> {
  let directives: Directive[] = [];
  try {
    directives = parseDirectives(file, text);
    const facts = await adapterFor(kind).analyze(file, text);
    const declared = new Set<string>();
    const findings = runRules(facts, { rules, target: loadTarget(targetId), declared });
    return { findings: withRegions(findings, facts.source), notes: facts.notes, directives, ...(declared.size ? { declares: [...declared] } : {}) };
  } catch (e) {
    // Thousands of nested brackets or substitutions exhaust the stack of a recursive parser or walker.
    const message = e instanceof RangeError && /call stack/i.test(e.message) ? 'nested too deeply to analyse (the analysis ran out of stack); not analysed' : internalErrorReason(e);
    return { findings: [], notes: [{ file, kind: 'skipped', message }], directives };
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
  /** Keys the file's rules declared for the rest of the project (RuleContext.declare). */
  declares?: string[];
}

export const skippedOutcome = (reason: string): FileOutcome => ({ skipped: reason, findings: [], notes: [], directives: [] });

/** The skip reason of a file whose analysis failed unexpectedly (the worker reports it the same way). */
export function internalErrorReason(what: unknown): string {
  return `internal error while analysing this file: ${what instanceof Error ? what.message : String(what)}`;
}

/**
 * Read a file, unless it is larger than `max` bytes (checked on the open descriptor, so a file that grows
 * between discovery and reading is still caught). Synchronous: this runs in scan workers, or in a CLI run
 * where nothing else waits on the event loop, and is much cheaper than the promise API for small files.
 */
export function readBounded(abs: string, max: number): Buffer | string {
  let fd: number | undefined;
  try {
    // Non-blocking open: a file replaced by a FIFO since discovery must not wait for a writer.
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return st.isDirectory() ? 'cannot read: EISDIR (a directory)' : 'not a regular file (a FIFO, socket or device); not read';
    const size = st.size;
    if (size > max) return `larger than ${max} bytes`;
    // Read the size fstat gave (readFileSync(fd) would stat again and read in chunks); a file that grew since
    // is read up to that size.
    const buf = Buffer.allocUnsafe(size);
    let n = 0;
    while (n < size) {
      const r = readSync(fd, buf, n, size - n, n);
      if (r === 0) break;
      n += r;
    }
    return n < size ? buf.subarray(0, n) : buf;
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

/** Scanning spreads over more than one worker thread from this many files on (below it, starting workers costs more). */
export const PARALLEL_THRESHOLD = 200;

/** Workers started by default on a machine with many CPUs; --jobs may ask for more. */
export const MAX_DEFAULT_WORKERS = 8;

/**
 * Rough cost of analysing one file of each kind once the analyzer is warm, in microseconds, rounded: the best of
 * 6 passes in one process over up to 400 files of each kind, on the bench machine (2 vCPUs), over the bench's
 * 20,000-file repository (Ansible 216, shell 1,380, Dockerfile 764, Python 1,720, Terraform 803, systemd 197,
 * cloud-init 377) and over kubespray, runner-images, packer-plugin-azure, terraform-azurerm-aks and corpus/ for the
 * kinds the bench has not or whose real files are larger (Terraform 1,400 to 4,300, Packer 1,300 to 10,600, ARM
 * 1,400 to 2,100, workflows 190 to 1,150; Bicep, Compose and TS/JS from one file each). Only their proportions
 * matter: they decide how many workers a scan starts (WORKER_WORK_US).
 */
export const KIND_COST_US: Readonly<Record<FileKind, number>> = {
  ansible: 250,
  'cloud-init': 400,
  compose: 300,
  workflow: 300,
  systemd: 250,
  dockerfile: 800,
  bicep: 800,
  shell: 1300,
  python: 1700,
  terraform: 1500,
  packer: 1500,
  arm: 1500,
  tsjs: 200,
};

/**
 * By default a worker more is started for each this much estimated work (KIND_COST_US). A worker costs about 2 s
 * of CPU of its own before it analyses at full speed (start-up, and V8 compiling the analyzer again for that thread),
 * which on 2 CPUs competes with the other worker. Measured with interleaved pairs of one worker against two
 * (bench/RESULTS.md): one was faster on the bench's 1,000-file repository (0.6 s of estimated work), its
 * Dockerfiles (1.1 s) and its Ansible roles (2.5 s); both took about the same time on the 5,000-file repository
 * (3.4 s); two were faster on its shell scripts (6.1 s) and on the 20,000-file repository (13.6 s).
 */
export const WORKER_WORK_US = 3_000_000;

/** The estimated analysis cost of `files` (KIND_COST_US), in microseconds. */
export function estimatedWorkUs(files: readonly { kind: FileKind }[], from = 0): number {
  let us = 0;
  for (let i = from; i < files.length; i++) us += KIND_COST_US[files[i]!.kind];
  return us;
}

/**
 * Worker threads for a scan of `fileCount` files whose analysis is estimated at `workUs` (estimatedWorkUs).
 * With --jobs (`jobs`), that many, but at most one per PARALLEL_THRESHOLD files. By default one per WORKER_WORK_US
 * of estimated work and per PARALLEL_THRESHOLD files, at most the usable CPUs (a container's CPU limit included) and
 * MAX_DEFAULT_WORKERS. Each worker loads and JIT-compiles the analyzer for itself (about 2 s of compiler time on the
 * bench machine), so a worker more than the CPUs can run slows the scan down: in a cgroup limited to one CPU,
 * 2 workers took 25 to 45 % longer than one, and 8 workers 70 to 150 % longer with twice the memory
 * (bench/RESULTS.md).
 */
export function workerCount(fileCount: number, jobs: number | undefined, cpus: () => number = usableCpus, workUs = Infinity): number {
  const byFiles = Math.ceil(fileCount / PARALLEL_THRESHOLD);
  if (jobs !== undefined) return Math.max(0, Math.min(jobs, byFiles));
  const byWork = Math.max(1, Math.ceil(workUs / WORKER_WORK_US));
  return Math.max(0, Math.min(cpus(), MAX_DEFAULT_WORKERS, byFiles, byWork));
}

/**
 * Fewer files than this are analysed in this thread: starting a worker costs about as much as a one-file scan
 * (0.45 -> 0.8 s measured), and the shell parser's own time budget still applies there.
 */
export const SMALL_SCAN = 8;

/**
 * Files sent ahead to each worker. Workers post their outcomes in batches (see scan-worker.ts); a stopped worker's
 * queued files, and those it had not posted yet, are re-sent to a fresh one.
 */
const QUEUE_DEPTH = 32;

/** Default time budget for analysing one file (milliseconds). */
export const DEFAULT_FILE_TIME_BUDGET_MS = 5000;

/** The skip reason of a file whose analysis ran out of time. */
export function budgetReason(budgetMs: number): string {
  return `took longer than ${budgetMs} ms to analyse (the per-file time budget); not analysed`;
}

interface WorkerSpec {
  url: URL;
  execArgv?: string[];
}

/**
 * How scan workers are started: the built scan-worker.js beside this module. From the TypeScript sources (tests),
 * only when AZL_MIGRATE_TS_LOADER names a module that lets Node import TypeScript (test/support/ts-loader.mjs).
 */
function workerSpec(): WorkerSpec | undefined {
  if (process.env.AZL_MIGRATE_WORKERS === '0') return undefined;
  if (import.meta.url.endsWith('.js')) return { url: new URL('./scan-worker.js', import.meta.url) };
  const loader = process.env.AZL_MIGRATE_TS_LOADER;
  return loader ? { url: new URL('./scan-worker.ts', import.meta.url), execArgv: ['--import', loader] } : undefined;
}

/** A worker and, once it has failed or stopped, why (recorded from its start, so nothing is missed before use). */
interface Spawned {
  w: Worker;
  dead?: string;
}

function newWorker(spec: WorkerSpec): Spawned {
  const s: Spawned = { w: new Worker(spec.url, spec.execArgv ? { execArgv: spec.execArgv } : {}) };
  s.w.on('error', (e) => (s.dead ??= e.message));
  s.w.on('exit', (code) => (s.dead ??= `the scan worker stopped (exit code ${code})`));
  return s;
}

interface WorkItem {
  abs: string;
  rel: string;
  kind: FileKind;
}

/** A file as sent to a scan worker: its place in the scan's file list, and where and what it is. */
export type WorkerFile = WorkItem & { index: number };

/**
 * The files to analyse: all known at once (`done`), or arriving while discovery runs. Discovery pushes onto
 * `files` and calls `wake` (at most once per pause of the walk, see discovery.ts), and sets `done` at the end.
 */
class FileSource {
  done = false;
  /** Discovery failed: the scan is given up, files not yet analysed are left alone. */
  aborted = false;
  /** Called at every wake (the scan starts more workers as files arrive). */
  onWake?: () => void;
  /** Called at the next wake only. */
  private waiting: (() => void)[] = [];

  readonly files: WorkItem[];

  constructor(files: WorkItem[] = []) {
    this.files = files;
  }

  wake(): void {
    this.onWake?.();
    const w = this.waiting;
    this.waiting = [];
    for (const f of w) f();
  }

  nextWake(f: () => void): void {
    this.waiting.push(f);
  }

  async until(cond: () => boolean): Promise<void> {
    while (!cond()) await new Promise<void>((r) => this.nextWake(r));
  }
}

/** A source whose files are all known. */
function knownFiles(files: WorkItem[]): FileSource {
  const s = new FileSource(files);
  s.done = true;
  return s;
}

/**
 * Scan the files of `source`, as they arrive. Outcomes come back in the order of `source.files`.
 *
 * The per-file time budget is a hard bound only where a file is analysed off the main thread: synchronous code
 * (a YAML parse, a rule's regular expression) cannot be interrupted in the thread that runs it, and measuring
 * afterwards bounds nothing. So whenever worker threads can be used (the built CLI, shipped rules only), every
 * file is analysed in a worker, also for small scans (one worker); each worker records in shared memory which file
 * it is on and since when, the main thread checks that periodically, and when a file outlasts the budget,
 * terminates that worker, reports the file as skipped and hands the worker's other queued files to a fresh worker.
 * A worker that crashes (e.g. out of memory) costs only the file it was on.
 * Without workers (fewer than SMALL_SCAN files; project rules from a config, which are objects a worker cannot
 * rebuild; AZL_MIGRATE_WORKERS=0; the TypeScript sources) files are analysed in this thread, bounded only by the
 * shell parser's own budget.
 */
async function scanAll(source: FileSource, rules: Rule[], targetId: string, opts: ScanOptions, spec: WorkerSpec | undefined, early: Spawned | undefined): Promise<FileOutcome[]> {
  const budget = opts.fileTimeBudgetMs ?? DEFAULT_FILE_TIME_BUDGET_MS;
  const files = source.files;
  const outcomes: FileOutcome[] = [];
  let done = 0;
  const progress = (i: number) => opts.onProgress?.(++done, files.length, files[i]!.rel, !source.done);
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  // The usable CPUs, read once per scan: the worker count is asked at every pause of discovery (about 900 times
  // for 10,000 files), and each reading opens /proc/self/cgroup and the cgroup's CPU quota files.
  let cpuCount: number | undefined;
  const cpus = () => (cpuCount ??= usableCpus());
  // Enough files to tell whether workers are worth starting (see below), or all of them.
  await source.until(() => source.done || files.length >= (budget > 0 ? SMALL_SCAN : PARALLEL_THRESHOLD + 1));
  if (!spec || (source.done && (files.length < SMALL_SCAN || (budget <= 0 && workerCount(files.length, opts.jobs, cpus, estimatedWorkUs(files)) < 2)))) {
    void early?.w.terminate();
    await source.until(() => source.done);
    for (let i = 0; i < files.length && !source.aborted; i++) {
      const f = files[i]!;
      outcomes[i] = await scanFile(f.abs, f.rel, f.kind, rules, targetId, max);
      progress(i);
    }
    return outcomes;
  }
  const ruleIds = rules.map((r) => r.meta.id);
  // Files to (re)do first: the queued files of a worker that was stopped.
  const retry: number[] = [];
  let next = 0;
  const take = (): number | undefined => (source.aborted ? undefined : retry.length ? retry.shift() : next < files.length ? next++ : undefined);
  const pending = () => !source.aborted && (retry.length > 0 || next < files.length || !source.done);

  // Workers that cannot even start (a broken install) leave their files to this thread.
  let broken = false;
  // One lane per worker; a lane whose worker is stopped goes on with a fresh one while files remain.
  const lane = (_: unknown, k: number) =>
    new Promise<void>((resolveLane) => {
      let spare = k === 0 ? early : undefined;
      const startWorker = () => {
        const sp = spare ?? newWorker(spec);
        const w = sp.w;
        spare = undefined;
        const inFlight = new Set<number>();
        // What the worker is on, written by the worker: [file index or -1, start time in ms since `base`].
        const status = new Int32Array(new SharedArrayBuffer(8));
        status[0] = -1;
        const base = Date.now();
        let watch: NodeJS.Timeout | undefined;
        let over = false;
        let started = false;
        const finish = (i: number, o: FileOutcome) => {
          if (!inFlight.delete(i)) return;
          outcomes[i] = o;
          progress(i);
        };
        const end = () => {
          over = true;
          clearInterval(watch);
          void w.terminate();
          retry.unshift(...inFlight);
          inFlight.clear();
          if (pending() && !broken) startWorker();
          else resolveLane();
        };
        // Keep files queued per worker so that it never waits for this thread, which competes with the workers for
        // a core (with two files queued, workers sat idle 11 % of the time on two cores).
        // The files for the free places go in one message: a message per file cost both threads a wake-up each.
        const feed = () => {
          if (over) return;
          const items: WorkerFile[] = [];
          while (inFlight.size < QUEUE_DEPTH) {
            const i = take();
            if (i === undefined) break;
            const f = files[i]!;
            inFlight.add(i);
            items.push({ index: i, abs: f.abs, rel: f.rel, kind: f.kind });
          }
          if (items.length > 0) w.postMessage({ type: 'files', items });
          // Out of work: the lane ends once discovery has, and meanwhile waits for it to find more.
          if (inFlight.size === 0) {
            if (source.done) end();
            else source.nextWake(feed);
          }
        };
        /** The file the worker is analysing, if any. */
        const current = (): number | undefined => {
          const i = Atomics.load(status, 0);
          return i >= 0 && inFlight.has(i) ? i : undefined;
        };
        /** Give up on file i (out of time, or the worker died on it); the worker's other files go to a fresh one. */
        const giveUp = (i: number | undefined, reason: string) => {
          if (over) return;
          if (i !== undefined) finish(i, skippedOutcome(reason));
          end();
        };
        const died = (why: string) => {
          if (over) return;
          if (!started) {
            broken = true;
            end();
          } else giveUp(current() ?? inFlight.values().next().value, internalErrorReason(why));
        };
        if (budget > 0) {
          // One check every quarter budget (at most every 250 ms) instead of a message and a timer per file.
          watch = setInterval(() => {
            const i = current();
            if (i !== undefined && Date.now() - base - Atomics.load(status, 1) > budget) giveUp(i, budgetReason(budget));
          }, Math.max(10, Math.min(250, Math.floor(budget / 4))));
        }
        w.on('message', (m: { type: 'ready' } | { type: 'results'; results: { index: number; outcome: FileOutcome }[] }) => {
          if (over) return;
          started = true;
          if (m.type === 'ready') return;
          for (const r of m.results) finish(r.index, r.outcome);
          feed();
        });
        w.on('error', (e) => died(e.message));
        w.on('exit', (code) => died(`the scan worker stopped (exit code ${code})`));
        if (sp.dead !== undefined) return died(sp.dead);
        w.postMessage({ type: 'init', ruleIds, targetId, maxFileSize: max, status: status.buffer, base });
        feed();
      };
      startWorker();
    });
  // One lane to begin with, more as discovery finds files (workerCount: per PARALLEL_THRESHOLD files and, by
  // default, per WORKER_WORK_US of estimated work).
  const lanes: Promise<void>[] = [];
  let counted = 0;
  let workUs = 0;
  const grow = () => {
    workUs += estimatedWorkUs(files, counted);
    counted = files.length;
    while (!broken && lanes.length < Math.max(1, workerCount(files.length, opts.jobs, cpus, workUs))) lanes.push(lane(undefined, lanes.length));
  };
  source.onWake = grow;
  grow();
  for (let settled = 0; settled < lanes.length; ) {
    settled = lanes.length;
    await Promise.all(lanes);
  }
  await source.until(() => source.done);
  for (let i = 0; i < files.length && !source.aborted; i++) {
    if (outcomes[i]) continue;
    const f = files[i]!;
    outcomes[i] = await scanFile(f.abs, f.rel, f.kind, rules, targetId, max);
    progress(i);
  }
  return outcomes;
}

/**
 * With a cache file: outcomes of files whose bytes did not change come from the cache, the others are analysed
 * (and stored). Without one: every file is analysed.
 */
async function analyseWithCache(files: WorkItem[], rules: Rule[], targetId: string, opts: ScanOptions, spec: WorkerSpec | undefined, early: Spawned | undefined, result: ScanResult): Promise<FileOutcome[]> {
  if (!opts.cacheFile) return scanAll(knownFiles(files), rules, targetId, opts, spec, early);
  const { cacheKey, loadCache, saveCache, contentHash } = await import('./cache.js');
  const max = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const key = cacheKey({ version: TOOL_VERSION, target: targetId, ruleIds: rules.map((r) => r.meta.id), maxFileSize: max });
  const cached = loadCache(opts.cacheFile, key);
  const outcomes: FileOutcome[] = new Array(files.length);
  const shas: string[] = new Array(files.length);
  const misses: number[] = [];
  files.forEach((f, i) => {
    const buf = readBounded(f.abs, max);
    if (typeof buf === 'string') {
      outcomes[i] = skippedOutcome(buf);
      return;
    }
    shas[i] = contentHash(buf);
    const hit = cached.get(f.rel);
    if (hit && hit.sha === shas[i]) outcomes[i] = hit.outcome;
    else misses.push(i);
  });
  const analysed = await scanAll(knownFiles(misses.map((i) => files[i]!)), rules, targetId, opts, spec, early);
  misses.forEach((i, k) => (outcomes[i] = analysed[k]!));
  const entries = new Map<string, { sha: string; outcome: FileOutcome }>();
  files.forEach((f, i) => {
    // Outcomes that depend on time (the per-file budget) or on the machine (unreadable files) are not kept.
    if (shas[i] && !/took longer than|cannot read/.test(outcomes[i]!.skipped ?? '')) entries.set(f.rel, { sha: shas[i]!, outcome: outcomes[i]! });
  });
  await saveCache(opts.cacheFile, key, entries);
  result.cache = { file: opts.cacheFile, reused: files.length - misses.length, analysed: misses.length };
  return outcomes;
}

/**
 * Findings that hold only unless another file declares a key (ReportInput.unlessDeclaredElsewhere) are dropped when
 * one does, and kept otherwise; the key itself is never reported.
 */
export function settleAcrossFiles(files: readonly { rel: string }[], outcomes: FileOutcome[]): void {
  const settled = settledElsewhere(files, outcomes);
  for (const o of outcomes) {
    if (!o.findings.some((f) => f.unlessDeclaredElsewhere !== undefined)) continue;
    o.findings = o.findings.flatMap((f) => {
      if (f.unlessDeclaredElsewhere === undefined) return [f];
      if (settled(f)) return [];
      const { unlessDeclaredElsewhere: _, ...kept } = f;
      return [kept];
    });
  }
}

/** Whether another of `files` declares a key a finding holds only without (outcomes in the order of `files`). */
export function settledElsewhere(files: readonly { rel: string }[], outcomes: readonly Pick<FileOutcome, 'declares'>[]): (f: Finding) => boolean {
  const declaredBy = new Map<string, Set<string>>();
  outcomes.forEach((o, i) => {
    for (const k of o.declares ?? []) {
      let s = declaredBy.get(k);
      if (!s) declaredBy.set(k, (s = new Set()));
      s.add(files[i]!.rel);
    }
  });
  return (f) => (f.unlessDeclaredElsewhere ?? []).some((k) => [...(declaredBy.get(k) ?? [])].some((file) => file !== f.file));
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const root = resolve(opts.root);
  const targetId = opts.target ?? DEFAULT_TARGET;
  loadTarget(targetId);
  const rules = opts.rules ?? allRules();
  const budget = opts.fileTimeBudgetMs ?? DEFAULT_FILE_TIME_BUDGET_MS;
  const shipped = new Set(allRules());
  const spec = rules.every((r) => shipped.has(r)) ? workerSpec() : undefined;
  // With a time budget, files are analysed in workers: the first one starts now, loading while discovery runs,
  // unless the scan names a few files only (an editor or pre-commit hook: a worker would double the start-up).
  const fewFiles = (opts.paths?.length ?? 0) > 0 && opts.paths!.length < SMALL_SCAN && opts.paths!.every((p) => /\.[A-Za-z0-9]+$|(^|\/)(Dockerfile|Containerfile)[^/]*$/.test(p));
  const early = spec && budget > 0 && !fewFiles ? newWorker(spec) : undefined;
  const inc = opts.include?.length ? ignore().add(opts.include) : undefined;
  const exc = opts.exclude?.length ? ignore().add(opts.exclude) : undefined;
  const wanted = (rel: string) => (!inc || inc.ignores(rel)) && !exc?.ignores(rel);
  // Without a cache, files are analysed while discovery goes on: workers start on the first files found
  // instead of waiting for the walk of the whole tree (half a second for 10,000 files on the bench machine).
  // With a cache, every file's hash is needed first (analyseWithCache).
  const streaming = spec !== undefined && !opts.cacheFile && !fewFiles && (budget > 0 || workerCount(Infinity, opts.jobs) > 1);
  const source = new FileSource();
  const analysing = streaming ? scanAll(source, rules, targetId, opts, spec, early) : undefined;
  const found = streaming
    ? {
        onFile: (f: WorkItem) => {
          if (wanted(f.rel)) source.files.push({ abs: f.abs, rel: f.rel, kind: f.kind });
        },
        onPause: () => source.wake(),
      }
    : {};
  let disc;
  try {
    disc = await discover(root, opts.paths?.length ? opts.paths : ['.'], { maxFileSize: opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, ...(opts.exclude?.length ? { exclude: opts.exclude } : {}), ...found });
  } catch (e) {
    // The scan is given up: workers finish the files they have and stop.
    source.aborted = true;
    source.done = true;
    source.wake();
    await analysing?.catch(() => undefined);
    void early?.w.terminate();
    throw e;
  }
  disc.files = disc.files.filter((f) => wanted(f.rel));
  source.done = true;
  source.wake();
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
  let outcomes: FileOutcome[];
  if (analysing) {
    // In the order found; the report lists files sorted, as discovery returns them.
    const got = await analysing;
    const byRel = new Map(source.files.map((f, i) => [f.rel, got[i]!]));
    outcomes = disc.files.map((f) => byRel.get(f.rel)!);
  } else outcomes = await analyseWithCache(disc.files, rules, targetId, opts, spec, early, result);
  settleAcrossFiles(disc.files, outcomes);
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
