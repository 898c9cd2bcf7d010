import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';

/** rpm equivalents of dpkg queries (rpm 6 is the package database on Azure Linux 4.0). */
const OPTION_EQUIVALENT: [RegExp, string][] = [
  [/^(-i|--install)$/, '`dnf install -y ./package.rpm` (an RPM built for Azure Linux 4.0 or Fedora 43, not a .deb)'],
  [/^(-l|--list)$/, '`rpm -qa` (or `rpm -q <package>`)'],
  [/^(-s|--status)$/, '`rpm -q <package>` (exit status 0 when installed)'],
  [/^(-L|--listfiles)$/, '`rpm -ql <package>`'],
  [/^(-S|--search)$/, '`rpm -qf <file>`'],
  [/^(-r|--remove|-P|--purge)$/, '`dnf remove -y <package>`'],
  [/^--print-architecture$/, '`uname -m` (note: RPM names architectures x86_64 and aarch64, not amd64 and arm64)'],
  [/^--(get|set)-selections$/, '`rpm -qa` to list; there is no selections state in dnf'],
];

const DPKG = new Set(['dpkg', 'dpkg-query', 'dpkg-reconfigure', 'dpkg-divert', 'dpkg-deb', 'dpkg-architecture', 'dpkg-scanpackages', 'dpkg-statoverride', 'dpkg-buildpackage']);

export default defineRule({
  meta: {
    id: 'pkgmgr/dpkg',
    title: 'dpkg and its tools do not exist on Azure Linux 4.0',
    category: 'package-manager',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (!DPKG.has(cmd.base)) return;
        const opt = cmd.args.find((a) => a.value && OPTION_EQUIVALENT.some(([re]) => re.test(a.value!)));
        const eq = opt ? OPTION_EQUIVALENT.find(([re]) => re.test(opt.value!))![1] : undefined;
        const shown = opt ? `${cmd.base} ${opt.value}` : cmd.base;
        let action: string;
        if (cmd.base === 'dpkg-query') action = 'Use `rpm -q` (`rpm -q --qf \'%{VERSION}\' <package>` for a version).';
        else if (cmd.base === 'dpkg-reconfigure') action = 'There is no debconf: configure the package through its files, `localectl` (locales) or `timedatectl` (time zone).';
        else if (eq) action = `Use ${eq}.`;
        else action = 'Use rpm queries (`rpm -q`, `rpm -qa`, `rpm -ql`, `rpm -qf`) or dnf.';
        ctx.report({
          span: { start: cmd.nameWord.span.start, end: opt ? opt.span.end : cmd.nameWord.span.end },
          exact: cmd.exact,
          message: `${code(shown)} will fail: Azure Linux 4.0 has no dpkg; packages are RPMs managed by rpm and dnf5.`,
          why: 'Azure Linux 4.0 is built from Fedora 43 sources as RPM packages (rpm 6, dnf5); its images and supported base channel have no Debian package tools (the unsupported sdk channel has dpkg and dpkg-dev packages, for working with Debian packages: they do not manage this system\'s RPMs).',
          action,
        });
      },
    };
  },
});
