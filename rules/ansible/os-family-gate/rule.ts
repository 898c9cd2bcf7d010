import type { Fix } from '../../../src/core/types.js';
import { defineRule } from '../../../src/core/rule.js';
import { ansibleOf, OS_FACT, roleDirOf, shortModule, type YValue } from '../../../src/languages/ansible/facts.js';
import { evalWhen } from '../../../src/languages/ansible/when.js';
import { worldIndex } from '../../../src/languages/shell/model.js';
import { F, T, U, allOf, and, type Vec } from '../../../src/languages/shell/conditions.js';
import { code } from '../../../src/rules/support/commands.js';

const AZL = worldIndex('azurelinux-4.0');
const CENTOS = worldIndex('centos');
const FEDORA = worldIndex('fedora');
const KEYED = new RegExp(String.raw`\{\{[^}]*\b(${OS_FACT})\b[^}]*\}\}`);

/**
 * `when: ansible_os_family == 'RedHat'` -> `when: (ansible_os_family == 'RedHat') or ansible_pkg_mgr in ['dnf', 'dnf5']`:
 * keyed on the package manager, which ansible-core detects as dnf5 on Azure Linux 4.0 (dnf and yum are dnf5
 * symlinks). Only for a plain, one-line `when:` value. Unsafe: the task now also runs on Azure Linux.
 */
function gateFix(w: { value?: string; span: { start: number; end: number }; exact: boolean }, text: string): Fix | undefined {
  const v = w.value;
  if (!v || !w.exact || text.slice(w.span.start, w.span.end) !== v || /[\n#]|\{\{/.test(v) || /^[\s'"[{&*!|>%@`]/.test(v)) return undefined;
  const lineStart = text.lastIndexOf('\n', w.span.start - 1) + 1;
  if (!/^\s*(-\s+)?when:\s*$/.test(text.slice(lineStart, w.span.start)) && !/^\s*-\s+$/.test(text.slice(lineStart, w.span.start))) return undefined;
  return { title: 'Also run on Azure Linux (dnf-based hosts)', safety: 'unsafe', edits: [{ span: w.span, text: `(${v}) or ansible_pkg_mgr in ['dnf', 'dnf5']` }] };
}

/**
 * The folders a keyed include reads from (the including file's folder, the role's vars/ or tasks/, and the role
 * itself for a name such as `vars/{{ ansible_os_family }}.yml`), as keys that a file named for Azure Linux in that
 * folder declares (below): the finding holds unless the repository has a file the include could pick on Azure
 * Linux. The fact value itself is UNCONFIRMED, so any name containing "azure" or "azl" counts. Settled by the scan
 * once every file is analysed, so no file needs the list of the others.
 */
function variantKeys(file: string, module: string, target: string): string[] {
  const dir = dirOf(file);
  const role = roleDirOf(file);
  const sub = target.includes('/') ? target.slice(0, target.lastIndexOf('/')).replace(/\{\{[^}]*\}\}/g, '').replace(/\/+$/, '') : '';
  const bases = [dir, ...(role !== undefined ? [joinDir(role, module === 'include_vars' ? 'vars' : 'tasks'), role] : [])];
  return [...new Set(bases.map((d) => joinDir(d, sub)))].map(variantKey);
}

const variantKey = (dir: string) => `ansible/azure-linux-file-in:${dir}`;
const dirOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');
/** Folder paths as dirOf gives them: '' for the scan root. */
const joinDir = (a: string, b: string) => [a, b].filter(Boolean).join('/');

/** The file names of a `with_first_found` list: plain items, and the `files:` of dict items. */
function firstFoundFiles(v: YValue): YValue[] {
  const out: YValue[] = [];
  const add = (x: YValue | undefined) => {
    if (!x) return;
    if (x.value !== undefined) out.push(x);
    else for (const i of x.items ?? []) if (i.value !== undefined) out.push(i);
  };
  for (const item of v.items ?? [v]) {
    if (item.entries) add(item.entries.get('files'));
    else add(item);
  }
  return out.filter((x) => x.value !== '');
}

/** Whether a `with_first_found` list says `skip: true` (a missing file skips the task). */
function firstFoundSkips(v: YValue): boolean {
  return (v.items ?? [v]).some((i) => /^(true|yes)$/i.test(i.entries?.get('skip')?.value ?? ''));
}

export default defineRule({
  meta: {
    id: 'ansible/os-family-gate',
    title: 'Ansible conditions and includes that do not select Azure Linux 4.0 as the RPM family',
    category: 'distro-identity',
    severity: 'warning',
    blocker: false,
    fixable: 'unsafe',
    kinds: ['ansible'],
    effort: 2,
    unconfirmed: true,
    seesGatedCode: true,
  },
  create(ctx) {
    return {
      end() {
        // A file named for Azure Linux is one a keyed include in its folder may pick (variantKeys).
        const file = ctx.facts.file;
        if (/azure|azl/i.test(file.slice(file.lastIndexOf('/') + 1))) ctx.declare(variantKey(dirOf(file)));
        const a = ansibleOf(ctx.facts);
        if (!a) return;
        for (const t of a.tasks) {
          // The task's when: items (its own list and its blocks') must all hold: an item is judged together with
          // the others, which may already keep the task off a system (`[distribution == 'Debian', version >= 11]`).
          const evals = t.when.map((w) => evalWhen(w.value!));
          for (const [i, w] of t.when.entries()) {
            const r = evals[i]!;
            if (!r.distro) continue;
            const others = evals.reduce<Vec>((acc, e, j) => (j === i ? acc : and(acc, e.v)), allOf(T));
            const rpmOff = others[CENTOS] === F && others[FEDORA] === F;
            const rpm = r.v[CENTOS] === T || r.v[FEDORA] === T;
            if (rpm && r.v[AZL] === F && !rpmOff) {
              ctx.report({
                span: w.span,
                exact: w.exact,
                message: `${code(w.value!.trim())} is true on CentOS/RHEL/Fedora but false on Azure Linux 4.0: this task is silently skipped there.`,
                why: "ansible-core's OS_FAMILY_MAP (module_utils/facts/system/distribution.py) has no Azure Linux entry, so ansible_os_family is not 'RedHat' and ansible_distribution is none of the known RPM distributions on Azure Linux 4.0 (its exact value is UNCONFIRMED).",
                action: "Test what you mean: `ansible_pkg_mgr in ['dnf', 'dnf5', 'yum']`, or add Azure Linux explicitly (`ansible_os_family in ['RedHat', 'Azurelinux'] or ansible_distribution is search('(?i)azure')`) after checking `ansible -m setup` on an Azure Linux 4.0 host.",
                evidence: w.value,
                fix: gateFix(w, ctx.facts.source.text),
              });
            } else if (r.numericVersion && r.v[AZL] !== r.v[FEDORA] && r.v[AZL] !== U && r.v[FEDORA] !== U && others[AZL] !== F) {
              ctx.report({
                span: w.span,
                exact: w.exact,
                message: `${code(w.value!.trim())} compares the distribution major version; on Azure Linux 4.0 it is 4, so the test ${r.v[AZL] === T ? 'passes' : 'fails'} as it would on an old EL release, unlike Fedora 43 which Azure Linux 4.0 is built from.`,
                why: 'Version heuristics written for RHEL/CentOS (7, 8, 9) misclassify Azure Linux 4.0: VERSION_ID=4.0 reads as an ancient release (knowledge sheet §0).',
                action: 'Gate on capabilities (`ansible_pkg_mgr`, a stat of the file you need) or on ansible_distribution explicitly, not on the major version number.',
                evidence: w.value,
              });
            }
          }
          const short = shortModule(t.module);
          if (!['include_vars', 'include_tasks', 'import_tasks', 'include'].includes(short)) continue;
          const target = t.freeForm ?? t.args.get('file') ?? t.args.get('name') ?? t.args.get('dir');
          // The candidates: a with_first_found list, or `lookup('first_found', params)` with params in the task's vars.
          const viaKeyword = t.keywords.get('with_first_found');
          const lookupVar = /(?:lookup|query)\(\s*['"]first_found['"]\s*,\s*([A-Za-z_]\w*)\s*[,)]/.exec(target?.value ?? '')?.[1];
          const firstFound = viaKeyword ?? (lookupVar ? t.keywords.get('vars')?.entries?.get(lookupVar) : undefined);
          const how = viaKeyword ? 'with_first_found' : 'first_found';
          if (firstFound) {
            // Every candidate named by the OS fact and none to fall back on: no file matches on Azure Linux 4.0.
            const names = firstFoundFiles(firstFound);
            const skip = firstFoundSkips(firstFound);
            if (names.length === 0 || !names.every((n) => KEYED.test(n.value!))) continue;
            const first = names[0]!;
            // The most generic candidate, with the RedHat name in place of the fact: the file the role has for RHEL.
            const generic = [...names].sort((a, b) => a.value!.split('{{').length - b.value!.split('{{').length)[0]!;
            const fallback = generic.value!.replace(KEYED, 'RedHat');
            ctx.report({
              span: first.span,
              exact: first.exact,
              message: `Every file ${code(how)} may pick is named by ${code(KEYED.exec(first.value!)![1]!)}, with no fallback; on Azure Linux 4.0 that is not RedHat/Fedora, so none is found and ${skip ? 'the task is skipped (skip: true): the variables it loads stay undefined' : 'the task cannot load its file'}.`,
              why: "ansible-core does not map Azure Linux to the RedHat os_family (its OS_FAMILY_MAP has no Azure Linux entry); the exact fact value is UNCONFIRMED, so no file in the role is likely to match it.",
              action: `Add a last candidate that exists: the RedHat file if it fits Azure Linux 4.0 (${code(`- "${fallback}"`)}), or a file named after the Azure Linux fact value.`,
              evidence: first.value,
              unlessDeclaredElsewhere: [...new Set(names.flatMap((n) => variantKeys(ctx.facts.file, short, n.value!)))],
            });
            continue;
          }
          const withFirstFound = /lookup\(\s*['"]first_found/.test(target?.value ?? '');
          if (!target?.value || withFirstFound || !KEYED.test(target.value)) continue;
          ctx.report({
            span: target.span,
            exact: target.exact,
            message: `${code(short)} picks its file by ${code(KEYED.exec(target.value)![1]!)}; on Azure Linux 4.0 that is not RedHat/Fedora, so the RedHat file is not loaded, and no file for Azure Linux exists beside it.`,
            why: "ansible-core does not map Azure Linux to the RedHat os_family (its OS_FAMILY_MAP has no Azure Linux entry); the exact fact value is UNCONFIRMED, so no file in the role is likely to match it.",
            action: "Use a first_found lookup with a fallback: `include_vars: \"{{ lookup('first_found', [ansible_distribution ~ '.yml', ansible_os_family ~ '.yml', 'RedHat.yml'], errors='ignore') }}\"`, or add a vars/tasks file named after the Azure Linux fact value.",
            evidence: target.value,
            unlessDeclaredElsewhere: variantKeys(ctx.facts.file, short, target.value),
          });
        }
      },
    };
  },
});
