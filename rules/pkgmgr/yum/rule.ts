import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { canFix, fix, replace } from '../../../src/rules/support/fixes.js';

/** DNF4-based tools from dnf-utils (knowledge sheet §1). */
const DNF_UTILS = new Set(['yum-config-manager', 'repoquery', 'yumdownloader', 'package-cleanup', 'debuginfo-install', 'needs-restarting']);
const DNF5_EQUIVALENT: Record<string, string> = {
  'yum-config-manager': '`dnf config-manager addrepo --from-repofile=URL` / `dnf config-manager setopt REPO.enabled=1`',
  repoquery: '`dnf repoquery` (note: `--qf` no longer adds a newline; `--resolve` is `--providers-of=`)',
  yumdownloader: '`dnf download`',
  'package-cleanup': '`dnf autoremove` / `dnf remove --oldinstallonly`',
  'debuginfo-install': '`dnf debuginfo-install`',
  'needs-restarting': '`dnf needs-restarting` (dnf5 only answers whether a reboot is needed; `-r`/`-u` are gone)',
};

export default defineRule({
  meta: {
    id: 'pkgmgr/yum',
    title: 'yum and yum-utils run dnf5 (or DNF4 tools that are not installed) on Azure Linux 4.0',
    category: 'package-manager',
    severity: 'warning',
    blocker: false,
    fixable: 'safe',
    effort: 1,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base === 'yum') {
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact,
            severity: 'info',
            message: `${code('yum')} is an alias of dnf5 on Azure Linux 4.0: it runs, but with dnf5's syntax and behaviour.`,
            why: 'dnf5 provides /usr/bin/yum as a symlink; options and subcommands dropped by dnf5 fail (see pkgmgr/dnf5-syntax).',
            action: 'Write `dnf` so that readers know dnf5 semantics apply.',
            fix: canFix(cmd) ? fix('Write dnf', 'safe', [replace(cmd.nameWord, 'dnf')]) : undefined,
          });
        } else if (DNF_UTILS.has(cmd.base)) {
          ctx.report({
            span: cmd.nameWord.span,
            exact: cmd.exact,
            message: `${code(cmd.base)} comes from dnf-utils, a DNF4 package that the Azure Linux 4.0 VM image does not include.`,
            why: 'On Azure Linux 4.0, dnf is dnf5. yum-config-manager, repoquery, yumdownloader, package-cleanup, debuginfo-install and needs-restarting come from dnf-utils (DNF4-based, in rpm-base, not in the Apr-30 VM image definition).',
            action: `Use ${DNF5_EQUIVALENT[cmd.base]}, or install dnf-utils first.`,
          });
        }
      },
    };
  },
});
