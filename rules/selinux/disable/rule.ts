import type { Fix } from '../../../src/core/types.js';
import { canFix } from '../../../src/rules/support/fixes.js';
import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { argWords, contentMatches, matchesInWord, writtenFiles } from '../../../src/rules/support/text.js';

const STATE =
  'selinux-policy writes SELINUX=enforcing and SELINUXTYPE=targeted, and the VM image includes selinux-policy-targeted; on Azure Linux 4.0 `SELINUX=disabled` in /etc/selinux/config no longer disables SELinux (only the `selinux=0` kernel argument does). Knowledge sheet §2 "SELinux" [M:specs/s/selinux-policy/selinux-policy.spec; M:vm-base.kiwi].';
const ACTION =
  'Keep SELinux enforcing and fix the denials: `ausearch -m avc -ts recent`, then label files (`semanage fcontext -a -t TYPE "PATH(/.*)?" && restorecon -Rv PATH`), allow ports (`semanage port -a`) or set booleans (`setsebool -P`). For a single noisy service, `semanage permissive -a DOMAIN_t` is narrower than making the whole system permissive.';
const KARG = /(?<![\w.-])(selinux=0|enforcing=0)(?![\w.])/g;

/**
 * Remove `setenforce 0`: a line holding only it becomes a comment that says why; inside a list (`a && setenforce 0
 * && b`) it becomes `true`, so the list keeps its meaning. Unsafe: the service may now hit the denials.
 */
function setenforceFix(cmd: ShellCommand, text: string): Fix | undefined {
  return removeCommandFix(cmd, text, 'Remove setenforce 0 (keep SELinux enforcing)');
}

/** Remove a command: a comment saying why when it stands alone on its line, else `true` (keeps a list's meaning). */
function removeCommandFix(cmd: ShellCommand, text: string, title: string): Fix | undefined {
  if (!canFix(cmd)) return undefined;
  const lineStart = text.lastIndexOf('\n', cmd.span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', cmd.span.end);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const before = text.slice(lineStart, cmd.span.start);
  const after = text.slice(cmd.span.end, lineEnd);
  const comment = `# removed \`${text.slice(cmd.span.start, cmd.span.end)}\`: SELinux stays enforcing on Azure Linux 4.0 (azl-migrate explain selinux/disable)`;
  // Never touch one side of a pipe (`echo X | tee F` with `true` would empty F).
  if (/^[ \t]*\|(?!\|)/.test(after) || /(^|[^|])\|[ \t]*$/.test(before)) return undefined;
  if (/^[ \t]*$/.test(before) && /^[ \t]*$/.test(after)) return { title, safety: 'unsafe', edits: [{ span: cmd.span, text: comment }] };
  // Redirects are not part of the command's span: never leave `true > /etc/selinux/config` (it would empty the
  // file). A line holding only the command and its redirects becomes the comment; otherwise, no fix.
  if (cmd.redirects.length) {
    const lastRedirect = Math.max(...cmd.redirects.map((r) => r.target.span.end));
    if (/^[ \t]*$/.test(before) && /^[ \t]*$/.test(text.slice(lastRedirect, lineEnd))) {
      return { title, safety: 'unsafe', edits: [{ span: { start: cmd.span.start, end: lastRedirect }, text: `# removed \`${text.slice(cmd.span.start, lastRedirect)}\`: SELinux stays enforcing on Azure Linux 4.0 (azl-migrate explain selinux/disable)` }] };
    }
    return undefined;
  }
  return { title: `${title}: replaced by true inside a list`, safety: 'unsafe', edits: [{ span: cmd.span, text: 'true' }] };
}

export default defineRule({
  meta: {
    id: 'selinux/disable',
    title: 'SELinux switched off or to permissive (setenforce 0, SELINUX=disabled, selinux=0)',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: 'unsafe',
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
            fix: setenforceFix(cmd, ctx.facts.source.text),
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
            fix: c.file.via !== 'heredoc' ? removeCommandFix(c.file.command, ctx.facts.source.text, `Remove the edit that sets SELINUX=${c.m[1]} (keep SELinux enforcing)`) : undefined,
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
