import { SourceText, type Span } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import { pathRefsFromCommands, type Detection, type FileFacts, type Gate, type PackageOrigin, type PackageRef } from '../../core/facts.js';
import type { FileNote } from '../../core/types.js';
import { packageName, packageRefsFromCommands } from '../../core/packages.js';
import { hasRpmBranch } from '../../core/engine.js';
import { analyzeShell, plainBranch, reachOf, worldIndex } from '../shell/model.js';
import { shellParser } from '../shell/parser.js';
import { F, not, T } from '../shell/conditions.js';
import { maskJinja, SourceBuilder } from '../systemd/embed.js';
import { parseUnit, unitKindOfPath, type UnitFile } from '../systemd/parse.js';
import { execSources, unitNotes, unitsInShell } from '../systemd/index.js';
import { parseYamlValues, scalarSource } from './yaml.js';
import { evalWhen } from './when.js';
import { shortModule, taskGatedAway, type AnsibleFacts, type AnsibleTask, type YValue } from './facts.js';

export type { AnsibleFacts, AnsibleTask, YValue } from './facts.js';
export { ansibleOf } from './facts.js';

/** Task keywords (playbook_keywords): everything else on a task is its module. */
const TASK_KEYWORDS = new Set([
  'name', 'when', 'become', 'become_user', 'become_method', 'become_flags', 'become_exe', 'loop', 'loop_control', 'register', 'tags', 'notify',
  'vars', 'environment', 'ignore_errors', 'ignore_unreachable', 'changed_when', 'failed_when', 'delegate_to', 'delegate_facts', 'run_once', 'no_log',
  'args', 'until', 'retries', 'delay', 'check_mode', 'diff', 'listen', 'any_errors_fatal', 'async', 'poll', 'collections', 'connection', 'debugger',
  'module_defaults', 'throttle', 'timeout', 'remote_user', 'port', 'action', 'local_action', 'block', 'rescue', 'always', 'with_items', 'with_list',
  'with_dict', 'with_fileglob', 'with_first_found', 'with_together', 'with_nested', 'with_sequence', 'with_subelements', 'with_indexed_items',
  'with_flattened', 'with_random_choice', 'with_lines', 'with_inventory_hostnames', 'with_cartesian', 'with_url', 'with_file', 'with_template',
  'with_dict2items', 'tags', 'attributes', 'vars_files',
]);

const BUILTIN = new Set([
  'apt', 'apt_key', 'apt_repository', 'deb822_repository', 'dpkg_selections', 'debconf', 'dnf', 'dnf5', 'yum', 'yum_repository', 'rpm_key', 'package',
  'package_facts', 'service', 'service_facts', 'systemd', 'systemd_service', 'sysvinit', 'user', 'group', 'copy', 'template', 'file', 'lineinfile',
  'blockinfile', 'replace', 'shell', 'command', 'raw', 'script', 'include_vars', 'include_tasks', 'import_tasks', 'include_role', 'import_role',
  'import_playbook', 'set_fact', 'get_url', 'uri', 'unarchive', 'debug', 'fail', 'assert', 'meta', 'stat', 'git', 'pip', 'cron', 'hostname',
  'reboot', 'wait_for', 'find', 'fetch', 'slurp', 'setup', 'gather_facts', 'known_hosts', 'iptables', 'mount_facts', 'tempfile', 'expect', 'pause',
  'group_by', 'add_host', 'getent', 'async_status', 'validate_argument_spec', 'subversion', 'ping', 'wait_for_connection', 'sysvinit', 'include',
]);
const POSIX = new Set(['selinux', 'seboolean', 'firewalld', 'firewalld_info', 'authorized_key', 'mount', 'sysctl', 'acl', 'at', 'synchronize', 'patch', 'rhel_facts', 'rpm_ostree_upgrade', 'seport']);
const GENERAL = new Set(['ufw', 'sefcontext', 'seport', 'selogin', 'selinux_permissive', 'snap', 'locale_gen', 'alternatives', 'timezone', 'modprobe', 'npm', 'pam_limits', 'ini_file', 'dnf_versionlock', 'dnf_config_manager', 'apk', 'zypper', 'make', 'launchd', 'ufw', 'nmcli', 'rhsm_repository', 'redhat_subscription']);

/** `apt` -> `ansible.builtin.apt`, `ansible.legacy.apt` -> `ansible.builtin.apt`, `ufw` -> `community.general.ufw`. */
export function normalizeModule(name: string): string {
  const n = name.trim();
  if (n.startsWith('ansible.legacy.')) return `ansible.builtin.${n.slice('ansible.legacy.'.length)}`;
  if (n.includes('.')) return n;
  if (BUILTIN.has(n)) return `ansible.builtin.${n}`;
  if (n === 'seport') return 'community.general.seport';
  if (POSIX.has(n)) return `ansible.posix.${n}`;
  if (GENERAL.has(n)) return `community.general.${n}`;
  return n;
}

const SHELL_MODULES = new Set(['ansible.builtin.shell', 'ansible.builtin.command', 'ansible.builtin.raw']);
const FREE_FORM_OPTS = /(?:^|\s)(chdir|creates|removes|executable|warn|stdin|stdin_add_newline|strip_empty_ends|expand_argument_vars)=(?:"[^"]*"|'[^']*'|\S+)/g;
const TRIVIAL_MODULES = new Set(['debug', 'fail', 'assert', 'meta', 'pause']);

/**
 * The command module runs no shell: it splits its line into words like a shell (quotes and backslashes) but `;`,
 * `&`, `|`, `<`, `>`, parentheses, backquotes and `$(` are plain characters of those words (`find -not -( ... -)`).
 * They become `_` (same length) so that the shell parser reads one command with literal words; `$VAR` stays, as the
 * module expands variables (expand_argument_vars).
 */
export function literalArgv(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && quote !== "'" && i + 1 < text.length) {
      out += c + text[++i];
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      out += quote === '"' && (c === '`' || (c === '$' && text[i + 1] === '(')) ? '_' : c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    out += ';&|<>()`'.includes(c) || (c === '$' && text[i + 1] === '(') ? '_' : c;
  }
  return out;
}

/** Where Ansible looks for this file's role: tasks, vars, meta, or a playbook (decided by content). */
function roleOfPath(file: string): AnsibleFacts['role'] | undefined {
  if (/(^|\/)(group_vars|host_vars|vars|defaults)\//.test(file)) return 'vars';
  if (/(^|\/)meta\//.test(file)) return 'meta';
  return undefined;
}

export interface AnsibleFileFacts extends FileFacts {
  ansible: AnsibleFacts;
  units: UnitFile[];
}

export async function analyzeAnsibleFile(file: string, text: string): Promise<AnsibleFileFacts> {
  const source = new SourceText(text);
  const notes: FileNote[] = [];
  const parsed = parseYamlValues(text);
  for (const p of parsed.problems) notes.push({ file, kind: 'parse', message: p.message, ...source.position(p.offset) });
  const tasks: AnsibleTask[] = [];
  const vars = new Map<string, YValue>();
  const detections: Detection[] = [];
  let nextId = 100_000;
  let role = roleOfPath(file);

  const whenExprs = (v: YValue | undefined): YValue[] => (!v ? [] : v.items ? v.items.filter((i) => i.value !== undefined) : v.value !== undefined ? [v] : []);

  const gatesFor = (whens: YValue[], module: string): Gate[] => {
    const gates: Gate[] = [];
    for (const w of whens) {
      const r = evalWhen(w.value!);
      if (!r.distro) continue;
      const id = nextId++;
      detections.push({
        id,
        kind: 'if',
        span: w.span,
        exact: w.exact,
        gates: [],
        branches: [
          plainBranch(r.v, TRIVIAL_MODULES.has(shortModule(module)), w.span),
          plainBranch(not(r.v), true, w.span),
        ],
        ansibleWhen: true,
      });
      gates.push({ construct: id, reach: r.v });
    }
    return gates;
  };

  const makeTask = (item: YValue, whens: YValue[], context: string): void => {
    const e = item.entries!;
    const keywords = new Map<string, YValue>();
    let moduleKey: string | undefined;
    for (const [k, v] of e) {
      if (TASK_KEYWORDS.has(k)) keywords.set(k, v);
      else moduleKey ??= k;
    }
    let moduleRaw = moduleKey;
    let moduleSpan: Span | undefined = moduleKey ? e.get(moduleKey)!.keySpan : undefined;
    let mv: YValue | undefined = moduleKey ? e.get(moduleKey) : undefined;
    const action = e.get('action') ?? e.get('local_action');
    if (!moduleKey && action) {
      if (action.value !== undefined) {
        const m = /^\s*(\S+)/.exec(action.value);
        if (m) {
          moduleRaw = m[1]!;
          const off = action.value.indexOf(m[1]!);
          const exactText = text.slice(action.span.start, action.span.end) === action.value;
          moduleSpan = exactText ? { start: action.span.start + off, end: action.span.start + off + m[1]!.length } : action.span;
          const restStart = off + m[1]!.length;
          mv = { value: action.value.slice(restStart).trimStart(), span: exactText ? { start: action.span.start + restStart + (action.value.slice(restStart).length - action.value.slice(restStart).trimStart().length), end: action.span.end } : action.span, exact: exactText };
        }
      } else if (action.entries?.get('module')?.value) {
        moduleRaw = action.entries.get('module')!.value!;
        moduleSpan = action.entries.get('module')!.span;
        mv = { entries: new Map([...action.entries].filter(([k]) => k !== 'module')), span: action.span, exact: true };
      }
    }
    if (!moduleRaw || !moduleSpan) return;
    const module = normalizeModule(moduleRaw);
    const args = new Map<string, YValue>();
    let freeForm: YValue | undefined;
    if (mv?.entries) for (const [k, v] of mv.entries) args.set(k, v);
    else if (mv?.value !== undefined && mv.value !== '') {
      if (SHELL_MODULES.has(module) || /^ansible\.builtin\.(script|include_vars|include_tasks|import_tasks|include)$/.test(module)) freeForm = mv;
      else for (const [k, v] of keyValues(text, mv)) args.set(k, v);
    }
    for (const [k, v] of keywords.get('args')?.entries ?? []) if (!args.has(k)) args.set(k, v);
    if (!freeForm && SHELL_MODULES.has(module) && args.get('cmd')?.value !== undefined) freeForm = args.get('cmd');
    const allWhens = [...whens, ...whenExprs(keywords.get('when'))];
    tasks.push({ module, moduleRaw, moduleSpan, args, freeForm, keywords, when: allWhens, gates: gatesFor(allWhens, module), span: item.span, context });
  };

  const walkTasks = (list: YValue | undefined, whens: YValue[], context: string, depth: number): void => {
    if (!list?.items || depth > 32) return;
    for (const item of list.items) {
      if (!item.entries) continue;
      const blockWhens = [...whens, ...whenExprs(item.entries.get('when'))];
      if (item.entries.has('block')) {
        for (const k of ['block', 'rescue', 'always']) walkTasks(item.entries.get(k), blockWhens, context, depth + 1);
        continue;
      }
      makeTask(item, whens, context);
    }
  };

  for (const root of parsed.roots) {
    if (root.items) {
      const isPlaybook = root.items.some((i) => i.entries && (i.entries.has('hosts') || i.entries.has('import_playbook') || i.entries.has('ansible.builtin.import_playbook')));
      if (isPlaybook) {
        role = 'playbook';
        for (const play of root.items) {
          const pe = play.entries;
          if (!pe) continue;
          for (const [k, v] of pe.get('vars')?.entries ?? []) vars.set(k, v);
          for (const k of ['pre_tasks', 'tasks', 'post_tasks', 'handlers']) walkTasks(pe.get(k), [], k, 0);
        }
      } else {
        role ??= 'tasks';
        walkTasks(root, [], /(^|\/)handlers\//.test(file) ? 'handlers' : 'tasks-file', 0);
      }
    } else if (root.entries) {
      role ??= 'vars';
      for (const [k, v] of root.entries) vars.set(k, v);
    }
  }
  for (const t of tasks) if (shortModule(t.module) === 'set_fact') for (const [k, v] of t.args) vars.set(k, v);

  // Embedded shell and units.
  const shellSources: { source: EmbeddedSource; origin: string; gates?: Gate[] }[] = [];
  const units: UnitFile[] = [];
  for (const t of tasks) {
    if (t.freeForm && SHELL_MODULES.has(t.module)) {
      const emb = scalarSource(text, t.freeForm.span);
      const argv = t.module === 'ansible.builtin.command' ? literalArgv(emb.text) : emb.text;
      let masked = maskJinja(argv).replace(/\r(?=\n)/g, ' ');
      if (t.freeForm !== t.args.get('cmd')) masked = masked.replace(FREE_FORM_OPTS, (m) => ' '.repeat(m.length));
      shellSources.push({ source: new EmbeddedSource(masked, emb.segments, emb.hostSpan), origin: `ansible ${shortModule(t.module)}`, gates: t.gates });
    } else if (t.module === 'ansible.builtin.command' && t.args.get('argv')?.items) {
      const b = new SourceBuilder(text);
      t.args.get('argv')!.items!.forEach((w, i) => {
        if (i > 0) b.emit(' ');
        b.copy(w.span.start, w.span.end - w.span.start);
      });
      const emb = b.build(t.args.get('argv')!.span);
      shellSources.push({ source: new EmbeddedSource(maskJinja(emb.text), emb.segments, emb.hostSpan), origin: 'ansible command argv', gates: t.gates });
    }
    if (shortModule(t.module) === 'copy') {
      const dest = t.args.get('dest')?.value;
      const content = t.args.get('content');
      const k = dest ? unitKindOfPath(dest) : undefined;
      if (k && content?.value !== undefined) {
        const emb = scalarSource(text, content.span);
        units.push(parseUnit(new EmbeddedSource(maskJinja(emb.text), emb.segments, emb.hostSpan), { ...k, path: dest, origin: 'ansible copy content' }));
      } else if (dest && content?.value !== undefined && (/\.(sh|bash)$/.test(dest) || /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(?:sh|bash|dash)\b/.test(content.value))) {
        // A script written by copy: content is shell code too.
        const emb = scalarSource(text, content.span);
        shellSources.push({ source: new EmbeddedSource(maskJinja(emb.text).replace(/\r(?=\n)/g, ' '), emb.segments, emb.hostSpan), origin: 'ansible copy content script', gates: t.gates });
      }
    }
  }
  const unitExec = execSources(units);
  const all = [...shellSources, ...unitExec];
  const shell = all.length ? analyzeShell(all, { parser: await shellParser() }) : undefined;
  const heredocUnits = shell ? unitsInShell(shell.units) : [];
  let commands = shell?.commands ?? [];
  if (heredocUnits.length) commands = [...commands, ...analyzeShell(execSources(heredocUnits), { parser: await shellParser() }).commands];
  units.push(...heredocUnits);
  for (const p of shell?.problems ?? []) notes.push({ file, kind: 'parse', message: p.message, ...source.position(p.span.start) });
  notes.push(...unitNotes(file, source, units));

  const facts: AnsibleFileFacts = {
    file,
    kind: 'ansible',
    source,
    commands,
    detections: [...detections, ...(shell?.detections ?? [])],
    images: [],
    paths: pathRefsFromCommands(commands),
    packages: packageRefsFromCommands(commands),
    assignments: shell?.assignments ?? [],
    notes,
    ansible: { role: role ?? 'tasks', tasks, vars, hasRpmBranch: false },
    units,
  };
  const rpm = hasRpmBranch(facts);
  facts.ansible.hasRpmBranch = rpm;
  // A task whose when: is false is skipped and the play goes on: when another task of the file covers the RPM
  // family, the hosts this condition excludes are handled there, so its "else" is not a bare skip. (The Azure
  // Linux side of RedHat-only gates is reported by ansible/os-family-gate.)
  if (rpm) for (const d of detections) d.branches[1]!.trivial = false;
  facts.packages.push(...taskPackages(tasks, rpm));
  return facts;
}

const DEB = [worldIndex('ubuntu'), worldIndex('debian')];
const RPM = [worldIndex('centos'), worldIndex('fedora')];

const PACKAGE_MODULES: Record<string, PackageOrigin | 'gate'> = { apt: 'debian', dnf: 'el', dnf5: 'el', yum: 'el', package: 'gate', apk: 'alpine' };

function taskPackages(tasks: AnsibleTask[], rpm: boolean): PackageRef[] {
  const out: PackageRef[] = [];
  for (const t of tasks) {
    const short = shortModule(t.module);
    const kind = PACKAGE_MODULES[short];
    // Tasks gated away from Azure Linux are skipped, unless they are the RPM-family branch (`ansible_os_family ==
    // 'RedHat'`): their names are what Azure Linux will get once the gate is fixed (ansible/os-family-gate).
    if (!kind || (taskGatedAway(t, rpm) && !RPM.some((i) => reachOf(t.gates)[i] === T))) continue;
    if (/^(absent|removed)$/.test(t.args.get('state')?.value ?? '')) continue;
    let origin: PackageOrigin = 'debian';
    if (kind !== 'gate') origin = kind;
    else {
      const reach = reachOf(t.gates);
      if (RPM.some((i) => reach[i] === T) && DEB.every((i) => reach[i] === F)) origin = 'el';
    }
    let names = t.args.get('name') ?? t.args.get('pkg') ?? t.args.get('package');
    if (names?.value !== undefined && /^\{\{\s*item\s*\}\}$/.test(names.value.trim())) names = t.keywords.get('loop') ?? t.keywords.get('with_items');
    for (const w of nameWords(names)) {
      if (!w.value || /[{}$*]/.test(w.value) || w.value.startsWith('/') || /\.(deb|rpm)$/.test(w.value) || w.value.startsWith('@')) continue;
      out.push({ name: packageName(w.value, origin), raw: w.value, span: w.span, exact: w.exact, origin, manager: t.module });
    }
  }
  return out;
}

/** Package names from a list or a comma-separated string, each with its own span when it can be found exactly. */
function nameWords(v: YValue | undefined): YValue[] {
  if (!v) return [];
  if (v.items) return v.items.filter((i) => i.value !== undefined);
  if (v.value === undefined || /\{\{|\{%/.test(v.value)) return [];
  const parts: YValue[] = [];
  const raw = v.value;
  for (const m of raw.matchAll(/[^,\s]+/g)) parts.push({ value: m[0], span: v.exact && raw.length === v.span.end - v.span.start ? { start: v.span.start + m.index, end: v.span.start + m.index + m[0].length } : v.span, exact: v.exact && raw.length === v.span.end - v.span.start });
  return parts;
}

/** Free-form `key=value key2="quoted value"` module arguments, with spans (exact for plain single-line scalars). */
function keyValues(text: string, v: YValue): Map<string, YValue> {
  const out = new Map<string, YValue>();
  const emb = scalarSource(text, v.span);
  for (const m of emb.text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\S+)/g)) {
    const raw = m[2]!;
    const quoted = raw[0] === '"' || raw[0] === "'";
    const value = quoted ? raw.slice(1, -1) : raw;
    const vs = m.index + m[1]!.length + 1 + (quoted ? 1 : 0);
    const h = emb.toHost({ start: vs, end: vs + value.length });
    const ks = emb.toHost({ start: m.index, end: m.index + m[1]!.length });
    out.set(m[1]!, { value, span: h.span, exact: h.exact && !/\\/.test(value), keySpan: ks.span });
  }
  return out;
}
