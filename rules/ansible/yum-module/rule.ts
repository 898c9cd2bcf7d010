import { defineRule } from '../../../src/core/rule.js';
import { ansibleOf } from '../../../src/languages/ansible/facts.js';
import { code } from '../../../src/rules/support/commands.js';

export default defineRule({
  meta: {
    id: 'ansible/yum-module',
    title: 'ansible.builtin.yum on a dnf5 host',
    category: 'package-manager',
    severity: 'info',
    blocker: false,
    fixable: 'safe',
    kinds: ['ansible'],
    effort: 1,
    unconfirmed: true,
  },
  create(ctx) {
    return {
      end() {
        for (const t of ansibleOf(ctx.facts)?.tasks ?? []) {
          if (t.module !== 'ansible.builtin.yum') continue;
          const exact = ctx.facts.source.slice(t.moduleSpan) === t.moduleRaw;
          ctx.report({
            span: t.moduleSpan,
            message: `${code(t.moduleRaw)} has no module of its own in ansible-core 2.17 and later (it redirects to ansible.builtin.dnf); that action, like the 2.15/2.16 yum action, runs the dnf5 backend when ansible_pkg_mgr is dnf5, and the dnf5 backend needs python3-libdnf5, which the Azure Linux 4.0 image does not install.`,
            why: 'Azure Linux 4.0 manages packages with dnf5 (/usr/bin/dnf and /usr/bin/yum are symlinks to dnf5); the dnf module needs python3-dnf and the dnf5 module needs python3-libdnf5, both in rpm-base but not in the VM image, and ansible-core does not install them.',
            action: 'Use `ansible.builtin.dnf5` (install python3-libdnf5 first) or `ansible.builtin.package`, and make sure the Python bindings are present.',
            fix: exact ? { title: 'Use ansible.builtin.dnf5', safety: 'safe', edits: [{ span: t.moduleSpan, text: 'ansible.builtin.dnf5' }] } : undefined,
          });
        }
      },
    };
  },
});
