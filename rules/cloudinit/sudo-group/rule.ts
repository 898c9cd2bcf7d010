import { defineRule } from '../../../src/core/rule.js';
import { cloudConfigOf } from '../../../src/languages/cloudinit/facts.js';
import type { YValue } from '../../../src/languages/ansible/facts.js';

/** The `sudo` entries of a cloud-init `groups:` value (a list, or a comma-separated string). */
export function sudoEntries(v: YValue | undefined): YValue[] {
  if (!v) return [];
  if (v.items) return v.items.filter((i) => i.value?.trim() === 'sudo');
  if (v.value !== undefined && v.value.split(',').some((g) => g.trim() === 'sudo')) return [v];
  return [];
}

export default defineRule({
  meta: {
    id: 'cloudinit/sudo-group',
    title: 'cloud-init users in the Debian `sudo` group get no sudo rights on Azure Linux 4.0',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: false,
    kinds: ['cloud-init'],
    effort: 1,
  },
  create(ctx) {
    return {
      end() {
        for (const u of cloudConfigOf(ctx.facts)?.keys.get('users')?.items ?? []) {
          for (const g of sudoEntries(u.entries?.get('groups'))) {
            const hasSudo = u.entries?.has('sudo');
            ctx.report({
              span: g.span,
              exact: g.exact,
              message: `This user is put in the group \`sudo\`, which has no sudoers rule on Azure Linux 4.0${hasSudo ? ' (its own `sudo:` rule still applies)' : ''}; administrators are in \`wheel\`.`,
              why: 'Azure Linux 4.0 has no `sudo` group and its /etc/sudoers grants `%wheel ALL=(ALL) ALL`; cloud-init creates the missing `sudo` group, so the user ends up in a group that grants nothing.',
              action: 'Use `groups: wheel` (or a `sudo: "ALL=(ALL) NOPASSWD:ALL"` entry for the user).',
            });
          }
        }
      },
    };
  },
});
