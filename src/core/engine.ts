import * as crypto from 'node:crypto';
import type { FileFacts, ShellCommand } from './facts.js';
import type { Rule, RuleContext, ReportInput } from './rule.js';
import type { Finding } from './types.js';
import type { TargetProfile } from '../knowledge/target.js';
import { reachOf, RPM_WORLDS } from '../languages/shell/model.js';
import { F, T } from '../languages/shell/conditions.js';
import { WORLDS } from '../languages/shell/worlds.js';
import { posix } from 'node:path';
import { ansibleOf, OS_FACT, roleDirOf } from '../languages/ansible/facts.js';
import { otherDistroFactName } from '../languages/ansible/when.js';

/**
 * Whether a command only runs on other distributions and the file handles the RPM family elsewhere: then it is
 * not a migration break (an apt-get in the Debian arm of a distro switch that also has a dnf arm).
 */
export function gatedAway(cmd: ShellCommand, targetWorld: string, fileHasRpmBranch: boolean): boolean {
  if (!fileHasRpmBranch || cmd.gates.length === 0) return false;
  const ti = WORLDS.findIndex((w) => w.name === targetWorld);
  return reachOf(cmd.gates)[ti] === F;
}

/** Some non-trivial branch of a distro check runs on an RPM-family system. */
export function hasRpmBranch(facts: FileFacts): boolean {
  return facts.detections.some((d) => d.branches.some((b) => !b.trivial && RPM_WORLDS.some((i) => b.reach[i] === T && reachOf(d.gates)[i] !== F)));
}

/** Where a rule's docs live, relative to the package root: its rule.md, or the README section for suppression/* ids. */
export function docsUrl(ruleId: string): string {
  return ruleId.startsWith('suppression/') ? 'README.md#inline-suppressions' : `rules/${ruleId}/rule.md`;
}

export function fingerprintOf(ruleId: string, file: string, evidence: string, occurrence: number): string {
  const norm = evidence.replace(/\s+/g, ' ').trim();
  return sha256Hex(`${ruleId}\0${file}\0${norm}\0${occurrence}`).slice(0, 32);
}

/**
 * SHA-256 of a string, in hex. Node's one-shot crypto.hash (20.12 on) costs less than half a Hash object per call
 * (a fingerprint for every finding: 0.6 against 1.4 µs measured); older Node 20 releases use createHash.
 */
const sha256Hex: (s: string) => string =
  typeof crypto.hash === 'function' ? (s) => crypto.hash('sha256', s, 'hex') : (s) => crypto.createHash('sha256').update(s).digest('hex');

export interface EngineOptions {
  rules: Rule[];
  target: TargetProfile;
  /** Receives the keys the rules declare for the rest of the project (RuleContext.declare). */
  declared?: Set<string>;
}

/** Run every rule over one file's facts. Pure: no I/O. Findings come back sorted by position. */
export function runRules(facts: FileFacts, opts: EngineOptions): Finding[] {
  const findings: Finding[] = [];
  const occurrences = new Map<string, number>();
  // Facts inside code gated to other distributions, filtered once for all the rules that do not see such code.
  const rpmBranch = hasRpmBranch(facts);
  const world = opts.target.world;
  let commands = facts.commands;
  let paths = facts.paths;
  let packages = facts.packages;
  const gated = rpmBranch ? facts.commands.filter((c) => gatedAway(c, world, rpmBranch)) : undefined;
  if (gated && gated.length > 0) {
    const skip = new Set(gated);
    commands = commands.filter((c) => !skip.has(c));
    paths = paths.filter((p) => !p.command || !skip.has(p.command));
    packages = packages.filter((p) => !p.command || !skip.has(p.command));
  }

  // One context for the file: the rules run one after another, each created and then visited before the next, so
  // `report` credits the rule that is running. (A context and two closures per rule and file took 10 to 20 % of the
  // rules' time on the bench's small Ansible files, to each of which 84 rules apply.)
  const rules = rulesFor(opts.rules, facts.kind);
  let rule = rules[0];
  const declared = opts.declared;
  const ctx: RuleContext = {
    facts,
    target: opts.target,
    report: (r: ReportInput) => findings.push(makeFinding(rule!, facts, r, occurrences)),
    declare: (key: string) => declared?.add(key),
  };
  for (let k = 0; k < rules.length; k++) {
    rule = rules[k]!;
    const v = rule.create(ctx);
    const sees = rule.meta.seesGatedCode === true;
    // Each rule's visitors object has its own shape, so reading a visitor from it is a megamorphic property load:
    // read each once per file, not once per fact.
    const { command, image, path, package: pkg, assignment, detection, end } = v;
    if (command) for (const c of sees ? facts.commands : commands) command.call(v, c);
    if (image) for (const i of facts.images) image.call(v, i);
    if (path) for (const p of sees ? facts.paths : paths) path.call(v, p);
    if (pkg) for (const p of sees ? facts.packages : packages) pkg.call(v, p);
    if (assignment) for (const a of facts.assignments) assignment.call(v, a);
    if (detection) for (const d of facts.detections) detection.call(v, d);
    end?.call(v);
  }
  if (facts.kind === 'ansible') {
    // A tasks file included only on other distributions, by a file that handles the RPM family too
    // (`include_tasks: setup-Debian.yml` when os_family == 'Debian', beside setup-RedHat.yml), is gated away as a
    // whole, as a task gated in its own file is: rules that leave gated code alone leave that file alone.
    for (const k of includeKeys(facts, world, rpmBranch)) opts.declared?.add(k);
    if (findings.length > 0) {
      const own = [includedGatedAwayKey(facts.file), ...keyedNamesOf(facts.file)];
      const gatedIds = seesGatedIds(opts.rules);
      for (const f of findings) {
        if (gatedIds.has(f.ruleId)) continue;
        f.unlessDeclaredElsewhere = [...(f.unlessDeclaredElsewhere ?? []), ...own];
      }
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return dedupe(findings);
}

const includedGatedAwayKey = (file: string) => `ansible/included-only-on-other-distros:${file}`;

/** The key of a file name with `{}` in place of the OS fact (`roles/x/tasks/setup-{}.yml`). */
const keyedIncludeKey = (pattern: string) => `ansible/keyed-include:${pattern}`;

/** A path whose only template is the OS fact, as a whole (`setup-{{ ansible_os_family }}.yml`, `| lower` allowed). */
const KEYED_NAME = new RegExp(String.raw`^([^{}]*)\{\{-?\s*(?:${OS_FACT})\s*(?:\|\s*lower\s*)?-?\}\}([^{}]*)$`);

const INCLUDES = new Set(['ansible.builtin.include_tasks', 'ansible.builtin.import_tasks', 'ansible.builtin.include']);

/**
 * What this Ansible file's includes say about the files they read, as keys for the rest of the scan (resolved from
 * the including file's folder and, in a role, from the role's tasks/ folder, as Ansible looks there):
 * - a tasks file included only on systems outside the RPM family (Debian, Ubuntu, Alpine, Suse), by a file that has
 *   a branch for the RPM family (`include_tasks: setup-Debian.yml` when os_family == 'Debian', beside
 *   setup-RedHat.yml). setup-RedHat.yml, included where os_family == 'RedHat', stays analysed, as the RPM path that
 *   Azure Linux 4.0 will take once its gate is fixed (ansible/os-family-gate reports the gate). Other names built
 *   from variables are not followed.
 * - an include keyed on the OS fact (`include_tasks: setup-{{ ansible_os_family }}.yml`), as a file-name pattern:
 *   the file it reads on Debian (`setup-Debian.yml`) runs only there (keyedNamesOf). No RPM branch is asked for:
 *   the pattern's RPM file is what the include reads on the RPM family, and ansible/os-family-gate reports the
 *   include itself when none fits Azure Linux 4.0.
 */
function includeKeys(facts: FileFacts, world: string, rpmBranch: boolean): string[] {
  const a = ansibleOf(facts);
  if (!a) return [];
  const ti = WORLDS.findIndex((w) => w.name === world);
  let bases: string[] | undefined;
  const out: string[] = [];
  for (const t of a.tasks) {
    if (!INCLUDES.has(t.module)) continue;
    if (!bases) {
      const role = roleDirOf(facts.file);
      bases = [...new Set([posix.dirname(facts.file), ...(role !== undefined ? [posix.join(role, 'tasks')] : [])])];
    }
    const target = (t.freeForm ?? t.args.get('file'))?.value?.trim();
    if (!target || target.startsWith('/')) continue;
    const keyed = KEYED_NAME.exec(target);
    if (keyed) {
      for (const b of bases) out.push(keyedIncludeKey(posix.join(b, `${keyed[1]}\0${keyed[2]}`).replace('\0', '{}')));
      continue;
    }
    if (!rpmBranch || t.gates.length === 0 || target.includes('{{')) continue;
    const reach = reachOf(t.gates);
    if (reach[ti] !== F || RPM_WORLDS.some((i) => reach[i] !== F)) continue;
    for (const b of bases) out.push(includedGatedAwayKey(posix.join(b, target)));
  }
  return out;
}

/** The keyed-include patterns that read this file only on another distribution (`setup-Debian.yml` -> `setup-{}.yml`). */
function keyedNamesOf(file: string): string[] {
  const slash = file.lastIndexOf('/');
  const dir = file.slice(0, slash + 1);
  const base = file.slice(slash + 1);
  const out: string[] = [];
  for (const m of base.matchAll(/[A-Za-z]+/g)) {
    if (otherDistroFactName(m[0])) out.push(keyedIncludeKey(`${dir}${base.slice(0, m.index)}{}${base.slice(m.index! + m[0].length)}`));
  }
  return out;
}

/** The rules that apply to a file kind, per rule list: a scan passes the same list, never changed, for every file. */
const byKind = new WeakMap<readonly Rule[], Map<FileFacts['kind'], Rule[]>>();

function rulesFor(rules: readonly Rule[], kind: FileFacts['kind']): Rule[] {
  let m = byKind.get(rules);
  if (!m) byKind.set(rules, (m = new Map()));
  let list = m.get(kind);
  if (!list) m.set(kind, (list = rules.filter((r) => !r.meta.kinds || r.meta.kinds.includes(kind))));
  return list;
}

const seesGated = new WeakMap<readonly Rule[], Set<string>>();

/** The ids of the rules in a list that see code gated to other distributions (RuleMeta.seesGatedCode). */
function seesGatedIds(rules: readonly Rule[]): Set<string> {
  let ids = seesGated.get(rules);
  if (!ids) seesGated.set(rules, (ids = new Set(rules.filter((r) => r.meta.seesGatedCode).map((r) => r.meta.id))));
  return ids;
}

/** The same rule reporting the same span twice (e.g. via two facts) is one finding. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.ruleId}\0${f.span.start}\0${f.span.end}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function makeFinding(rule: Rule, facts: FileFacts, r: ReportInput, occurrences: Map<string, number>): Finding {
  const src = facts.source;
  const start = src.position(r.span.start);
  const end = src.position(r.span.end);
  const evidence = r.evidence ?? src.slice(r.span);
  const key = `${rule.meta.id}\0${evidence.replace(/\s+/g, ' ').trim()}`;
  const occ = occurrences.get(key) ?? 0;
  occurrences.set(key, occ + 1);
  const exact = r.exact !== false;
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity: r.severity ?? rule.meta.severity,
    blocker: r.blocker ?? rule.meta.blocker,
    category: rule.meta.category,
    file: facts.file,
    span: r.span,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: r.message,
    why: r.why,
    action: r.action,
    docsUrl: docsUrl(rule.meta.id),
    evidence,
    fingerprint: fingerprintOf(rule.meta.id, facts.file, evidence, occ),
  };
  if (r.fix && exact) finding.fix = r.fix;
  if (r.suggestions?.length && exact) finding.suggestions = r.suggestions;
  if (r.unlessDeclaredElsewhere?.length) finding.unlessDeclaredElsewhere = typeof r.unlessDeclaredElsewhere === 'string' ? [r.unlessDeclaredElsewhere] : [...r.unlessDeclaredElsewhere];
  return finding;
}
