import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { resolveRef, runtimeOf } from '../../../src/rules/support/packages.js';

const INSTALL = /^(install|add|reinstall|in)$/;
const INSTALLERS = new Set(['apt-get', 'apt', 'aptitude', 'apk', 'yum', 'dnf', 'tdnf', 'microdnf', 'zypper']);

export default defineRule({
  meta: {
    id: 'pkg/unknown',
    title: 'Package name azl-migrate cannot map: verify it',
    category: 'packages',
    severity: 'info',
    blocker: false,
    fixable: false,
    effort: 0.5,
  },
  create(ctx) {
    return {
      package(ref) {
        if (runtimeOf(ref)) return;
        const r = resolveRef(ref);
        if (r.status !== 'unknown') return;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          message: `Unknown mapping for ${code(ref.name)}: verify which Azure Linux 4.0 package provides it.`,
          why: `${code(ref.name)} is neither in the reviewed name maps nor in the Azure Linux 4.0 catalog under this name; azl-migrate does not guess package names.`,
          action: `Look it up (\`dnf provides '*/<file it installs>'\` or \`dnf search ${ref.name}\` on Azure Linux 4.0) and install that package.`,
        });
      },
      command(cmd) {
        if (!cmd.xargsInput || !INSTALLERS.has(cmd.base)) return;
        const sub = cmd.args.find((a) => a.value && !a.value.startsWith('-'));
        if (!sub?.value || !INSTALL.test(sub.value)) return;
        const from = cmd.xargsInput.startsWith('(') ? 'standard input' : code(cmd.xargsInput);
        ctx.report({
          span: { start: cmd.nameWord.span.start, end: sub.span.end },
          exact: cmd.exact,
          message: `Package names come from ${from}, which azl-migrate does not read: check each name.`,
          why: 'The names are only known when the command runs; Debian, Alpine and Azure Linux 3.0 names often differ on Azure Linux 4.0.',
          action: `Check them with \`azl-migrate pkg $(cat ${cmd.xargsInput.startsWith('(') ? 'FILE' : cmd.xargsInput})\`.`,
        });
      },
    };
  },
});
