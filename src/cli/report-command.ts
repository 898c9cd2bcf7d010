import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { SEVERITIES } from '../core/types.js';
import { UsageError, loadTarget } from '../knowledge/target.js';
import { allRules } from '../rules/index.js';
import { POLICY_RULES } from '../policy/meta.js';
import type { ReportableResult, RepoInput } from '../reporters/readiness.js';
import { docsUrl } from '../core/engine.js';
import { helpUri } from '../reporters/links.js';
import { TOOL_VERSION } from '../version.js';
import { writeFileAtomic } from './io.js';
import { loadProject, scanProject } from './scan-command.js';
import type { Io } from './run.js';

export interface ReportCliOptions {
  format: 'html' | 'md';
  output?: string;
  root?: string;
  target?: string;
  config?: string | false;
  name?: string;
  title?: string;
  /** --jobs <n>: n worker threads for what is scanned (at most one per 200 files). */
  jobs?: number;
}


/** A saved `azl-migrate scan --format json` report, checked enough to be reported on. */
export function parseSavedResult(text: string, name: string): ReportableResult {
  let o: any;
  try {
    o = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${name} is not valid JSON: ${(e as Error).message}`);
  }
  const bad = (why: string) => new UsageError(`${name} is not a saved azl-migrate JSON report (${why}); make one with: azl-migrate scan --format json -o ${name}`);
  if (!o || typeof o !== 'object' || o.version !== 1 || o.tool?.name !== 'azl-migrate') throw bad('expected version 1 from azl-migrate');
  if (typeof o.target !== 'string' || !Array.isArray(o.findings) || !Array.isArray(o.files?.scanned) || !Array.isArray(o.files?.skipped)) throw bad('target, files and findings are missing');
  o.findings.forEach((f: any, i: number) => {
    if (!f || typeof f.ruleId !== 'string' || typeof f.file !== 'string' || !(SEVERITIES as readonly unknown[]).includes(f.severity) || typeof f.line !== 'number' || typeof f.message !== 'string') {
      throw bad(`findings[${i}] lacks ruleId, file, severity, line or message`);
    }
  });
  return {
    target: o.target,
    tool: o.tool,
    files: { scanned: o.files.scanned.map((s: any) => ({ file: String(s.file), kind: String(s.kind ?? 'other') })), skipped: o.files.skipped.map((s: any) => ({ file: String(s.file), reason: String(s.reason ?? '') })) },
    findings: o.findings.map((f: any) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      blocker: f.blocker === true,
      category: typeof f.category === 'string' ? f.category : 'other',
      file: f.file,
      line: f.line,
      column: typeof f.column === 'number' ? f.column : 1,
      message: f.message,
      ...(typeof f.why === 'string' ? { why: f.why } : {}),
      ...(typeof f.action === 'string' ? { action: f.action } : {}),
      ...(typeof f.evidence === 'string' ? { evidence: f.evidence } : {}),
      ...(f.status === 'baselined' || f.status === 'suppressed' || f.status === 'open' ? { status: f.status } : {}),
    })),
  };
}

function isJsonFile(abs: string): boolean {
  try {
    return abs.endsWith('.json') && statSync(abs).isFile();
  } catch {
    return false;
  }
}

/**
 * `azl-migrate report [paths or saved JSON results...]`: each saved JSON report is one repository (named
 * after its file); the other paths are scanned together as one more (named after the scan root, or --name).
 */
export async function runReport(inputs: string[], opts: ReportCliOptions, io: Io, scanRoot: (paths: string[], root: string | undefined, cwd: string) => { root: string; rel: string[] }): Promise<number> {
  const jsonInputs = inputs.filter((p) => isJsonFile(resolve(io.cwd, p)));
  const paths = inputs.filter((p) => !jsonInputs.includes(p));
  const repos: RepoInput[] = [];
  const names = new Map<string, number>();
  const unique = (n: string) => {
    const k = (names.get(n) ?? 0) + 1;
    names.set(n, k);
    return k === 1 ? n : `${n} (${k})`;
  };
  if (paths.length || jsonInputs.length === 0) {
    // One folder given: it is the repository, and its own root.
    const one = paths.length === 1 && !opts.root && statSync(resolve(io.cwd, paths[0]!), { throwIfNoEntry: false })?.isDirectory();
    const where = one ? { root: resolve(io.cwd, paths[0]!), rel: ['.'] } : scanRoot(paths.length ? paths : ['.'], opts.root, io.cwd);
    const project = await loadProject(where.root, opts.config, io);
    const scanned = await scanProject(where, project, { ...(opts.target ? { target: opts.target } : {}), ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}) });
    const { applyPolicy } = await import('../policy/index.js');
    const { result } = applyPolicy(scanned, { knownRuleIds: project.known, now: io.now ?? new Date(), ...(project.config.rules ? { rules: project.config.rules } : {}), showSuppressed: true });
    repos.push({ name: unique(opts.name ?? basename(where.root)), result });
  }
  for (const j of jsonInputs) {
    const abs = resolve(io.cwd, j);
    repos.push({ name: unique(basename(abs, '.json')), result: parseSavedResult(readFileSync(abs, 'utf8'), j) });
  }
  const { computeReadiness } = await import('../reporters/readiness.js');
  const shipped = new Set(allRules().map((r) => r.meta.id));
  const readiness = computeReadiness(repos, {
    rules: [...allRules().map((r) => r.meta), ...POLICY_RULES],
    target: (id) => {
      try {
        return loadTarget(id);
      } catch {
        return undefined;
      }
    },
  });
  const doc = {
    generatedAt: (io.now ?? new Date()).toISOString().slice(0, 10),
    toolVersion: TOOL_VERSION,
    docsUrl: (id: string) => (shipped.has(id) || id.startsWith('suppression/') ? helpUri(docsUrl(id)) : undefined),
    ...(opts.title ? { title: opts.title } : {}),
  };
  const text = opts.format === 'html' ? (await import('../reporters/html.js')).renderHtml(readiness, doc) : (await import('../reporters/markdown.js')).renderMarkdown(readiness, doc);
  if (opts.output) {
    await writeFileAtomic(resolve(io.cwd, opts.output), text);
    io.stderr(`azl-migrate: ${opts.format === 'html' ? 'HTML' : 'Markdown'} report written to ${opts.output} (${repos.length} repositor${repos.length === 1 ? 'y' : 'ies'}, readiness ${readiness.score}/100)\n`);
  } else io.stdout(text);
  return 0;
}
