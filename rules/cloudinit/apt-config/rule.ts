import { defineRule } from '../../../src/core/rule.js';
import { cloudConfigOf, writeFilesOf } from '../../../src/languages/cloudinit/facts.js';
import { code } from '../../../src/rules/support/commands.js';

/** cloud-config keys read only by cc_apt_configure / cc_apt_pipelining (distros: debian, ubuntu). */
const APT_KEYS = ['apt', 'apt_sources', 'apt_mirror', 'apt_mirror_search', 'apt_mirror_search_dns', 'apt_proxy', 'apt_http_proxy', 'apt_ftp_proxy', 'apt_https_proxy', 'apt_preserve_sources_list', 'apt_custom_sources_list', 'apt_pipelining', 'debconf_selections'];

export default defineRule({
  meta: {
    id: 'cloudinit/apt-config',
    title: 'cloud-init apt configuration is ignored on Azure Linux 4.0',
    category: 'repositories',
    severity: 'warning',
    blocker: false,
    fixable: false,
    kinds: ['cloud-init'],
    effort: 2,
  },
  create(ctx) {
    return {
      end() {
        const cc = cloudConfigOf(ctx.facts);
        if (!cc) return;
        for (const k of APT_KEYS) {
          const v = cc.keys.get(k);
          if (!v?.keySpan) continue;
          ctx.report({
            span: v.keySpan,
            message: `${code(`${k}:`)} is apt configuration; cloud-init on Azure Linux 4.0 (distro fedora) skips it, so these repositories, keys or proxies are never set up.`,
            why: 'cloud-init runs apt_configure, apt_pipelining and debconf only on Debian and Ubuntu; Azure Linux 4.0 renders cloud-init for distro=fedora and has no apt.',
            action: 'Use `yum_repos:` (written to /etc/yum.repos.d, read by dnf5) for repositories, `rpm --import` in runcmd (or gpgkey= in the repo) for keys, and `proxy=` in the repo or dnf.conf for proxies.',
          });
        }
        for (const w of writeFilesOf(ctx.facts)) {
          if (!/^\/etc\/apt\//.test(w.path)) continue;
          ctx.report({
            span: w.pathSpan,
            exact: w.exact,
            message: `write_files writes ${code(w.path)}, an apt configuration file that nothing reads on Azure Linux 4.0.`,
            why: 'Azure Linux 4.0 has no apt; dnf5 reads repositories from /etc/yum.repos.d/*.repo.',
            action: 'Write a .repo file under /etc/yum.repos.d/ (or use `yum_repos:`) pointing at the RPM repository of the vendor.',
          });
        }
      },
    };
  },
});
