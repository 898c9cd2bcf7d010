import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { resolveRef, runtimeOf } from '../../../src/rules/support/packages.js';

export default defineRule({
  meta: {
    id: 'pkg/sdk-only',
    title: 'Package only in the unsupported sdk channel',
    category: 'packages',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
    unconfirmed: true,
  },
  create(ctx) {
    return {
      package(ref) {
        if (runtimeOf(ref)) return;
        const r = resolveRef(ref);
        if (r.status !== 'sdk-only') return;
        const alt = r.alternatives?.filter((a) => a.channel === 'base').map((a) => a.name) ?? [];
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          message: `${code(r.targets.map((t) => t.name).join(' '))} is only in Azure Linux 4.0's sdk channel: installable from that repository, but unsupported.`,
          why: 'Microsoft: sdk packages "are only provided to satisfy development requirements and aren\'t officially supported"; the Apr-30 repository files configure only the base repository (whether the shipped preview image enables sdk is UNCONFIRMED).',
          action: alt.length ? `Prefer ${alt.map(code).join(', ')} from the base channel, or enable the sdk repository knowingly.` : 'Enable the sdk repository knowingly, or find a supported alternative (a container image, an upstream binary).',
        });
      },
    };
  },
});
