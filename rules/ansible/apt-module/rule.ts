import { defineRule } from '../../../src/core/rule.js';
import { ansibleOf } from '../../../src/languages/ansible/facts.js';
import { shortModule, taskGatedAway } from '../../../src/languages/ansible/index.js';
import { code } from '../../../src/rules/support/commands.js';

const REPLACEMENT: Record<string, { use: string; note: string }> = {
  apt: { use: 'ansible.builtin.dnf', note: 'Package names differ (see the pkg/* findings); `name`, `state` and `update_cache` carry over, `install_recommends: false` becomes `install_weak_deps: false`, and `cache_valid_time`, `autoclean`, `dpkg_options` have no equivalent.' },
  apt_key: { use: 'ansible.builtin.rpm_key', note: 'Import the vendor\'s RPM signing key (or set `gpgkey:` on the yum_repository task).' },
  apt_repository: { use: 'ansible.builtin.yum_repository', note: 'Point it at the vendor\'s RPM repository; `$releasever` is 4.0 on Azure Linux 4.0, so Fedora/EL repository URLs built on it do not resolve.' },
  deb822_repository: { use: 'ansible.builtin.yum_repository', note: 'Point it at the vendor\'s RPM repository.' },
  dpkg_selections: { use: 'community.general.dnf_versionlock', note: 'Holding a package version is `dnf versionlock` (plugin from dnf5-plugins).' },
  debconf: { use: 'ansible.builtin.lineinfile / template on the service\'s configuration file', note: 'RPM packages have no debconf questions; configure the installed files directly.' },
};

export default defineRule({
  meta: {
    id: 'ansible/apt-module',
    title: 'Ansible apt-family modules fail on Azure Linux 4.0',
    category: 'package-manager',
    severity: 'error',
    blocker: true,
    fixable: false,
    kinds: ['ansible'],
    effort: 2,
  },
  create(ctx) {
    return {
      end() {
        const a = ansibleOf(ctx.facts);
        if (!a) return;
        for (const t of a.tasks) {
          const short = shortModule(t.module);
          const r = REPLACEMENT[short];
          if (!r || !/^ansible\.builtin\./.test(t.module) || taskGatedAway(t, a.hasRpmBranch)) continue;
          const gatedDebian = t.gates.length > 0;
          ctx.report({
            span: t.moduleSpan,
            message: `${code(t.moduleRaw)} manages Debian packaging, which Azure Linux 4.0 does not have${gatedDebian ? '; this task is gated to Debian-like hosts and no other task in the file covers the RPM family' : ''}.`,
            why: 'Azure Linux 4.0 is Fedora-based and manages packages with dnf5 and RPM; the apt modules need apt, dpkg and python3-apt, none of which exist there.',
            action: `Use ${code(r.use)}. ${r.note}`,
            evidence: `${short} ${t.span.start}`,
          });
        }
        // Files written straight into apt's configuration (sources lists, keyrings, preferences).
        for (const t of a.tasks) {
          if (!['copy', 'template', 'get_url', 'lineinfile', 'blockinfile'].includes(shortModule(t.module)) || taskGatedAway(t, a.hasRpmBranch)) continue;
          const d = t.args.get('dest') ?? t.args.get('path');
          if (!d?.value || !/^\/etc\/apt\//.test(d.value)) continue;
          ctx.report({
            span: d.span,
            exact: d.exact,
            message: `${code(shortModule(t.module))} writes ${code(d.value)}, apt configuration that nothing reads on Azure Linux 4.0.`,
            why: 'Azure Linux 4.0 has no apt; dnf5 reads repositories from /etc/yum.repos.d/*.repo and keys from the rpm database.',
            action: 'Use `ansible.builtin.yum_repository` (and `ansible.builtin.rpm_key`) with the vendor\'s RPM repository.',
          });
        }
      },
    };
  },
});
