import { defineRule } from '../../../src/core/rule.js';
import type { PackageRef } from '../../../src/core/facts.js';
import { ansibleOf } from '../../../src/languages/ansible/facts.js';
import { code } from '../../../src/rules/support/commands.js';

/**
 * Packages whose service Debian/Ubuntu start on install, and the unit name on Azure Linux 4.0. Only services that
 * the Azure Linux presets do not enable (knowledge sheet §2 "Default service presets"); docker is left out
 * because docker.socket is enabled by preset (socket activation).
 */
export const SERVICE_OF_PACKAGE: Record<string, string> = {
  nginx: 'nginx',
  'nginx-full': 'nginx',
  'nginx-light': 'nginx',
  apache2: 'httpd',
  httpd: 'httpd',
  containerd: 'containerd',
  'containerd.io': 'containerd',
  'mariadb-server': 'mariadb',
  // Oracle MySQL's server (rpm-sdk on Azure Linux 4.0; mariadb-server is the rpm-base choice) runs as mysqld.
  'mysql-server': 'mysqld',
  'default-mysql-server': 'mariadb',
  postgresql: 'postgresql',
  'postgresql-server': 'postgresql',
  haproxy: 'haproxy',
  memcached: 'memcached',
  'redis-server': 'redis',
  squid: 'squid',
  postfix: 'postfix',
  bind9: 'named',
  vsftpd: 'vsftpd',
  'nfs-kernel-server': 'nfs-server',
  samba: 'smb',
  'php-fpm': 'php-fpm',
  fail2ban: 'fail2ban',
  'prometheus-node-exporter': 'node_exporter',
};

/** Debian unit names that name the same service (so `systemctl enable apache2` counts for httpd). */
const ALIASES: Record<string, string[]> = { httpd: ['apache2'], mariadb: ['mysql', 'mysqld'], mysqld: ['mysql'], named: ['bind9'], 'nfs-server': ['nfs-kernel-server'], redis: ['redis-server'], smb: ['smbd'] };


/** The Azure Linux 4.0 service a unit, alias or package name stands for (`apache2` -> httpd). */
function canonicalService(name: string): string {
  for (const [svc, aliases] of Object.entries(ALIASES)) if (aliases.includes(name)) return svc;
  return SERVICE_OF_PACKAGE[name] ?? name;
}

/** What a file declares for each service whose start at boot it sets (RuleContext.declare). */
const decidedKey = (svc: string) => `systemd/service-decided:${svc}`;

/** systemctl verbs that set whether a service starts at boot; disable and mask mean it to stay stopped. */
const DECIDING_VERBS = new Set(['enable', 'reenable', 'preset', 'disable', 'mask']);

export default defineRule({
  meta: {
    id: 'systemd/enable-after-install',
    title: 'A service is installed but never enabled: Azure Linux presets leave it stopped',
    category: 'systemd',
    severity: 'warning',
    blocker: false,
    fixable: false,
    // Containers do not boot through systemd presets: their process is the image's CMD.
    kinds: ['shell', 'ansible', 'cloud-init', 'systemd'],
    effort: 1,
  },
  create(ctx) {
    const pkgs: PackageRef[] = [];
    return {
      package(p) {
        if (SERVICE_OF_PACKAGE[p.name]) pkgs.push(p);
      },
      end() {
        // Services whose state the file sets: enabled, or disabled or masked on purpose. Declared for the other
        // files of the scan too: an Ansible role installs in tasks/install.yml and enables in tasks/main.yml.
        const decided = new Set<string>();
        for (const c of ctx.facts.commands) {
          if (c.base !== 'systemctl') continue;
          const words = c.args.map((a) => a.value ?? '');
          const verb = words.find((w) => !w.startsWith('-'));
          if (!verb || !DECIDING_VERBS.has(verb)) continue;
          for (const w of words.slice(words.indexOf(verb) + 1)) if (!w.startsWith('-')) decided.add(w.replace(/\.service$/, ''));
        }
        for (const t of ansibleOf(ctx.facts)?.tasks ?? []) {
          if (!/(^|\.)(service|systemd|systemd_service|sysvinit)$/.test(t.module)) continue;
          const name = t.args.get('name')?.value;
          const en = t.args.get('enabled')?.value;
          if (name && en !== undefined) decided.add(name.replace(/\.service$/, ''));
        }
        for (const d of decided) ctx.declare(decidedKey(canonicalService(d)));
        if (pkgs.length === 0) return;
        const seen = new Set<string>();
        for (const p of pkgs) {
          const svc = SERVICE_OF_PACKAGE[p.name]!;
          if (decided.has(svc) || (ALIASES[svc] ?? []).some((a) => decided.has(a)) || decided.has(p.name) || seen.has(svc)) continue;
          seen.add(svc);
          ctx.report({
            span: p.span,
            exact: p.exact,
            message: `${code(p.name)} is installed but ${code(`${svc}.service`)} is never enabled, in this file or another of the scan; on Azure Linux 4.0 it stays stopped after install and after reboot.`,
            why: 'Debian and Ubuntu start services when their package is installed; Azure Linux 4.0 ends its presets with `disable *`, so every service not listed (nginx, httpd, containerd, databases, ...) is installed disabled.',
            action: `Add ${code(`systemctl enable --now ${svc}`)} (Ansible: \`ansible.builtin.systemd: name=${svc} enabled=true state=started\`).`,
            evidence: `${p.name}->${svc}`,
            unlessDeclaredElsewhere: decidedKey(svc),
          });
        }
      },
    };
  },
});
