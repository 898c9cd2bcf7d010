import type { Fix } from '../../../src/core/types.js';
import { defineRule } from '../../../src/core/rule.js';
import type { Span } from '../../../src/core/source.js';
import { unitsOf } from '../../../src/languages/systemd/index.js';
import { ansibleOf } from '../../../src/languages/ansible/facts.js';
import { code } from '../../../src/rules/support/commands.js';

/** Debian accounts that Fedora-based systems do not have, and what takes their place (setup.sysusers.conf, httpd.sysusers, nginx.sysusers; see rule.md). */
export const DEBIAN_ACCOUNTS: Record<string, string> = {
  'www-data': '`apache` (created by the httpd package) or `nginx` (created by the nginx package)',
  nogroup: '`nobody` (uid/gid 65534)',
};
const UNIT_KEYS = new Set(['User', 'Group', 'SupplementaryGroups', 'SocketUser', 'SocketGroup']);
const OWNER_COMMANDS = new Set(['chown', 'chgrp', 'install', 'useradd', 'usermod', 'adduser', 'runuser', 'setpriv']);
const CREATE_COMMANDS = new Set(['useradd', 'adduser', 'groupadd', 'addgroup']);
/** Options of useradd/adduser/groupadd/addgroup (shadow-utils, Debian adduser, BusyBox) that take a value. */
const VALUE_OPTIONS = /^(-[bcdefgGhkKpsuRPZ]|--(base-dir|comment|home-dir|home|expiredate|inactive|gid|groups|skel|key|password|shell|uid|root|prefix|selinux-user|ingroup|gecos|firstuid|lastuid|firstgid|lastgid|conf))$/;

/**
 * The account a useradd/adduser/groupadd/addgroup command creates: its one operand. With two operands, Debian's
 * adduser and BusyBox's addgroup add an existing user to an existing group, which creates nothing.
 */
function createdAccount(cmd: { base: string; args: { value?: string }[] }): { name: string; arg: number } | undefined {
  if (!CREATE_COMMANDS.has(cmd.base)) return undefined;
  const operands: number[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const v = cmd.args[i]!.value;
    if (v === undefined) return undefined;
    if (v.startsWith('-')) {
      if (VALUE_OPTIONS.test(v)) i++;
      continue;
    }
    operands.push(i);
  }
  return operands.length === 1 ? { name: cmd.args[operands[0]!]!.value!, arg: operands[0]! } : undefined;
}

/**
 * In a unit: `nogroup` -> `nobody`, and `www-data` -> the web server's own account when the unit runs nginx
 * (`nginx`) or httpd (`apache`); for any other program there is no right answer, so no fix. Unsafe: file
 * ownership and permissions must follow.
 */
function unitAccountFix(name: string, u: { directives: { key: string; valueSource: { text: string } }[] }, span: Span): Fix | undefined {
  let to: string | undefined;
  if (name === 'nogroup') to = 'nobody';
  else {
    const exec = u.directives.filter((d) => d.key === 'ExecStart').map((d) => d.valueSource.text).join(' ');
    if (/(^|[\s/])nginx(\s|$)/.test(exec)) to = 'nginx';
    else if (/(^|[\s/])(httpd|apache2)(\s|$)/.test(exec)) to = 'apache';
  }
  return to ? { title: `Use ${to}`, safety: 'unsafe', edits: [{ span, text: to }] } : undefined;
}

/** What a file declares for an account it creates (RuleContext.declare). */
const createdKey = (name: string) => `systemd/account-created:${name}`;

export default defineRule({
  meta: {
    id: 'systemd/debian-account',
    title: 'Debian-only accounts (www-data, nogroup) do not exist on Azure Linux 4.0',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: 'unsafe',
    effort: 1,
  },
  create(ctx) {
    // Files that provision the same machines share accounts: an account another file of the scan creates (a setup
    // script, the role's users task) is not reported. Each Dockerfile builds its own image, so an account one
    // creates exists in that image only: Dockerfiles neither declare nor take others' declarations.
    const shared = ctx.facts.kind !== 'dockerfile';
    const declare = (name: string) => shared && ctx.declare(createdKey(name));
    const report = (span: Span, exact: boolean, name: string, where: string, fix?: Fix) =>
      ctx.report({
        ...(shared ? { unlessDeclaredElsewhere: createdKey(name) } : {}),
        fix,
        span,
        exact,
        message: `${where} uses the Debian account ${code(name)}, which does not exist on Azure Linux 4.0.`,
        why: `Debian and Ubuntu create ${name} in base-passwd; Fedora's setup package, which Azure Linux 4.0 uses, does not, so a unit fails to start ("Failed to determine user credentials" or "Failed to determine group credentials") and chown/chgrp/install fail with "invalid user" or "invalid group" (useradd/usermod: "group ... does not exist").`,
        action: `Use ${DEBIAN_ACCOUNTS[name]}, or create the account (\`useradd --system\`, or a sysusers.d file); verify which account the package you install creates.`,
        evidence: name,
      });
    // Accounts the file creates (`groupadd -r www-data && useradd -r -g www-data www-data`), with where the creating
    // command ends: uses after that are fine. Shell uses are reported at the end, once every creation is known.
    const created = new Map<string, number>();
    const uses: { at: number; name: string; report: () => void }[] = [];
    return {
      command(cmd) {
        const made = createdAccount(cmd);
        if (made && !created.has(made.name)) created.set(made.name, cmd.span.end);
        if (made) declare(made.name);
        if (!OWNER_COMMANDS.has(cmd.base)) return;
        for (const [i, a] of cmd.args.entries()) {
          const v = a.value;
          if (!v || i === made?.arg) continue;
          if (v.startsWith('/') || v.startsWith('./')) continue;
          const ms = [...v.matchAll(/(?<![\w-])(www-data|nogroup)(?![\w-])/g)];
          if (ms.length === 0) continue;
          const first = ms[0]!;
          const last = ms[ms.length - 1]!;
          const exact = a.exact && a.text === v;
          const span = exact ? { start: a.span.start + first.index, end: a.span.start + last.index + last[1]!.length } : a.span;
          uses.push({ at: a.span.start, name: first[1]!, report: () => report(span, exact, first[1]!, code(cmd.base)) });
        }
      },
      end() {
        const tasks = ansibleOf(ctx.facts)?.tasks ?? [];
        // Ansible user/group tasks create the account they name (unless state: absent), for the tasks after them.
        for (const t of tasks) {
          if (t.module !== 'ansible.builtin.user' && t.module !== 'ansible.builtin.group') continue;
          const name = t.args.get('name')?.value;
          if (!name || t.args.get('state')?.value === 'absent') continue;
          if (!created.has(name) || created.get(name)! > t.span.end) created.set(name, t.span.end);
          declare(name);
        }
        const createdBefore = (name: string, at: number) => (created.get(name) ?? Infinity) <= at;
        for (const u of uses) if (!createdBefore(u.name, u.at)) u.report();
        for (const u of unitsOf(ctx.facts)) {
          for (const d of u.directives) {
            if (!UNIT_KEYS.has(d.key)) continue;
            for (const m of d.valueSource.text.matchAll(/\S+/g)) {
              if (!(m[0] in DEBIAN_ACCOUNTS)) continue;
              const h = d.valueSource.toHost({ start: m.index, end: m.index + m[0].length });
              // A unit written by a script that created the account first (a heredoc after useradd).
              if (createdBefore(m[0], h.span.start)) continue;
              report(h.span, h.exact, m[0], `${d.key}=`, h.exact ? unitAccountFix(m[0], u, h.span) : undefined);
            }
          }
        }
        for (const t of tasks) {
          // owner/group of file tasks; the group of a user task; who a task becomes. A user or group task's own
          // `name` creates the account.
          for (const key of ['owner', 'group', 'become_user']) {
            if (key === 'group' && t.module === 'ansible.builtin.group') continue;
            const p = t.args.get(key) ?? (key === 'become_user' ? t.keywords.get(key) : undefined);
            if (p?.value && p.value in DEBIAN_ACCOUNTS && !createdBefore(p.value, p.span.start)) report(p.span, p.exact, p.value, `${t.module}: ${key}`);
          }
          if (t.module === 'ansible.builtin.user') {
            const p = t.args.get('groups');
            for (const g of (p?.value ?? '').split(',').map((s) => s.trim())) {
              if (g in DEBIAN_ACCOUNTS && !createdBefore(g, p!.span.start)) report(p!.span, false, g, `${t.module}: groups`);
            }
          }
        }
      },
    };
  },
});
