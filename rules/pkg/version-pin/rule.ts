import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { parsePackageSpec } from '../../../src/knowledge/packages.js';

export default defineRule({
  meta: {
    id: 'pkg/version-pin',
    title: 'Debian or Alpine version pin that does not carry over',
    category: 'packages',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 0.5,
  },
  create(ctx) {
    return {
      package(ref) {
        if (ref.origin !== 'debian' && ref.origin !== 'alpine') return;
        const spec = parsePackageSpec(ref.raw, ref.origin);
        if (!spec.version) return;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          message: `${code(ref.raw)} pins a ${ref.origin === 'debian' ? 'Debian' : 'Alpine'} version; Azure Linux 4.0 versions differ and dnf writes pins as ${code(`name-version`)}.`,
          why: `The pinned version ${code(spec.version)} is a ${ref.origin === 'debian' ? 'Debian/Ubuntu' : 'Alpine'} build; Azure Linux 4.0 rebuilds Fedora 43 packages with its own versions and release tags (e.g. .azl4).`,
          action: 'Drop the pin, or pin an Azure Linux 4.0 version as `dnf install -y NAME-VERSION` (see `dnf list --showduplicates NAME`).',
        });
      },
    };
  },
});
