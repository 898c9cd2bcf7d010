import { commandPathRule, code } from '../../../src/rules/support/simple.js';

const WHY =
  'Azure Linux 4.0 packages Apache as Fedora does: the package and service are `httpd`, configuration lives in /etc/httpd (conf.d/*.conf and conf.modules.d/*.conf), and there are no a2enmod/a2ensite helpers or sites-available/sites-enabled directories. The distribution is rebuilt from Fedora 43 sources (knowledge sheet §0 [M:distro/azurelinux.distro.toml]); Fedora httpd layout: https://src.fedoraproject.org/rpms/httpd.';

export default commandPathRule(
  {
    id: 'conventions/apache-layout',
    title: 'Debian Apache layout and helpers (/etc/apache2, a2enmod, a2ensite) instead of httpd',
    category: 'conventions',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 2,
  },
  {
    why: WHY,
    commands: [
      {
        names: ['a2enmod', 'a2dismod', 'a2ensite', 'a2dissite', 'a2enconf', 'a2disconf', 'a2query'],
        message: (c) => `${code(c.base)} is a Debian Apache helper; Azure Linux 4.0's httpd has none.`,
        action: 'Modules are enabled by LoadModule lines in /etc/httpd/conf.modules.d/*.conf; sites and snippets are files in /etc/httpd/conf.d/ (remove or rename the file to disable it).',
      },
      {
        names: ['apache2', 'apache2ctl'],
        message: (c) => `${code(c.base)}: the Apache binary and control tool are ${code('httpd')} and ${code('apachectl')} on Azure Linux 4.0.`,
        action: 'Use `httpd -t` / `apachectl configtest`, and the `httpd` service.',
      },
      {
        names: ['systemctl', 'service'],
        when: (c) => c.args.some((a) => /^apache2(\.service)?$/.test(a.value ?? '')),
        message: (c) => `${code(c.base)} manages ${code('apache2')}; the service is ${code('httpd')} on Azure Linux 4.0.`,
        action: 'Use `systemctl enable --now httpd`.',
      },
    ],
    paths: [
      {
        re: /^\/etc\/apache2(?=\/|$)/,
        message: (r) => `${code(r.path)}: Azure Linux 4.0's Apache reads /etc/httpd, not /etc/apache2, so this configuration is ignored.`,
        action: 'Put virtual hosts and snippets in /etc/httpd/conf.d/NAME.conf (one file replaces sites-available + the sites-enabled link); modules in /etc/httpd/conf.modules.d/.',
      },
      {
        re: /^\/var\/log\/apache2(?=\/|$)/,
        message: (r) => `${code(r.path)}: httpd logs to /var/log/httpd on Azure Linux 4.0.`,
        action: 'Use /var/log/httpd (labelled httpd_log_t for SELinux).',
        severity: 'warning',
        blocker: false,
      },
    ],
  },
);
