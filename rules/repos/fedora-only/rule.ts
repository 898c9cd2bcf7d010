import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { textHits } from '../../../src/rules/support/text.js';

const WHY =
  'Azure Linux 4.0 is rebuilt from Fedora 43 but is not Fedora: $releasever is 4.0, there is no /etc/fedora-release, no rpmfusion packages, and mixing repositories is unsupported; RPM Fusion usability is UNCONFIRMED (presumed unusable). `dnf copr` comes from dnf5-plugins, published to the unsupported rpm-sdk channel. Knowledge sheet §0 and §1 "Repositories and channels" [M:distro/azurelinux.distro.toml; CALC M lists; M:exceptions.packages.toml].';

const SOURCES: { re: RegExp; what: string; action: string }[] = [
  { re: /(?:download\d*\.)?rpmfusion\.org[^\s"']*|\brpmfusion-(?:free|nonfree)-release\b/g, what: 'RPM Fusion', action: 'Find the software in Azure Linux 4.0 (`azl-migrate pkg NAME`), build it yourself, or use a container image; RPM Fusion builds for Fedora releases ($releasever 4.0 does not exist there).' },
  { re: /copr\.fedorainfracloud\.org[^\s"']*/g, what: 'a Fedora COPR repository', action: 'Rebuild the COPR package for Azure Linux 4.0 (its SRPM) or use a container image; COPR chroots are per Fedora release.' },
  { re: /download\.docker\.com\/linux\/fedora[^\s"']*/g, what: "Docker's Fedora repository", action: 'Install Docker from the Azure Linux base repository: `dnf install -y moby-engine docker-cli docker-buildx docker-compose`.' },
];

export default defineRule({
  meta: {
    id: 'repos/fedora-only',
    title: 'Fedora-only package sources (COPR, RPM Fusion, docker-ce fedora) on Azure Linux 4.0',
    category: 'repositories',
    severity: 'warning',
    blocker: false,
    fixable: false,
    unconfirmed: true,
    effort: 2,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
        const p = cmd.args;
        if ((cmd.base === 'dnf' || cmd.base === 'dnf5' || cmd.base === 'yum') && p[0]?.value === 'copr' && /^(enable|add)$/.test(p[1]?.value ?? '')) {
          ctx.report({
            span: { start: p[0].span.start, end: p[1]!.span.end },
            exact: p[0].exact && p[1]!.exact,
            message: `${code(`${cmd.base} copr ${p[1]!.value}`)} enables a Fedora COPR repository; its chroots are per Fedora release and the copr plugin is not in the supported base channel.`,
            why: WHY,
            action: SOURCES[1]!.action,
          });
        }
      },
      end() {
        for (const s of SOURCES) {
          for (const h of textHits(cmds, ctx.facts.source, s.re)) {
            ctx.report({
              span: h.span,
              exact: h.exact,
              message: `${code(h.m[0])} is ${s.what}, built for Fedora releases; Azure Linux 4.0 is not Fedora ($releasever=4.0), so it 404s or mixes incompatible packages.`,
              why: WHY,
              action: s.action,
              evidence: h.m[0],
            });
          }
        }
      },
    };
  },
});
