import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { composeOf } from '../../../src/languages/compose/facts.js';

/** Host paths that must never be relabelled (sockets and system trees). */
const SYSTEM = /^\/(etc|usr|proc|sys|dev|run|var\/run|boot|lib|lib64|bin|sbin)(\/|$)|\.sock$/;

export default defineRule({
  meta: {
    id: 'selinux/compose-volume-label',
    title: 'Compose bind mount without :z/:Z: SELinux denies the container access to the host directory',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: 'unsafe',
    effort: 1,
    unconfirmed: true,
    kinds: ['compose'],
  },
  create(ctx) {
    return {
      end() {
        for (const v of composeOf(ctx.facts)?.volumes ?? []) {
          const src = v.source;
          const bind = /^(\/|\.\.?(\/|$)|~|\$\{?PWD)/.test(src);
          if (!bind || SYSTEM.test(src)) continue;
          if (v.options.some((o) => o === 'z' || o === 'Z')) continue;
          const append = v.appendAt !== undefined ? (v.options.length ? ',z' : ':z') : undefined;
          ctx.report({
            span: v.span,
            exact: v.exact,
            message: `Service ${code(v.service)} bind-mounts ${code(src)} without an SELinux label option (${code(':z')} or ${code(':Z')}).`,
            why: 'Azure Linux 4.0 runs SELinux with the targeted policy (knowledge sheet §2 "SELinux"); containers run as container_t and can only read container_file_t files, so an unlabelled bind mount gives "permission denied" inside the container. The sheet marks the :z/:Z requirement UNCONFIRMED (standard targeted-policy behaviour, not tested on Azure Linux 4.0).',
            action: v.long ? 'Add `bind: { selinux: z }` (shared) or `selinux: Z` (private) to the mount.' : `Append ${code(':z')} (shared between containers) or ${code(':Z')} (private) to the volume.`,
            fix: append && v.exact ? { title: 'Append :z', safety: 'unsafe', edits: [{ span: { start: v.appendAt!, end: v.appendAt! }, text: append }] } : undefined,
          });
        }
      },
    };
  },
});
