import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { runtimeOf } from '../../../src/rules/support/packages.js';

export default defineRule({
  meta: {
    id: 'pkg/runtime-version',
    title: 'Language runtime version that Azure Linux 4.0 does not ship',
    category: 'packages',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 5,
  },
  create(ctx) {
    return {
      package(ref) {
        const hit = runtimeOf(ref);
        if (!hit) return;
        const { rt, version } = hit;
        if (version && rt.base(version)) return;
        const sdk = version !== '' && rt.sdk?.(version) === true;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          severity: sdk ? 'warning' : 'error',
          blocker: !sdk,
          message: `${code(ref.raw)} asks for ${rt.family}${version ? ` ${version}` : ''}: Azure Linux 4.0 ships ${rt.ships}.`,
          why: `Azure Linux 4.0 packages one or two versions of each runtime (knowledge sheet §2 "Language runtimes"${rt.family === 'Python' ? ', "Python"' : ''}); the application must run on them or bring its own runtime.`,
          action: sdk
            ? `Move to the base-channel runtime, or install ${code(ref.name)} from the unsupported sdk channel knowingly.`
            : `Test the application on the ${rt.family} version Azure Linux 4.0 ships, or bring the runtime in another way (a vendor tarball or a container image).`,
        });
      },
    };
  },
});
