import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { contentMatches, writtenFiles } from '../../../src/rules/support/text.js';

const WHY =
  'Azure Linux 4.0\'s dnf5 defaults set pkg_gpgcheck=True (20-azurelinux-defaults.conf); rpm 6 signature enforcement was backed out to the rpm 4.x level, so an unsigned or unchecked package installs silently. Knowledge sheet §1 "dnf5 behaviour" [M:specs/a/azurelinux-release/20-azurelinux-defaults.conf; M:specs/r/rpm/rpm.spec changelog].';
const ACTION = 'Keep signature checking on: import the vendor key (`rpm --import KEY_URL` or `gpgkey=` in the .repo file) and set `gpgcheck=1`.';

export default defineRule({
  meta: {
    id: 'repos/gpgcheck-off',
    title: 'Package signature checking turned off (gpgcheck=0, --nogpgcheck)',
    category: 'repositories',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
        if (!['dnf', 'dnf5', 'yum', 'tdnf', 'microdnf', 'rpm'].includes(cmd.base)) return;
        const w = cmd.args.find((a) => /^(--nogpgcheck|--no-gpgchecks|--nosignature|--setopt=(\w+\.)?(pkg_)?gpgcheck=(0|false|False))$/.test(a.value ?? ''));
        if (!w) return;
        ctx.report({ span: w.span, exact: w.exact, message: `${code(w.value!)} installs packages without checking their signatures.`, why: WHY, action: ACTION });
      },
      end() {
        const repo = (p: string) => p === '' || /\.repo$/.test(p) || /^\/etc\/(dnf|yum)/.test(p);
        for (const c of contentMatches(writtenFiles(cmds, ctx.facts.source), /^\s*((?:repo_|pkg_|localpkg_)?gpgcheck)\s*=\s*(0|false|no)\s*$/gi, repo)) {
          ctx.report({
            span: c.span,
            exact: c.exact,
            message: `${code(c.m[0].trim())} turns off signature checking for this repository.`,
            why: WHY,
            action: ACTION,
          });
        }
      },
    };
  },
});
