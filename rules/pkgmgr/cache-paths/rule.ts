import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';

interface CachePath {
  re: RegExp;
  severity: 'warning' | 'info';
  message: (p: string) => string;
  action: string;
}

const PATHS: CachePath[] = [
  {
    re: /^\/var\/cache\/(dnf|yum)(\/|$)/,
    severity: 'warning',
    message: (p) => `${code(p)}: dnf5 keeps its metadata cache in /var/cache/libdnf5, so cache mounts or cleanup here no longer apply.`,
    action: 'Use /var/cache/libdnf5 (e.g. `--mount=type=cache,target=/var/cache/libdnf5`), or `dnf clean all` for cleanup.',
  },
  {
    re: /^\/var\/cache\/tdnf(\/|$)/,
    severity: 'warning',
    message: (p) => `${code(p)}: tdnf's cache is gone; dnf5 caches in /var/cache/libdnf5.`,
    action: 'Use /var/cache/libdnf5, or `dnf clean all` for cleanup.',
  },
  {
    re: /^\/var\/(lib\/apt\/lists|cache\/apt|cache\/debconf|lib\/dpkg)(\/|$)/,
    severity: 'info',
    message: (p) => `${code(p)} is APT/dpkg state, which does not exist on Azure Linux 4.0: this step does nothing there.`,
    action: 'Remove it; clean up with `dnf clean all` after `dnf install`.',
  },
  {
    re: /^\/var\/cache\/apk(\/|$)|^\/etc\/apk(\/|$)/,
    severity: 'info',
    message: (p) => `${code(p)} is apk state, which does not exist on Azure Linux 4.0: this step does nothing there.`,
    action: 'Remove it; clean up with `dnf clean all` after `dnf install`.',
  },
];

export default defineRule({
  meta: {
    id: 'pkgmgr/cache-paths',
    title: 'Package-manager cache and state paths that do not exist or moved (apt, apk, tdnf, dnf4)',
    category: 'package-manager',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 0.5,
  },
  create(ctx) {
    return {
      path(ref) {
        const hit = PATHS.find((p) => p.re.test(ref.path));
        if (!hit) return;
        ctx.report({
          span: ref.span,
          exact: ref.exact,
          severity: hit.severity,
          message: hit.message(ref.path),
          why: 'dnf5 moved its metadata cache to /var/cache/libdnf5 (user cache ~/.cache/libdnf5); APT, dpkg, apk and tdnf state directories do not exist on Azure Linux 4.0.',
          action: hit.action,
        });
      },
      assignment(a) {
        if (a.name !== 'DEBIAN_FRONTEND') return;
        ctx.report({
          span: a.span,
          severity: 'info',
          message: '`DEBIAN_FRONTEND` only affects debconf, which does not exist on Azure Linux 4.0.',
          why: 'dnf never prompts when given `-y`; there is no debconf.',
          action: 'Remove it and pass `-y` to dnf.',
        });
      },
    };
  },
});
