import { defineRule } from '../../../src/core/rule.js';
import { parseArgs, headSpan, headText, code } from '../../../src/rules/support/commands.js';

export default defineRule({
  meta: {
    id: 'pkgmgr/zypper',
    title: 'zypper (SUSE) does not exist on Azure Linux 4.0',
    category: 'package-manager',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 2,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base !== 'zypper') return;
        const p = parseArgs(cmd, new Set(['-r', '--repo', '--root', '-R']));
        ctx.report({
          span: headSpan(cmd, p),
          exact: cmd.exact,
          message: `${code(headText(cmd, p))} will fail: Azure Linux 4.0 has no zypper; its package manager is dnf5 (\`dnf\`).`,
          why: 'Azure Linux 4.0 manages RPM packages with dnf5; SUSE repositories and zypper are not available.',
          action: 'Use `dnf install -y`, `dnf remove -y`, `dnf upgrade -y` and .repo files in /etc/yum.repos.d/; package names differ from SUSE\'s.',
        });
      },
    };
  },
});
