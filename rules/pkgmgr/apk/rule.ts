import { defineRule } from '../../../src/core/rule.js';
import { parseArgs, headSpan, headText, code } from '../../../src/rules/support/commands.js';

const WITH_VALUE = new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--keys-dir', '--cache-dir']);
const EQUIVALENT: Record<string, string> = {
  add: 'dnf install -y',
  del: 'dnf remove -y',
  update: 'dnf makecache (or nothing)',
  upgrade: 'dnf upgrade -y',
  info: 'dnf info',
  search: 'dnf search',
  cache: 'dnf clean all',
};

export default defineRule({
  meta: {
    id: 'pkgmgr/apk',
    title: 'apk (Alpine) does not exist on Azure Linux 4.0',
    category: 'package-manager',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 2,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base !== 'apk') return;
        const p = parseArgs(cmd, WITH_VALUE);
        const sub = p.sub?.value ?? '';
        const eq = EQUIVALENT[sub];
        const virtual = p.options.find((o) => o.name === '-t' || o.name === '--virtual');
        ctx.report({
          span: headSpan(cmd, p),
          exact: cmd.exact,
          message: `${code(headText(cmd, p))} will fail: Azure Linux 4.0 has no apk; its package manager is dnf5 (\`dnf\`).`,
          why: 'Azure Linux 4.0 is Fedora-based (glibc, RPM, dnf5); Alpine packages and apk do not exist there.',
          action: `${eq ? `Use ${code(eq)}` : 'Rewrite this step with dnf'}${sub === 'add' ? '; `--no-cache` becomes `dnf clean all` after the install' : ''}${virtual ? '; there are no virtual packages: remove build dependencies by name with `dnf remove`' : ''}. Package names differ (see pkg/* findings).`,
        });
      },
    };
  },
});
