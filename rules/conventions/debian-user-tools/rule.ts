import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';

/** Debian adduser options that shadow-utils' useradd-compatible adduser rejects or misreads. */
const DEBIAN_ONLY = /^--(disabled-password|disabled-login|gecos|ingroup|group|quiet|firstuid|lastuid|add-extra-groups|conf|force-badname|allow-bad-names)(=|$)/;
const REPLACE: Record<string, string> = { deluser: 'userdel', delgroup: 'groupdel', addgroup: 'groupadd' };
const positionals = (c: ShellCommand) => c.args.filter((a) => !(a.value ?? '-').startsWith('-'));

export default defineRule({
  meta: {
    id: 'conventions/debian-user-tools',
    title: 'Debian adduser options and deluser/delgroup/addgroup (use useradd, userdel, groupadd)',
    category: 'conventions',
    severity: 'error',
    blocker: true,
    fixable: 'safe',
    effort: 1,
  },
  create(ctx) {
    const why =
      'On Azure Linux 4.0 `adduser` is provided by shadow-utils with useradd semantics, not Debian\'s interactive adduser, so Debian options such as --disabled-password and --gecos are rejected; Debian\'s deluser, delgroup and addgroup do not exist. Knowledge sheet §2 "Filesystem layout and shell" [M:specs/s/shadow-utils/shadow-utils.spec].';
    return {
      command(cmd) {
        if (cmd.base === 'adduser') {
          // Options useradd also has (--system, --home, --shell, --uid, ...) are fine; these are Debian-only.
          const bad = cmd.args.filter((a) => DEBIAN_ONLY.test(a.value ?? ''));
          if (bad.length === 0) return;
          ctx.report({
            span: bad[0]!.span,
            exact: bad[0]!.exact,
            message: `${code('adduser ' + bad[0]!.value)} is a Debian adduser option; Azure Linux 4.0's adduser is useradd and rejects it.`,
            why,
            action: 'Use useradd: `useradd --create-home --shell /bin/bash NAME` (`--system --no-create-home` for service users; `-c "comment"` for --gecos; no password is set by default, which is what --disabled-password does).',
          });
          return;
        }
        const to = REPLACE[cmd.base];
        if (!to) return;
        const pos = positionals(cmd);
        const simple = cmd.args.length === 1 && pos.length === 1 && cmd.nameWord.exact;
        const deluserFromGroup = cmd.base === 'deluser' && pos.length === 2;
        ctx.report({
          span: cmd.nameWord.span,
          exact: cmd.exact && cmd.nameWord.exact,
          message: `${code(cmd.base)} (Debian's adduser package, or BusyBox in Alpine) does not exist on Azure Linux 4.0.`,
          why,
          action: deluserFromGroup ? 'Remove the user from the group with `gpasswd -d USER GROUP`.' : `Use ${code(to)}${cmd.base === 'deluser' ? ' (`--remove-home` becomes `-r`)' : cmd.base === 'addgroup' ? (cmd.args.some((a) => /^-[a-zA-Z]*S/.test(a.value ?? '')) ? " (BusyBox's `-S` becomes `-r`; `-g GID` is the same)" : ' (`--system` becomes `-r`)') : ''}.`,
          fix: simple ? { title: `Use ${to}`, safety: 'safe', edits: [{ span: cmd.nameWord.span, text: to }] } : undefined,
        });
      },
    };
  },
});
