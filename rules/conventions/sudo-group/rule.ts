import { defineRule } from '../../../src/core/rule.js';
import type { Word } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { contentMatches, matchesInWord, writtenFiles } from '../../../src/rules/support/text.js';
import type { ShellCommand } from '../../../src/core/facts.js';

const WHY =
  'Azure Linux 4.0 has no `sudo` group: /etc/sudoers grants `%wheel ALL=(ALL) ALL` (wheel is gid 10). Azure Linux 3.0 also had a `%sudo` rule, Debian and Ubuntu use `sudo` (knowledge sheet §2 "Users, sudo, SSH").';
const SUDO_IN_LIST = /(?<![\w-])sudo(?![\w-])/g;

/** The group-list words of user/group commands that name groups. */
function groupWords(cmd: ShellCommand): Word[] {
  const a = cmd.args;
  const out: Word[] = [];
  if (cmd.base === 'usermod' || cmd.base === 'useradd') {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!.value ?? '';
      if (v === '-G' || v === '--groups' || v === '-aG' || v === '-Ga' || v === '-g' || v === '--gid') {
        if (a[i + 1]) out.push(a[i + 1]!);
        i++;
      } else if (/^--groups=/.test(v)) out.push(a[i]!);
    }
  } else if (cmd.base === 'gpasswd') {
    const i = a.findIndex((w) => w.value === '-a' || w.value === '--add' || w.value === '-M' || w.value === '--members');
    const grp = a.slice(i + 2).find((w) => !(w.value ?? '').startsWith('-'));
    if (i >= 0 && grp) out.push(grp);
  } else if (cmd.base === 'adduser' || cmd.base === 'addgroup') {
    // Debian `adduser USER GROUP`.
    const pos = a.filter((w) => !(w.value ?? '-').startsWith('-'));
    if (pos.length === 2) out.push(pos[1]!);
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'conventions/sudo-group',
    title: 'Administrators put in the Debian `sudo` group get no sudo rights on Azure Linux 4.0',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: 'safe',
    effort: 1,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
        for (const w of groupWords(cmd)) {
          for (const hit of matchesInWord(w, SUDO_IN_LIST)) {
            const adduser = cmd.base === 'adduser';
            ctx.report({
              span: hit.span,
              exact: hit.exact,
              message: `${code(cmd.base)} adds the user to the group ${code('sudo')}, which does not exist on Azure Linux 4.0${adduser ? '' : ' (the command fails: "group \'sudo\' does not exist")'}.`,
              why: WHY,
              action: `Use the group ${code('wheel')}, or add a file in /etc/sudoers.d/.`,
              fix: hit.exact && !adduser ? { title: 'Use the wheel group', safety: 'safe', edits: [{ span: hit.span, text: 'wheel' }] } : undefined,
            });
          }
        }
      },
      end() {
        const files = writtenFiles(cmds, ctx.facts.source);
        for (const c of contentMatches(files, /(?<![\w%])%sudo(?![\w-])/g, (p) => p === '' || p.startsWith('/etc/sudoers'))) {
          ctx.report({
            span: c.span,
            exact: c.exact,
            message: `A sudoers rule for ${code('%sudo')}: no group named sudo exists on Azure Linux 4.0, so the rule grants nothing.`,
            why: WHY,
            action: `Grant the rule to ${code('%wheel')} (already in /etc/sudoers) or to a group you create.`,
          });
        }
      },
    };
  },
});
