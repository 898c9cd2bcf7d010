import { defineRule } from '../../../src/core/rule.js';
import { ansibleOf, shortModule } from '../../../src/languages/ansible/facts.js';

const TRUE = /^(yes|true|on|1|y)$/i;

export default defineRule({
  meta: {
    id: 'ansible/selinux-disable',
    title: 'Ansible turns SELinux off or sets booleans that do not survive a reboot',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: false,
    kinds: ['ansible'],
    effort: 3,
  },
  create(ctx) {
    return {
      end() {
        for (const t of ansibleOf(ctx.facts)?.tasks ?? []) {
          const short = shortModule(t.module);
          if (short === 'selinux' && /^ansible\.posix\.|^selinux$/.test(t.module)) {
            const st = t.args.get('state');
            if (!st?.value || !/^(disabled|permissive)$/.test(st.value)) continue;
            const disabled = st.value === 'disabled';
            ctx.report({
              span: st.span,
              exact: st.exact,
              message: disabled
                ? '`state: disabled` does not disable SELinux on Azure Linux 4.0: SELINUX=disabled in /etc/selinux/config is no longer honoured, and the host stays enforcing after the reboot this module asks for.'
                : '`state: permissive` turns off SELinux enforcement, which Azure Linux 4.0 has on by default; denials are only logged.',
              why: 'Azure Linux 4.0 installs selinux-policy-targeted in enforcing mode, and only the selinux=0 kernel argument disables SELinux.',
              action: 'Keep SELinux enforcing and fix the denials: label content (`community.general.sefcontext` + restorecon), open ports (`community.general.seport`), set booleans (`ansible.posix.seboolean` with `persistent: true`). If you must, make one domain permissive (`community.general.selinux_permissive`).',
            });
          }
          if (short === 'seboolean') {
            const p = t.args.get('persistent');
            if (p?.value && TRUE.test(p.value)) continue;
            ctx.report({
              span: p?.span ?? t.moduleSpan,
              exact: p?.exact ?? true,
              message: `seboolean without ${'`persistent: true`'} changes the boolean only until the next reboot.`,
              why: 'With SELinux enforcing on Azure Linux 4.0, a boolean that reverts at boot brings the denial back after every reboot (setsebool without -P).',
              action: 'Add `persistent: true`.',
            });
          }
        }
      },
    };
  },
});
