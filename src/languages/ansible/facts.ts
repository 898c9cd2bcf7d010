import type { Span } from '../../core/source.js';
import type { FileFacts, Gate } from '../../core/facts.js';
import { reachOf, worldIndex } from '../shell/model.js';
import { F } from '../shell/conditions.js';

/** A YAML value of a task, with its host span. Scalars carry `value`; sequences `items`; mappings `entries`. */
export interface YValue {
  /** Scalar value as a string (booleans and numbers as written, e.g. `yes`, `true`, `7`). */
  value?: string;
  items?: YValue[];
  entries?: Map<string, YValue>;
  /** Host span of the value (for a scalar: its text, quotes included). */
  span: Span;
  /** The span is the exact text of the value (false for free-form arguments with escapes). */
  exact: boolean;
  /** Span of the key this value belongs to, when it has one. */
  keySpan?: Span;
}

export interface AnsibleTask {
  /** Normalised module name: `ansible.builtin.apt` for `apt`, `ansible.builtin.apt` and `action: apt`. */
  module: string;
  /** As written (`apt`, `ansible.builtin.apt`, `action`). */
  moduleRaw: string;
  /** Span of the module key (or of the module name in `action: apt ...`). */
  moduleSpan: Span;
  /** Module arguments, from the mapping or from free-form `key=value` words. */
  args: Map<string, YValue>;
  /** Free-form text of shell/command/raw/script (`shell: echo hi` or `cmd:`). */
  freeForm?: YValue;
  /** Task keywords: name, when, become_user, loop, ... */
  keywords: Map<string, YValue>;
  /** `when:` conditions of this task and of the blocks around it (outermost first), as raw Jinja expressions. */
  when: YValue[];
  /** Where the task can run, as shell-style gates (derived from `when:`); [] when it runs everywhere. */
  gates: Gate[];
  span: Span;
  /** 'play-tasks', 'handlers', 'pre_tasks', 'tasks-file', ... */
  context: string;
}

export interface AnsibleFacts {
  /** 'playbook', 'tasks', 'vars', 'meta'. */
  role: 'playbook' | 'tasks' | 'vars' | 'meta';
  tasks: AnsibleTask[];
  /** The file gates some tasks away from the RPM family and has an RPM branch elsewhere. */
  hasRpmBranch: boolean;
  /** Variables defined in vars files, play `vars:` and `set_fact` (name -> value). */
  vars: Map<string, YValue>;
}

export function ansibleOf(facts: FileFacts): AnsibleFacts | undefined {
  return (facts as FileFacts & { ansible?: AnsibleFacts }).ansible;
}

/** The module's short name (`ansible.builtin.apt` -> `apt`). */
export function shortModule(m: string): string {
  return m.slice(m.lastIndexOf('.') + 1);
}

const AZL = worldIndex('azurelinux-4.0');

/** The task only runs where Azure Linux 4.0 is not, and the file has a branch for the RPM family elsewhere. */
export function taskGatedAway(t: AnsibleTask, fileHasRpmBranch: boolean): boolean {
  return fileHasRpmBranch && t.gates.length > 0 && reachOf(t.gates)[AZL] === F;
}

/** The YAML node behind a scalar YValue is not kept; scalars are decoded again from the host text. */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export function styleAt(host: string, span: Span): ScalarStyle {
  const c = host[span.start];
  if (c === '"') return 'QUOTE_DOUBLE';
  if (c === "'") return 'QUOTE_SINGLE';
  if (c === '|') return 'BLOCK_LITERAL';
  if (c === '>') return 'BLOCK_FOLDED';
  return 'PLAIN';
}

/**
 * The role folder a file belongs to: `.../roles/<name>`, or '' (the scan root) for a role that is a repository of
 * its own, with tasks/, vars/, defaults/ at the top (as Ansible Galaxy roles are). undefined outside a role.
 */
export function roleDirOf(file: string): string | undefined {
  const m = /^((?:.*\/)?roles\/[^/]+)\//.exec(file);
  if (m) return m[1];
  return /^(tasks|handlers|vars|defaults|meta)\//.test(file) ? '' : undefined;
}

/**
 * The OS fact in a Jinja expression, as RegExp source (no capture groups): ansible_os_family, ansible_distribution,
 * or the same under ansible_facts (`ansible_facts['os_family']`, `ansible_facts.distribution`).
 */
export const OS_FACT = String.raw`ansible_os_family|ansible_distribution|ansible_facts\s*(?:\[\s*['"](?:os_family|distribution)['"]\s*\]|\.(?:os_family|distribution))`;
