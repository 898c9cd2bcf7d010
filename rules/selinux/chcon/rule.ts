import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';

export default defineRule({
  meta: {
    id: 'selinux/chcon',
    title: 'chcon labels are lost on the next relabel (use semanage fcontext + restorecon)',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base !== 'chcon') return;
        const type = cmd.args.find((a, i) => cmd.args[i - 1]?.value === '-t' || cmd.args[i - 1]?.value === '--type' || /^--type=/.test(a.value ?? ''));
        const t = type?.value?.replace(/^--type=/, '') ?? 'TYPE';
        const path = [...cmd.args].reverse().find((a) => a.value?.startsWith('/'))?.value ?? 'PATH';
        ctx.report({
          span: cmd.nameWord.span,
          exact: cmd.exact && cmd.nameWord.exact,
          message: `${code('chcon')} sets a temporary SELinux label: a relabel (\`restorecon\`, \`fixfiles\`, an autorelabel at boot) puts the policy's label back.`,
          why: 'Azure Linux 4.0 runs the targeted SELinux policy (selinux-policy writes SELINUX=enforcing; selinux-autorelabel-mark is enabled by preset), so file labels come from the policy\'s file-context rules; chcon changes only the file\'s current label. Knowledge sheet §2 "SELinux" and "Default service presets" [M:specs/s/selinux-policy/selinux-policy.spec; M:90-default.preset].',
          action: `Record the label in the policy and apply it: \`semanage fcontext -a -t ${t} '${path === 'PATH' ? 'PATH' : path.replace(/\/$/, '')}(/.*)?'\` then \`restorecon -Rv ${path}\`.`,
        });
      },
    };
  },
});
