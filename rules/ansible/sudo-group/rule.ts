import { defineRule } from '../../../src/core/rule.js';
import { ansibleOf, shortModule, type YValue } from '../../../src/languages/ansible/facts.js';

function sudoIn(v: YValue | undefined, host: string): { span: { start: number; end: number }; exact: boolean }[] {
  if (!v) return [];
  if (v.items) return v.items.filter((i) => i.value === 'sudo').map((i) => ({ span: i.span, exact: i.exact }));
  if (v.value === undefined) return [];
  const out: { span: { start: number; end: number }; exact: boolean }[] = [];
  const exact = v.exact && host.slice(v.span.start, v.span.end) === v.value;
  for (const m of v.value.matchAll(/[^,\s]+/g)) if (m[0] === 'sudo') out.push(exact ? { span: { start: v.span.start + m.index, end: v.span.start + m.index + 4 }, exact } : { span: v.span, exact: false });
  return out;
}

export default defineRule({
  meta: {
    id: 'ansible/sudo-group',
    title: 'Users added to the Debian `sudo` group get no sudo rights on Azure Linux 4.0',
    category: 'conventions',
    severity: 'error',
    blocker: false,
    fixable: 'unsafe',
    kinds: ['ansible'],
    effort: 1,
  },
  create(ctx) {
    return {
      end() {
        for (const t of ansibleOf(ctx.facts)?.tasks ?? []) {
          if (shortModule(t.module) !== 'user') continue;
          for (const key of ['groups', 'group']) {
            for (const s of sudoIn(t.args.get(key), ctx.facts.source.text)) {
              ctx.report({
                span: s.span,
                exact: s.exact,
                message: `The user is added to the group \`sudo\`, which does not exist on Azure Linux 4.0; administrators are in \`wheel\`.`,
                why: 'Azure Linux 4.0 has no `sudo` group and its sudoers grants `%wheel ALL=(ALL) ALL`; the user module fails with "Group sudo does not exist" (or, if the group is created, grants nothing).',
                action: 'Use `groups: wheel` (with `append: true`).',
                fix: s.exact ? { title: 'Use wheel', safety: 'unsafe', edits: [{ span: s.span, text: 'wheel' }] } : undefined,
              });
            }
          }
        }
      },
    };
  },
});
