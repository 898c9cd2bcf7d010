import { defineRule } from '../../../src/core/rule.js';
import { parseArgs, headSpan, headText, code } from '../../../src/rules/support/commands.js';
import { allOrNothingPerUnit, refreshFix, translateToDnf, withStageSafety } from '../../../src/rules/support/pkgfix.js';
import type { Fix } from '../../../src/core/types.js';
import type { ShellCommand } from '../../../src/core/facts.js';

const YES = { '-y': '-y', '--yes': '-y', '--assume-yes': '-y', '-q': '-q', '-qq': '-q', '--quiet': '-q' };
const INSTALL_OPTIONS = { ...YES, '--no-install-recommends': '--setopt=install_weak_deps=False', '--no-install-suggests': '' };

const APT = new Set(['apt', 'apt-get', 'aptitude', 'apt-cache', 'apt-mark']);
const WITH_VALUE = new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']);

/** dnf equivalents of apt subcommands. Only commands the knowledge sheet (§1) says work as in dnf4. */
const EQUIVALENT: Record<string, (pkgs: string) => string> = {
  install: (p) => `dnf install -y ${p || '<packages>'}`,
  reinstall: (p) => `dnf reinstall -y ${p || '<packages>'}`,
  remove: (p) => `dnf remove -y ${p || '<packages>'}`,
  purge: (p) => `dnf remove -y ${p || '<packages>'}`,
  upgrade: () => 'dnf upgrade -y',
  'dist-upgrade': () => 'dnf upgrade -y',
  'full-upgrade': () => 'dnf upgrade -y',
  update: () => 'dnf makecache',
  autoremove: () => 'dnf autoremove',
  clean: () => 'dnf clean all',
  autoclean: () => 'dnf clean all',
  search: (p) => `dnf search ${p}`.trim(),
  show: (p) => `dnf info ${p}`.trim(),
  list: () => 'dnf list --installed',
};

export default defineRule({
  meta: {
    id: 'pkgmgr/apt',
    title: 'apt, apt-get, aptitude, apt-cache and apt-mark do not exist on Azure Linux 4.0',
    category: 'package-manager',
    severity: 'error',
    blocker: true,
    fixable: 'safe',
    effort: 2,
  },
  create(ctx) {
    const text = ctx.facts.source.text;
    const fixOf = (cmd: ShellCommand): Fix | undefined => {
      if (cmd.base !== 'apt' && cmd.base !== 'apt-get') return undefined;
      const p = parseArgs(cmd, WITH_VALUE);
      const sub = p.sub?.value ?? '';
      if (sub === 'install') return translateToDnf(cmd, p, { sub: 'install -y', options: INSTALL_OPTIONS, packages: true, from: 'debian' }, 'Install with dnf, with Azure Linux 4.0 package names', text);
      if (sub === 'remove' || sub === 'purge') return translateToDnf(cmd, p, { sub: 'remove -y', options: YES, packages: true, from: 'debian' }, 'Remove with dnf', text);
      if (sub === 'upgrade' || sub === 'dist-upgrade' || sub === 'full-upgrade') return translateToDnf(cmd, p, { sub: 'upgrade -y', options: YES, packages: false, from: 'debian' }, 'Upgrade with dnf', text);
      if (sub === 'autoremove') return translateToDnf(cmd, p, { sub: 'autoremove -y', options: YES, packages: false, from: 'debian' }, 'Autoremove with dnf', text);
      if (sub === 'clean' || sub === 'autoclean') return translateToDnf(cmd, p, { sub: 'clean all', options: {}, packages: false, from: 'debian' }, 'Clean with dnf', text);
      if (sub === 'update') return refreshFix(cmd, p, text);
      return undefined;
    };
    const fixFor = allOrNothingPerUnit(ctx.facts.commands, (c) => APT.has(c.base), fixOf);
    return {
      command(cmd) {
        if (!APT.has(cmd.base)) return;
        const p = parseArgs(cmd, WITH_VALUE);
        const sub = p.sub?.value ?? '';
        const pkgs = p.positionals.map((w) => w.value ?? w.text).join(' ');
        const eq = cmd.base === 'apt-mark' ? undefined : EQUIVALENT[sub];
        const fix = withStageSafety(ctx.facts, cmd, fixFor(cmd));
        ctx.report({
          fix,
          span: headSpan(cmd, p),
          exact: cmd.exact,
          message: `${code(headText(cmd, p))} will fail: Azure Linux 4.0 has no ${cmd.base}; its package manager is dnf5 (\`dnf\`).`,
          why: 'Azure Linux 4.0 is Fedora-based and ships dnf5 (with dnf, yum, microdnf and tdnf as aliases); its images and supported base channel have no apt or dpkg (the unsupported sdk channel has apt and dpkg packages, for working with Debian packages: they do not manage this system\'s RPMs).',
          action: eq
            ? `Use ${code(eq(pkgs))}${sub === 'install' ? '; package names differ (see pkg/* findings)' : sub === 'update' ? ', or drop it: dnf refreshes metadata when it installs' : ''}.`
            : 'Rewrite this step with dnf (`dnf install`, `dnf remove`, `dnf upgrade`, `dnf info`).',
        });
      },
    };
  },
});
