import { defineRule } from '../../../src/core/rule.js';
import type { Word } from '../../../src/core/facts.js';
import type { Severity } from '../../../src/core/types.js';
import { parseArgs, code } from '../../../src/rules/support/commands.js';
import { canFix, fix as mkFix, replace, words } from '../../../src/rules/support/fixes.js';
import type { Fix, TextEdit } from '../../../src/core/types.js';

/** Names that run dnf5 on Azure Linux 4.0 but whose scripts were written for dnf4/yum/tdnf. */
const DNF = new Set(['dnf', 'yum', 'tdnf', 'microdnf', 'dnf-3', 'dnf4']);
const WITH_VALUE = new Set(['--add-repo', '--releasever', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-c', '--config', '-x', '--exclude', '--setopt', '--downloaddir', '--destdir', '-d', '--debuglevel', '-e', '--errorlevel', '--rpmverbosity']);

const GROUP: Record<string, string> = {
  groupinstall: 'group install',
  groupinfo: 'group info',
  grouplist: 'group list',
  groups: 'group list',
  groupremove: 'group remove',
  grouperase: 'group remove',
  groupupdate: 'group upgrade',
};
const DROPPED_COMMANDS: Record<string, string> = {
  erase: 'remove',
  'remove-n': 'remove',
  'remove-na': 'remove',
  'remove-nevra': 'remove',
  distrosync: 'distro-sync',
  'upgrade-to': 'upgrade',
  localupdate: 'upgrade ./package.rpm',
  alias: '(no equivalent: aliases are configuration files in dnf5)',
  shell: '(no equivalent: run the commands one by one)',
  help: '--help',
};
const DROPPED_OPTIONS: Record<string, string> = {
  '--disableexcludes': '--setopt=disable_excludes=*',
  '--downloaddir': '`dnf download --destdir=DIR`',
  '-4': '(no equivalent)',
  '-6': '(no equivalent)',
  '--color': '(no equivalent)',
  '-e': '(no equivalent)',
  '--errorlevel': '(no equivalent)',
  '--obsoletes': '(no equivalent)',
  '--rpmverbosity': '(no equivalent)',
  '-R': '(no equivalent)',
  '-v': '(not implemented in dnf5)',
  '--enable': '`dnf config-manager setopt REPO.enabled=1` or `--enablerepo=REPO`',
  '--disable': '`dnf config-manager setopt REPO.enabled=0` or `--disablerepo=REPO`',
  '--set-enabled': '`dnf config-manager setopt REPO.enabled=1`',
  '--set-disabled': '`dnf config-manager setopt REPO.enabled=0`',
};

export default defineRule({
  meta: {
    id: 'pkgmgr/dnf5-syntax',
    title: 'dnf4, yum and tdnf syntax that dnf5 rejects or changed',
    category: 'package-manager',
    severity: 'error',
    blocker: true,
    fixable: 'safe',
    effort: 1,
  },
  create(ctx) {
    const report = (w: Word | { span: { start: number; end: number }; exact: boolean }, message: string, action: string, why: string, severity: Severity = 'error', fix?: Fix) =>
      ctx.report({ span: w.span, exact: w.exact, message, action, why, severity, blocker: severity === 'error', fix });
    const D5 = 'dnf5 dropped or changed this (dnf5 "Changes from DNF4"; knowledge sheet §1 "dnf5 behaviour that breaks dnf4/yum/tdnf scripts").';
    return {
      command(cmd) {
        if (!DNF.has(cmd.base)) return;
        const p = parseArgs(cmd, WITH_VALUE);
        const sub = p.sub?.value ?? '';
        const name = cmd.base;
        const fixable = canFix(cmd);
        if (p.sub && GROUP[sub]) {
          report(p.sub, `${code(`${name} ${sub}`)} fails with dnf5: the group* commands were dropped.`, `Use ${code(`dnf ${GROUP[sub]}`)}.`, D5, 'error', fixable ? mkFix(`Use ${GROUP[sub]}`, 'safe', [replace(p.sub, GROUP[sub]!)]) : undefined);
        } else if (p.sub && DROPPED_COMMANDS[sub]) {
          const to = DROPPED_COMMANDS[sub]!;
          const simple = /^[a-z-]+$/.test(to);
          report(p.sub, `${code(`${name} ${sub}`)} fails with dnf5: the command was dropped.`, `Use ${code(`dnf ${to}`)}.`, D5, 'error', fixable && simple ? mkFix(`Use ${to}`, 'safe', [replace(p.sub, to)]) : undefined);
        } else if (p.sub && sub === 'module') {
          report(p.sub, `${code(`${name} module`)}: there are no module streams on Azure Linux 4.0.`, 'Install the package directly (`dnf install NAME`); pick versioned package names where they exist (e.g. nodejs24).', 'Fedora stopped shipping modules in F39, and Azure Linux 4.0 is built from Fedora 43; the module command exists but has nothing to enable (knowledge sheet §1).', 'warning');
        } else if (p.sub && sub === 'autoremove' && p.positionals.length > 0 && name !== 'tdnf') {
          report(p.positionals[0]!, `${code(`${name} autoremove <package>`)} fails with dnf5: autoremove takes no package names.`, `Use ${code(`dnf remove -y ${p.positionals.map((w) => w.text).join(' ')}`)}.`, D5);
        } else if (p.sub && sub === 'history' && /^\d+$/.test(p.positionals[0]?.value ?? '')) {
          report(p.positionals[0]!, `${code(`${name} history <id>`)} is now ${code('dnf history info <id>')}.`, `Use ${code(`dnf history info ${p.positionals[0]!.value}`)}.`, D5, 'error', fixable ? mkFix('Use history info', 'safe', [{ span: { start: p.positionals[0]!.span.start, end: p.positionals[0]!.span.start }, text: 'info ' }]) : undefined);
        } else if (p.sub && sub === 'mark' && /^(install|remove)$/.test(p.positionals[0]?.value ?? '')) {
          const to = p.positionals[0]!.value === 'install' ? 'user' : 'dependency';
          report(p.positionals[0]!, `${code(`${name} mark ${p.positionals[0]!.value}`)} is now ${code(`dnf mark ${to}`)}.`, `Use ${code(`dnf mark ${to}`)}.`, D5, 'error', fixable ? mkFix(`Use mark ${to}`, 'safe', [replace(p.positionals[0]!, to)]) : undefined);
        } else if (p.sub && sub === 'config-manager') {
          for (const o of p.options) {
            if (o.name === '--add-repo') {
              const valueWord = (o.word.value ?? '').includes('=') ? undefined : cmd.args[cmd.args.indexOf(o.word) + 1];
              const edits: TextEdit[] = valueWord ? [replace(o.word, 'addrepo'), replace(valueWord, words([`--from-repofile=${o.value}`]))] : [replace(o.word, words(['addrepo', `--from-repofile=${o.value}`]))];
              report(o.word, '`config-manager --add-repo` fails with dnf5: options became subcommands.', `Use ${code(`dnf config-manager addrepo --from-repofile=${o.value ?? 'URL'}`)} (dnf5-plugins).`, D5, 'error', fixable && o.value && p.options.length === 1 ? mkFix('Use config-manager addrepo', 'safe', edits) : undefined);
            }
            else if (/^--(set-enabled|set-disabled|enable|disable)$/.test(o.name)) {
              const on = o.name === '--set-enabled' || o.name === '--enable' ? 1 : 0;
              const repo = p.positionals[0]?.value ?? o.value ?? 'REPO';
              const repos = p.positionals.filter((w) => w.value && /^[\w.:-]+$/.test(w.value));
              const okFix = fixable && o.value === undefined && repos.length > 0 && repos.length === p.positionals.length && p.options.length === 1;
              report(o.word, `\`config-manager ${o.name}\` fails with dnf5: options became subcommands.`, `Use ${code(`dnf config-manager setopt ${repo}.enabled=${on}`)}; it writes /etc/dnf/repos.override.d/99-config_manager.repo and leaves the .repo file unchanged.`, D5, 'error', okFix ? mkFix('Use config-manager setopt', 'safe', [replace(o.word, 'setopt'), ...repos.map((r) => replace(r, `${r.value}.enabled=${on}`))]) : undefined);
            }
          }
          return;
        } else if (p.sub && sub === 'repoquery') {
          for (const o of p.options) {
            if (o.name === '--resolve') report(o.word, '`repoquery --resolve` is gone in dnf5.', 'Use `--providers-of=`.', D5);
            else if (o.name === '-f' || o.name === '--nvr') report(o.word, `\`repoquery ${o.name}\` is gone in dnf5.`, 'Use `--queryformat` (note: it no longer adds a newline).', D5);
            else if (o.name === '--source') report(o.word, '`repoquery --source` is now `--sourcerpm`.', 'Use `--sourcerpm`.', D5);
          }
        } else if (p.sub && sub === 'needs-restarting') {
          for (const o of p.options) if (o.name === '-r' || o.name === '-u' || o.name === '--reboothint' || o.name === '--useronly')
            report(o.word, `\`needs-restarting ${o.name}\` is gone in dnf5.`, 'dnf5 `needs-restarting` always answers whether a reboot is needed (like dnf4 --reboothint).', D5);
        }
        if ((sub === 'upgrade' || sub === 'update') && p.options.some((o) => o.name === '--skip-broken')) {
          const o = p.options.find((x) => x.name === '--skip-broken')!;
          report(o.word, '`upgrade --skip-broken` was dropped in dnf5.', 'Remove it; use `--skip-unavailable` where arguments may not match.', D5);
        }
        for (const o of p.options) {
          if (sub === 'config-manager') break;
          const eq = DROPPED_OPTIONS[o.name];
          if (eq) {
            const optFix = o.name === '--disableexcludes' && o.value !== undefined && (o.word.value ?? '').includes('=') && fixable ? mkFix('Use --setopt=disable_excludes', 'safe', [replace(o.word, words([`--setopt=disable_excludes=${o.value}`]))]) : undefined;
            report(o.word, `${code(o.name)} is not a dnf5 option${o.name === '-v' ? ' (not implemented)' : ''}.`, `Use ${eq.startsWith('`') || eq.startsWith('(') ? eq : code(eq)}.`, D5, 'error', optFix);
          } else if (/^-[a-zA-Z]=/.test(o.word.value ?? '')) {
            const v = (o.word.value ?? '').slice(3);
            report(o.word, `${code(o.word.value!)}: dnf5 short options take no \`=\`; this now means the value "${v}" with a leading \`=\`.`, `Write ${code(`${o.name} ${v}`)}.`, D5, 'error', fixable ? mkFix(`Write ${o.name} ${v}`, 'safe', [replace(o.word, `${o.name} ${words([v])}`)]) : undefined);
          }
        }
      },
    };
  },
});
