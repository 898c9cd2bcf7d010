import { defineRule } from '../../../src/core/rule.js';
import type { Severity } from '../../../src/core/types.js';
import { ansibleOf, shortModule, taskGatedAway } from '../../../src/languages/ansible/facts.js';
import { code } from '../../../src/rules/support/commands.js';

/**
 * Debian unit names and their Azure Linux 4.0 names. error: the knowledge sheet names the Azure Linux unit or says
 * the Debian package is absent; warning: Fedora packaging convention, verify.
 */
export const SERVICE_NAMES: Record<string, { name: string; severity: Severity; note?: string }> = {
  apache2: { name: 'httpd', severity: 'error' },
  ssh: { name: 'sshd', severity: 'error' },
  cron: { name: 'crond', severity: 'error' },
  ntp: { name: 'chronyd', severity: 'error', note: 'ntp is not available; chrony is installed and enabled' },
  ntpd: { name: 'chronyd', severity: 'error', note: 'ntp is not available; chrony is installed and enabled' },
  ufw: { name: 'firewalld', severity: 'error', note: 'ufw is not available; firewalld is enabled by preset' },
  networking: { name: 'systemd-networkd', severity: 'warning', note: 'ifupdown is not installed; systemd-networkd is the default' },
  mysql: { name: 'mariadb', severity: 'warning' },
  bind9: { name: 'named', severity: 'warning' },
  'nfs-kernel-server': { name: 'nfs-server', severity: 'warning' },
  smbd: { name: 'smb', severity: 'warning' },
  nmbd: { name: 'nmb', severity: 'warning' },
  'redis-server': { name: 'redis (or valkey)', severity: 'warning' },
  apparmor: { name: '(none: SELinux)', severity: 'warning', note: 'AppArmor is not active on Azure Linux 4.0' },
};
const PHP_FPM = /^php\d+(\.\d+)?-fpm$/;
const SERVICE_MODULES = new Set(['service', 'systemd', 'systemd_service', 'sysvinit']);

export default defineRule({
  meta: {
    id: 'ansible/service-name',
    title: 'Ansible manages a service by its Debian name',
    category: 'conventions',
    severity: 'error',
    blocker: false,
    fixable: 'unsafe',
    kinds: ['ansible'],
    effort: 1,
  },
  create(ctx) {
    return {
      end() {
        const a = ansibleOf(ctx.facts);
        if (!a) return;
        for (const t of a.tasks) {
          if (!SERVICE_MODULES.has(shortModule(t.module)) || taskGatedAway(t, a.hasRpmBranch)) continue;
          const n = t.args.get('name');
          const v = n?.value?.replace(/\.service$/, '');
          if (!n || !v) continue;
          const m = SERVICE_NAMES[v] ?? (PHP_FPM.test(v) ? { name: 'php-fpm', severity: 'warning' as Severity } : undefined);
          if (!m) continue;
          const exactName = n.exact && ctx.facts.source.slice(n.span) === n.value;
          ctx.report({
            span: n.span,
            exact: n.exact,
            severity: m.severity,
            message: `${code(v)} is the Debian name of this service; on Azure Linux 4.0 it is ${code(m.name)}${m.note ? ` (${m.note})` : ''}.`,
            why: `Unit names come from the packages; Fedora-family packages name the unit ${m.name}, so "Could not find the requested service ${v}" fails the play.${m.severity === 'warning' ? ' Verify the unit name of the package you install.' : ''}`,
            action: `Use ${code(`name: ${m.name}`)}, or a variable set per OS family.`,
            fix: exactName && !m.name.includes(' ') ? { title: `Rename to ${m.name}`, safety: 'unsafe', edits: [{ span: n.span, text: m.name }] } : undefined,
          });
        }
      },
    };
  },
});
