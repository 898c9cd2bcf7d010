import { defineRule } from '../../../src/core/rule.js';
import type { Word } from '../../../src/core/facts.js';
import { parseArgs, code } from '../../../src/rules/support/commands.js';
import { canFix, fix, replace } from '../../../src/rules/support/fixes.js';

const WITH_VALUE = new Set(['--releasever', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-c', '--config', '--exclude', '--setopt']);

export default defineRule({
  meta: {
    id: 'pkgmgr/tdnf',
    title: 'tdnf is only a dnf5 alias on Azure Linux 4.0; tdnf-only syntax and files are gone',
    category: 'package-manager',
    severity: 'warning',
    blocker: false,
    fixable: 'safe',
    effort: 1,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base !== 'tdnf') return;
        const p = parseArgs(cmd, WITH_VALUE);
        const sub = p.sub?.value;
        if (sub === 'autoremove' && p.positionals.length > 0) {
          ctx.report({
            span: { start: cmd.nameWord.span.start, end: p.positionals[p.positionals.length - 1]!.span.end },
            exact: cmd.exact,
            severity: 'error',
            blocker: true,
            message: `${code(`tdnf autoremove ${p.positionals.map((w) => w.text).join(' ')}`)} fails on Azure Linux 4.0: dnf5's autoremove takes no package names.`,
            why: 'tdnf is a symlink to dnf5, which rejects `autoremove <pkg>` ("Unknown argument ... for command autoremove"); dotnet-docker hit exactly this.',
            action: `Use ${code(`dnf remove -y ${p.positionals.map((w) => w.text).join(' ')}`)} (then \`dnf autoremove\` if wanted).`,
            fix: canFix(cmd) && p.sub ? fix('Use dnf remove', 'safe', [replace(cmd.nameWord, 'dnf'), replace(p.sub, 'remove')]) : undefined,
          });
          return;
        }
        const root = p.options.find((o) => o.name === '--installroot');
        if (root && !p.options.some((o) => o.name === '--use-host-config')) {
          ctx.report({
            span: root.word.span,
            exact: root.word.exact,
            message: '`--installroot` now also loads dnf configuration and repositories from the install root.',
            why: 'dnf5 changed --installroot to read config and repos from the installroot; an empty root has none, so the install finds no packages. dotnet-docker had to add --use-host-config.',
            action: 'Add `--use-host-config` (with `--releasever=4.0` as needed), and write `dnf`.',
            fix: canFix(cmd) ? fix('Add --use-host-config', 'safe', [{ span: { start: afterValue(cmd.args, root.word), end: afterValue(cmd.args, root.word) }, text: ' --use-host-config' }]) : undefined,
          });
        }
        ctx.report({
          span: cmd.nameWord.span,
          exact: cmd.exact,
          message: `${code('tdnf')} is only an alias of dnf5 on Azure Linux 4.0: tdnf's own behaviour, configuration and plugins are gone.`,
          why: 'Azure Linux 4.0 ships /usr/bin/tdnf as a symlink to dnf5 ("Provides: tdnf"); Microsoft tells users to replace tdnf with dnf in scripts and Dockerfiles.',
          action: `Write ${code(['dnf', ...cmd.args.map((a) => a.text)].join(' ').slice(0, 80))}.`,
          fix: canFix(cmd) ? fix('Write dnf', 'safe', [replace(cmd.nameWord, 'dnf')]) : undefined,
        });
      },
      path(ref) {
        if (!/^\/etc\/tdnf(\/|$)/.test(ref.path)) return;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          message: `${code(ref.path)} does not exist on Azure Linux 4.0: tdnf's configuration is gone.`,
          why: 'tdnf, tdnf-plugin-repogpgcheck, tdnf-autoupdate and /etc/tdnf/tdnf.conf are not in Azure Linux 4.0; dnf5 reads /etc/dnf/dnf.conf and drop-ins.',
          action: 'Move the settings to /etc/dnf/dnf.conf (or a drop-in in /etc/dnf/libdnf5.conf.d/) and repositories to /etc/yum.repos.d/.',
        });
      },
    };
  },
});

/** End of an option's value: the option word itself for `--opt=value`, else the word after it. */
function afterValue(args: Word[], opt: Word): number {
  if ((opt.value ?? '').includes('=')) return opt.span.end;
  const i = args.indexOf(opt);
  return (args[i + 1] ?? opt).span.end;
}
