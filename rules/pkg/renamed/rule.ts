import { quote } from 'shell-quote';
import { defineRule } from '../../../src/core/rule.js';
import type { Fix } from '../../../src/core/types.js';
import { code } from '../../../src/rules/support/commands.js';
import { resolveRef, runtimeOf } from '../../../src/rules/support/packages.js';

/** Installers that keep working on Azure Linux 4.0 (dnf5 or its aliases): only their names are worth fixing. */
const DNF_FAMILY = new Set(['dnf', 'yum', 'tdnf', 'microdnf', 'dnf5']);

export default defineRule({
  meta: {
    id: 'pkg/renamed',
    title: 'Package known under another name on Azure Linux 4.0',
    category: 'packages',
    severity: 'warning',
    blocker: false,
    fixable: 'safe',
    effort: 0.5,
  },
  create(ctx) {
    return {
      package(ref) {
        if (runtimeOf(ref)) return;
        const r = resolveRef(ref);
        if (r.status !== 'renamed' && r.status !== 'split') return;
        const names = r.targets.map((t) => t.name);
        const substitute = r.kind === 'substitute';
        const sdk = r.targets.filter((t) => t.channel === 'sdk').map((t) => t.name);
        let fix: Fix | undefined;
        let suggestions: Fix[] | undefined;
        const edit = { span: ref.span, text: quote(names) };
        const oneToOneBase = names.length === 1 && !substitute && sdk.length === 0 && r.confidence === 'high';
        if (ref.raw === ref.name && DNF_FAMILY.has(ref.manager)) {
          if (oneToOneBase) fix = { title: `Install ${names[0]} instead of ${ref.name}`, safety: 'safe', edits: [edit] };
          else suggestions = [{ title: `Install ${names.join(' ')} instead of ${ref.name}`, safety: 'unsafe', edits: [edit] }];
        }
        const what = substitute
          ? `${code(ref.name)} has no Azure Linux 4.0 package; the nearest is ${names.map(code).join(', ')} (different software or version)`
          : r.status === 'split'
            ? `${code(ref.name)} is ${names.map(code).join(', ')} on Azure Linux 4.0`
            : `${code(ref.name)} is ${code(names[0]!)} on Azure Linux 4.0`;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          severity: substitute ? 'warning' : r.confidence === 'low' ? 'info' : 'warning',
          message: `${what}${sdk.length ? ` (${sdk.join(', ')} only in the unsupported sdk channel)` : ''}.`,
          why: `Package names follow Fedora conventions on Azure Linux 4.0 (source: ${r.source}${r.confidence !== 'high' ? `, confidence ${r.confidence}` : ''}).${r.note ? ` Note: ${r.note}.` : ''}`,
          action: `Install ${names.map(code).join(' ')}${substitute ? ' after checking that the application works with it' : ''}.`,
          fix,
          suggestions,
        });
      },
    };
  },
});
