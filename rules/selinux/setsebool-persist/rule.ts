import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';

export default defineRule({
  meta: {
    id: 'selinux/setsebool-persist',
    title: 'setsebool without -P: the boolean resets at the next boot',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: 'safe',
    effort: 1,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (cmd.base !== 'setsebool') return;
        if (cmd.args.some((a) => /^-[a-zA-Z]*P/.test(a.value ?? '') || a.value === '--permanent')) return;
        const first = cmd.args[0];
        if (!first) return;
        const exact = cmd.exact && cmd.nameWord.exact;
        ctx.report({
          span: cmd.nameWord.span,
          exact,
          message: `${code('setsebool')} without ${code('-P')} changes the boolean only until the next boot.`,
          why: 'Azure Linux 4.0 runs the targeted SELinux policy (knowledge sheet §2 "SELinux" [M:specs/s/selinux-policy/selinux-policy.spec]); booleans set without -P are not written to the policy store, so the service breaks again after a reboot (setsebool(8)).',
          action: `Add ${code('-P')}: \`setsebool -P ${cmd.args.map((a) => a.value ?? a.text).join(' ')}\`.`,
          fix: { title: 'Make the boolean persistent (-P)', safety: 'safe', edits: [{ span: { start: first.span.start, end: first.span.start }, text: '-P ' }] },
        });
      },
    };
  },
});
