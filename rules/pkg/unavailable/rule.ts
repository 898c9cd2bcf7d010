import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { resolveRef, runtimeOf } from '../../../src/rules/support/packages.js';

export default defineRule({
  meta: {
    id: 'pkg/unavailable',
    title: 'Package with no Azure Linux 4.0 equivalent',
    category: 'packages',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 3,
  },
  create(ctx) {
    return {
      package(ref) {
        if (runtimeOf(ref)) return;
        const r = resolveRef(ref);
        if (r.status !== 'unavailable') return;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          message: r.sameName
            ? `${code(ref.name)} has no Azure Linux 4.0 equivalent${r.reason ? `: ${r.reason}` : ''}.`
            : `${code(ref.name)} has no Azure Linux 4.0 package${r.reason ? `: ${r.reason}` : ''}.`,
          why: r.sameName
            ? `A package of this name is in Azure Linux 4.0's ${r.sameName.channel} channel${r.sameName.channel === 'sdk' ? ' (built, but unsupported)' : ''}, but it does not do this job there (reviewed mapping, source: ${r.source}).`
            : `Azure Linux 4.0 publishes a curated package set (base and sdk channels); this name is in neither, and no equivalent is known (source: ${r.source}).`,
          action: r.action ? capitalize(r.action) + (r.action.endsWith('.') ? '' : '.') : 'Use a container image, an upstream binary or a vendor RPM repository, or drop the dependency.',
        });
      },
    };
  },
});

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
