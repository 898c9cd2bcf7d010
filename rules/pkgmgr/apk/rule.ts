import { defineRule } from '../../../src/core/rule.js';
import { parseArgs, headSpan, headText, code } from '../../../src/rules/support/commands.js';
import { allOrNothingPerUnit, refreshFix, translateToDnf, withStageSafety } from '../../../src/rules/support/pkgfix.js';
import type { Fix } from '../../../src/core/types.js';
import type { ShellCommand } from '../../../src/core/facts.js';

const ADD_OPTIONS = { '--no-cache': '', '-U': '', '--update': '', '--update-cache': '', '-q': '-q', '--quiet': '-q' };

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
    fixable: 'safe',
    effort: 2,
  },
  create(ctx) {
    const text = ctx.facts.source.text;
    const fixOf = (cmd: ShellCommand): Fix | undefined => {
      const p = parseArgs(cmd, WITH_VALUE);
      const sub = p.sub?.value ?? '';
      if (sub === 'add') return translateToDnf(cmd, p, { sub: 'install -y', options: ADD_OPTIONS, packages: true, from: 'alpine' }, 'Install with dnf, with Azure Linux 4.0 package names', text);
      if (sub === 'del') return translateToDnf(cmd, p, { sub: 'remove -y', options: { '-q': '-q' }, packages: true, from: 'alpine' }, 'Remove with dnf', text);
      if (sub === 'upgrade') return translateToDnf(cmd, p, { sub: 'upgrade -y', options: ADD_OPTIONS, packages: false, from: 'alpine' }, 'Upgrade with dnf', text);
      if (sub === 'update') return refreshFix(cmd, p, text);
      return undefined;
    };
    const fixFor = allOrNothingPerUnit(ctx.facts.commands, (c) => c.base === 'apk', fixOf);
    return {
      command(cmd) {
        if (cmd.base !== 'apk') return;
        const p = parseArgs(cmd, WITH_VALUE);
        const sub = p.sub?.value ?? '';
        const eq = EQUIVALENT[sub];
        const virtual = p.options.find((o) => o.name === '-t' || o.name === '--virtual');
        const fix = withStageSafety(ctx.facts, cmd, fixFor(cmd));
        ctx.report({
          fix,
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
