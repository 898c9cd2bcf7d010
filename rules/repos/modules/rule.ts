import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code, parseArgs } from '../../../src/rules/support/commands.js';
import { contentMatches, writtenFiles } from '../../../src/rules/support/text.js';

const WHY =
  'dnf5 still has the `module` command, but Fedora stopped shipping modules in Fedora 39 and Azure Linux 4.0 is Fedora 43 based, so there are no module streams to enable. Knowledge sheet §1 "dnf5 behaviour" [M:dnf5.spec Provides dnf5-command(module); fedoraproject.org/wiki/Changes/RetireModularity].';

export default defineRule({
  meta: {
    id: 'repos/modules',
    title: 'dnf module streams (module enable/install, module_hotfixes) do not exist on Azure Linux 4.0',
    category: 'repositories',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
        if (!['dnf', 'dnf5', 'yum', 'microdnf'].includes(cmd.base)) return;
        const p = parseArgs(cmd, new Set(['--setopt', '--enablerepo', '--disablerepo', '--repo', '--installroot', '--releasever', '-c', '--config']));
        if (p.sub?.value !== 'module') return;
        const action = p.positionals[0];
        if (!action || !/^(enable|install|reset|switch-to|disable)$/.test(action.value ?? '')) return;
        const streams = p.positionals.slice(1).map((w) => w.value ?? w.text).join(' ');
        ctx.report({
          span: { start: p.sub.span.start, end: action.span.end },
          exact: p.sub.exact && action.exact,
          severity: action.value === 'reset' || action.value === 'disable' ? 'warning' : 'error',
          blocker: !(action.value === 'reset' || action.value === 'disable'),
          message: `${code(`${cmd.base} module ${action.value}${streams ? ' ' + streams : ''}`)}: Azure Linux 4.0 has no module streams, so this ${action.value === 'reset' || action.value === 'disable' ? 'does nothing' : 'fails'}.`,
          why: WHY,
          action: 'Install the package directly (`dnf install -y nodejs`, `nodejs24`, `php`, `postgresql-server`); pick the version from the package name where several exist (`azl-migrate pkg NAME`).',
        });
      },
      end() {
        for (const c of contentMatches(writtenFiles(cmds, ctx.facts.source), /^\s*module_hotfixes\s*=\s*\S+/g, (p) => p === '' || /\.repo$/.test(p))) {
          ctx.report({
            span: c.span,
            exact: c.exact,
            severity: 'info',
            blocker: false,
            message: `${code(c.m[0].trim())} only matters for module streams, which Azure Linux 4.0 does not have.`,
            why: WHY,
            action: 'Remove the option.',
          });
        }
      },
    };
  },
});
