import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, isAbsolute, join } from 'node:path';
import { DEFAULT_CACHE_FILE } from '../cache.js';
import { UsageError, DEFAULT_TARGET } from '../knowledge/target.js';
import type { Severity } from '../core/types.js';
import type { Rule } from '../core/rule.js';
import { allRules } from '../rules/index.js';
import { checkRuleIds, findConfigFile, type Config } from '../policy/config.js';
import { createBaseline, parseBaseline, renderBaseline, type Baseline } from '../policy/baseline.js';
import { POLICY_RULES } from '../policy/meta.js';
import { gateFails } from '../policy/gate.js';
import { writeFileAtomic } from './io.js';
import type { ScanResult } from '../scan.js';
import type { Io } from './run.js';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputSpec {
  format: Format;
  /** Absent: standard output. */
  file?: string;
}

export interface ScanCliOptions {
  root?: string;
  target?: string;
  failOn?: Severity | 'none';
  failOnBlocker?: boolean;
  /** A path, or false for --no-config. */
  config?: string | false;
  baseline?: string;
  updateBaseline?: boolean;
  changedSince?: string;
  showSuppressed?: boolean;
  maxFileSize?: number;
  /** --file-time-budget <ms>. */
  fileTimeBudget?: number;
  /** --cache / --cache-location <file>. */
  cache?: boolean;
  cacheLocation?: string;
  /** --jobs <n>: n worker threads (at most one per 200 files). */
  jobs?: number;
  /** A --format or --output was given (the interactive report is then never used). */
  explicitOutput?: boolean;
}

/**
 * Pair --format and --output in command-line order: an --output goes with the latest --format that has none
 * yet, else with the next --format; with no --format at all it takes the text report. At most one report
 * goes to standard output, and no two to the same file.
 */
export function outputSpecs(events: { kind: 'format' | 'output'; value: string }[]): OutputSpec[] {
  const specs: OutputSpec[] = [];
  const pending: string[] = [];
  for (const e of events) {
    if (e.kind === 'format') {
      const spec: OutputSpec = { format: e.value as Format };
      const p = pending.shift();
      if (p !== undefined) spec.file = p;
      specs.push(spec);
    } else {
      const last = specs[specs.length - 1];
      if (last && last.file === undefined) last.file = e.value;
      else pending.push(e.value);
    }
  }
  if (specs.length === 0) {
    if (pending.length > 1) throw new UsageError('several --output files but no --format: give a --format before each --output');
    return [{ format: 'text', ...(pending[0] !== undefined ? { file: pending[0] } : {}) }];
  }
  if (pending.length) throw new UsageError(`--output ${pending[0]} has no --format of its own: give a --format before it`);
  const toStdout = specs.filter((s) => s.file === undefined);
  if (toStdout.length > 1) throw new UsageError(`only one report can go to standard output, and ${toStdout.map((s) => s.format).join(' and ')} have no --output`);
  const files = specs.flatMap((s) => (s.file ? [resolve(s.file)] : []));
  const dup = files.find((f, i) => files.indexOf(f) !== i);
  if (dup) throw new UsageError(`two reports would be written to ${dup}`);
  return specs;
}

export interface Project {
  config: Config;
  /** Rules to run (config's off rules left out). */
  run: Rule[];
  /** Project rules from rule-dirs. */
  custom: Rule[];
  /** Every rule id that exists. */
  known: Set<string>;
}

/** Read the config (unless --no-config), load project rules and check the config's rule ids. */
export async function loadProject(root: string, configOpt: string | false | undefined, io: Io): Promise<Project> {
  let config: Config = {};
  if (configOpt !== false) {
    const file = typeof configOpt === 'string' ? resolve(io.cwd, configOpt) : findConfigFile(root);
    if (typeof configOpt === 'string' && !existsSync(file!)) throw new UsageError(`config file not found: ${configOpt}`);
    if (file) config = (await import('../policy/config-file.js')).loadConfigFile(file);
  }
  // Rules: shipped, plus the config's rule folders; the config's rule ids must all exist.
  let rules: Rule[] = allRules();
  let custom: Rule[] = [];
  if (config.ruleDirs?.length) {
    const { loadRuleDirs } = await import('../policy/custom-rules.js');
    custom = loadRuleDirs(config.ruleDirs, new Set([...rules.map((r) => r.meta.id), ...POLICY_RULES.map((r) => r.id)]));
    rules = [...rules, ...custom];
  }
  const known = new Set([...rules.map((r) => r.meta.id), ...POLICY_RULES.map((r) => r.id)]);
  checkRuleIds(config, known);
  return { config, run: rules.filter((r) => !config.rules?.[r.meta.id]?.off), custom, known };
}

/** Scan with the project's config: target, include/exclude, rules; project rules get their own docs URL. */
export async function scanProject(where: { root: string; rel: string[] }, project: Project, opts: { target?: string; maxFileSize?: number; cacheFile?: string; fileTimeBudgetMs?: number; jobs?: number; onProgress?: (done: number, total: number, file: string, finding?: boolean) => void }): Promise<ScanResult> {
  const { config, custom } = project;
  const { scan } = await import('../scan.js');
  const scanned = await scan({
    root: where.root,
    paths: where.rel,
    target: opts.target ?? config.target ?? DEFAULT_TARGET,
    rules: project.run,
    ...(opts.maxFileSize ? { maxFileSize: opts.maxFileSize } : {}),
    ...(opts.cacheFile ? { cacheFile: opts.cacheFile } : {}),
    ...(opts.fileTimeBudgetMs !== undefined ? { fileTimeBudgetMs: opts.fileTimeBudgetMs } : {}),
    ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(config.include ? { include: config.include } : {}),
    ...(config.exclude ? { exclude: config.exclude } : {}),
  });
  if (custom.length) {
    // Project rules have no rules/<id>/rule.md in azl-migrate: their docs are their help-uri, if any.
    const docs = new Map(custom.map((r) => [r.meta.id, (r.meta as { helpUri?: string }).helpUri ?? '']));
    scanned.customRuleIds = [...docs.keys()];
    scanned.findings = scanned.findings.map((f) => (docs.has(f.ruleId) ? { ...f, docsUrl: docs.get(f.ruleId)! } : f));
  }
  return scanned;
}

/** The `scan` command: config, scan, policy, reports, gate. Returns the exit code. */
export async function runScan(where: { root: string; rel: string[] }, opts: ScanCliOptions, specs: OutputSpec[], io: Io): Promise<number> {
  const { root } = where;
  const env = io.env ?? process.env;
  const project = await loadProject(root, opts.config, io);
  const { config, known } = project;

  const failOn = opts.failOn ?? config.failOn ?? 'error';
  const failOnBlocker = opts.failOnBlocker ?? config.failOnBlocker ?? false;
  const baselineFile = opts.baseline ? resolve(io.cwd, opts.baseline) : config.baseline;
  if (opts.updateBaseline && !baselineFile) throw new UsageError('--update-baseline needs --baseline <file> (or baseline: in the config)');
  if (opts.updateBaseline && opts.changedSince) throw new UsageError('--update-baseline cannot be combined with --changed-since (the baseline would lose every finding on unchanged lines)');
  let baseline: Baseline | undefined;
  if (baselineFile && !opts.updateBaseline) {
    if (!existsSync(baselineFile)) throw new UsageError(`baseline file not found: ${displayPath(io.cwd, baselineFile)} (create it with --update-baseline)`);
    baseline = parseBaseline(readFileSync(baselineFile, 'utf8'), displayPath(io.cwd, baselineFile));
  }
  // Changed lines are computed before the scan so that a git error stops the run early.
  let changed: { ref: string; lines: import('../policy/changed-lines.js').ChangedLines } | undefined;
  if (opts.changedSince) {
    const { gitChangedLines } = await import('../policy/changed-lines.js');
    changed = { ref: opts.changedSince, lines: gitChangedLines(root, opts.changedSince) };
  }

  const { applyPolicy } = await import('../policy/index.js');
  // Decided before anything of Ink is loaded (src/ui/mode.ts states the rule).
  const { wantsInteractive, wantsProgress } = await import('../ui/mode.js');
  const interactive = wantsInteractive(io.tty, env, opts.explicitOutput ?? false);
  const progress = wantsProgress(io.tty, env) ? (await import('../ui/progress.js')).progressLine(io.stderr, io.tty?.columns ? { columns: io.tty.columns } : {}) : undefined;
  let scanned: ScanResult;
  try {
    const cacheFile = opts.cacheLocation ? resolve(io.cwd, opts.cacheLocation) : opts.cache ? join(where.root, DEFAULT_CACHE_FILE) : undefined;
    scanned = await scanProject(where, project, { ...(opts.target ? { target: opts.target } : {}), ...(opts.maxFileSize ? { maxFileSize: opts.maxFileSize } : {}), ...(cacheFile ? { cacheFile } : {}), ...(opts.fileTimeBudget !== undefined ? { fileTimeBudgetMs: opts.fileTimeBudget } : {}), ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}), ...(progress ? { onProgress: progress.update } : {}) });
  } finally {
    progress?.done();
  }
  if (scanned.cache) io.stderr(`azl-migrate: cache ${displayPath(io.cwd, scanned.cache.file)}: ${scanned.cache.reused} file${scanned.cache.reused === 1 ? '' : 's'} reused, ${scanned.cache.analysed} analysed\n`);
  const common = { knownRuleIds: known, now: io.now ?? new Date(), ...(config.rules ? { rules: config.rules } : {}), showSuppressed: opts.showSuppressed ?? false };
  if (opts.updateBaseline && baselineFile) {
    const pre = applyPolicy(scanned, common).result;
    baseline = createBaseline(pre.findings, pre.target);
    await writeFileAtomic(baselineFile, renderBaseline(baseline));
    io.stderr(`azl-migrate: baseline written to ${displayPath(io.cwd, baselineFile)} (${baseline.findings.length} finding${baseline.findings.length === 1 ? '' : 's'})\n`);
  }
  const policy = {
    ...common,
    ...(changed ? { changed } : {}),
    ...(baseline && baselineFile ? { baseline: { file: displayPath(io.cwd, baselineFile), data: baseline } } : {}),
  };
  const { result } = applyPolicy(scanned, policy);

  if (interactive) {
    const { createSession } = await import('../ui/session.js');
    const { runInteractive } = await import('../ui/render.js');
    await runInteractive(result, createSession({ result, root, rules: project.run, policy, ...(opts.maxFileSize ? { maxFileSize: opts.maxFileSize } : {}) }));
    return gateFails(result.findings, { failOn, failOnBlocker }) ? 1 : 0;
  }

  for (const spec of specs) {
    const report = await render(spec.format, result, root, env);
    if (spec.file) {
      await writeFileAtomic(resolve(io.cwd, spec.file), report);
      io.stderr(`azl-migrate: ${spec.format} report written to ${spec.file}\n`);
    } else io.stdout(report);
  }
  return gateFails(result.findings, { failOn, failOnBlocker }) ? 1 : 0;
}

async function render(format: Format, result: import('../scan.js').ScanResult, root: string, env: Record<string, string | undefined>): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('../reporters/json.js')).renderJson(result);
    case 'sarif':
      return (await import('../reporters/sarif.js')).renderSarif(result);
    case 'junit':
      return (await import('../reporters/junit.js')).renderJunit(result);
    case 'github': {
      const ws = env.GITHUB_WORKSPACE;
      let pathPrefix = '';
      if (ws) {
        const r = relative(resolve(ws), root);
        if (r && !r.startsWith('..') && !isAbsolute(r)) pathPrefix = r.split('\\').join('/');
      }
      return (await import('../reporters/github.js')).renderGithub(result, { pathPrefix });
    }
    default:
      return (await import('../reporters/text.js')).renderText(result);
  }
}

function displayPath(cwd: string, abs: string): string {
  const r = relative(cwd, abs);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : abs;
}
