import { defineRule } from '../../../src/core/rule.js';
import { parseArgs, headSpan, headText, code } from '../../../src/rules/support/commands.js';

const APT = new Set(['apt', 'apt-get', 'aptitude']);
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
    title: 'apt, apt-get and aptitude do not exist on Azure Linux 4.0',
    category: 'package-manager',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 2,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (!APT.has(cmd.base)) return;
        const p = parseArgs(cmd, WITH_VALUE);
        const sub = p.sub?.value ?? '';
        const pkgs = p.positionals.map((w) => w.value ?? w.text).join(' ');
        const eq = EQUIVALENT[sub];
        ctx.report({
          span: headSpan(cmd, p),
          exact: cmd.exact,
          message: `${code(headText(cmd, p))} will fail: Azure Linux 4.0 has no ${cmd.base}; its package manager is dnf5 (\`dnf\`).`,
          why: 'Azure Linux 4.0 is Fedora-based and ships dnf5 (with dnf, yum, microdnf and tdnf as aliases); there is no apt or dpkg.',
          action: eq
            ? `Use ${code(eq(pkgs))}${sub === 'install' ? '; package names differ (see pkg/* findings)' : sub === 'update' ? ', or drop it: dnf refreshes metadata when it installs' : ''}.`
            : 'Rewrite this step with dnf (`dnf install`, `dnf remove`, `dnf upgrade`, `dnf info`).',
        });
      },
    };
  },
});
