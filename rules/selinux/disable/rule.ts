import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { argWords, contentMatches, matchesInWord, writtenFiles } from '../../../src/rules/support/text.js';

const STATE =
  'selinux-policy writes SELINUX=enforcing and SELINUXTYPE=targeted, and the VM image includes selinux-policy-targeted; on Azure Linux 4.0 `SELINUX=disabled` in /etc/selinux/config no longer disables SELinux (only the `selinux=0` kernel argument does). Knowledge sheet §2 "SELinux" [M:specs/s/selinux-policy/selinux-policy.spec; M:vm-base.kiwi].';
const ACTION =
  'Keep SELinux enforcing and fix the denials: `ausearch -m avc -ts recent`, then label files (`semanage fcontext -a -t TYPE "PATH(/.*)?" && restorecon -Rv PATH`), allow ports (`semanage port -a`) or set booleans (`setsebool -P`). For a single noisy service, `semanage permissive -a DOMAIN_t` is narrower than making the whole system permissive.';
const KARG = /(?<![\w.-])(selinux=0|enforcing=0)(?![\w.])/g;

export default defineRule({
  meta: {
    id: 'selinux/disable',
    title: 'SELinux switched off or to permissive (setenforce 0, SELINUX=disabled, selinux=0)',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 3,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
        if (cmd.base === 'setenforce') {
          const a = cmd.args[0];
          if (!a || !/^(0|permissive)$/i.test(a.value ?? '')) return;
          ctx.report({
            span: { start: cmd.nameWord.span.start, end: a.span.end },
            exact: cmd.exact,
            message: `${code('setenforce ' + a.value)} makes SELinux permissive until the next boot; Azure Linux 4.0 runs the targeted policy enforcing.`,
            why: `${STATE} \`setenforce 0\` hides the denials the service will hit after a reboot, and is lost then.`,
            action: ACTION,
          });
          return;
        }
        for (const w of argWords(cmd)) {
          for (const hit of matchesInWord(w, KARG)) {
            ctx.report({
              span: hit.span,
              exact: hit.exact,
              message: `The kernel argument ${code(hit.m[1]!)} turns SELinux ${hit.m[1] === 'selinux=0' ? 'off' : 'permissive'} for the whole host.`,
              why: STATE,
              action: ACTION,
            });
          }
        }
      },
      end() {
        const files = writtenFiles(cmds, ctx.facts.source);
        for (const c of contentMatches(files, /(?<![\w-])SELINUX=(disabled|permissive)\b/g, (p) => p === '/etc/selinux/config' || p === '/etc/sysconfig/selinux')) {
          const disabled = c.m[1] === 'disabled';
          ctx.report({
            span: c.span,
            exact: c.exact,
            severity: disabled ? 'error' : 'warning',
            message: disabled
              ? `${code('SELINUX=disabled')} no longer disables SELinux on Azure Linux 4.0: the setting is ignored and the policy stays loaded.`
              : `${code('SELINUX=permissive')} makes every SELinux domain permissive from the next boot.`,
            why: STATE,
            action: disabled ? `${ACTION} If SELinux really must be off, use the ${code('selinux=0')} kernel argument (\`grubby --update-kernel=ALL --args=selinux=0\`).` : ACTION,
          });
        }
        for (const c of contentMatches(files, KARG, (p) => p === '/etc/default/grub' || p === '/etc/kernel/cmdline')) {
          ctx.report({
            span: c.span,
            exact: c.exact,
            message: `The kernel argument ${code(c.m[1]!)} turns SELinux ${c.m[1] === 'selinux=0' ? 'off' : 'permissive'} for the whole host.`,
            why: STATE,
            action: ACTION,
          });
        }
      },
    };
  },
});
