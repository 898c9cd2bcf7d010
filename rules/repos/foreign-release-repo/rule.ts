import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { textHits } from '../../../src/rules/support/text.js';

interface Vendor {
  re: RegExp;
  name: string;
  offer: string;
  severity?: 'error' | 'warning';
  msg?: (m: RegExpExecArray) => string;
}

const VENDORS: Vendor[] = [
  {
    re: /download\.docker\.com\/linux\/(ubuntu|debian|raspbian|centos|rhel|sles)\b/g,
    name: 'Docker CE',
    offer: 'Azure Linux 4.0 ships Docker in its base repository: `dnf install -y moby-engine docker-cli docker-buildx docker-compose` (then `systemctl enable --now docker`). Docker\'s own fedora repository is keyed to $releasever, which is 4.0 here.',
  },
  {
    re: /packages\.microsoft\.com\/(?:config\/)?(ubuntu|debian|rhel|centos|sles|opensuse|fedora|cbl-mariner|azurelinux\/3\.0)\b[^\s"']*/g,
    name: 'packages.microsoft.com',
    offer: 'Use the Azure Linux 4.0 tree: packages.microsoft.com/azurelinux/4.0/beta/{base,microsoft,nvidia}/$basearch. Note that .NET and PowerShell have no Azure Linux 4.0 packages (use the tarball installers).',
  },
  {
    re: /(?:deb|rpm)\.nodesource\.com\/[^\s"']*/g,
    name: 'NodeSource',
    offer: 'Azure Linux 4.0 has Node.js in its base repository: `dnf install -y nodejs` (22.x) or `nodejs24`; there is no nodejs20.',
  },
  {
    re: /\/(?:el|centos|rhel|epel)\/[5-9](?:\/|\b)[^\s"']*|\.el[5-9][._][^\s"']*\.rpm\b/g,
    name: 'an Enterprise Linux (RHEL/CentOS) release',
    msg: (m) => `${code(m[0])} is built for Enterprise Linux ${/(\d)/.exec(m[0])?.[1] ?? ''} (RHEL/CentOS); Azure Linux 4.0 is Fedora 43 based, so its dependencies may be missing or incompatible.`,
    offer: 'EL packages are built against other library versions than Azure Linux 4.0 (Fedora 43 based, glibc 2.42, OpenSSL 3.5, Python 3.14); use the vendor\'s Fedora build if it has one, the Azure Linux package, or a container image.',
    severity: 'warning',
  },
];

export default defineRule({
  meta: {
    id: 'repos/foreign-release-repo',
    title: 'Vendor repository or package keyed to another distribution\'s release (Docker, Microsoft, NodeSource, EL)',
    category: 'repositories',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 2,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
      },
      end() {
        for (const v of VENDORS) {
          for (const h of textHits(cmds, ctx.facts.source, v.re)) {
            ctx.report({
              span: h.span,
              exact: h.exact,
              severity: v.severity,
              blocker: v.severity !== 'warning',
              message: v.msg ? v.msg(h.m) : `${code(h.m[0])} is ${v.name}'s repository for ${h.m[1] ? code(h.m[1]) : 'another distribution'}; it does not serve Azure Linux 4.0.`,
              why: 'Azure Linux 4.0 is an RPM distribution rebuilt from Fedora 43 with ID=azurelinux and $releasever=4.0 (knowledge sheet §0 [M:distro/azurelinux.distro.toml]); Debian/Ubuntu repositories cannot be used, and EL- or Fedora-keyed URLs resolve to other libraries or 404. Microsoft\'s repository layout for AZL4 is packages.microsoft.com/azurelinux/4.0/beta/... (§1 "Repositories and channels" [L:package-repositories]); moby-engine, docker-cli and nodejs are in rpm-base (§2 "Language runtimes").',
              action: v.offer,
              evidence: h.m[0],
            });
          }
        }
      },
    };
  },
});
