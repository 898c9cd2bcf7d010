import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { canFix, fix, removeWord } from '../../../src/rules/support/fixes.js';
import type { Fix } from '../../../src/core/types.js';
import type { PathRef, ShellCommand } from '../../../src/core/facts.js';

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

/**
 * `rm -rf <cache paths>` becomes `dnf clean all`; a BuildKit cache mount on dnf's or tdnf's old cache moves to
 * /var/cache/libdnf5. Anything else is left to a person.
 */
const FOREIGN = new Set(['apt-get', 'apt', 'aptitude', 'apk', 'dpkg']);

function fixFor(ref: PathRef, all: ShellCommand[]): Fix | undefined {
  if (ref.context === 'mount' && /^\/var\/cache\/(dnf|yum|tdnf)\/?$/.test(ref.path) && ref.exact) {
    return fix('Mount the dnf5 cache (/var/cache/libdnf5)', 'safe', [{ span: ref.span, text: '/var/cache/libdnf5' }]);
  }
  const cmd = ref.command;
  if (!cmd || cmd.base !== 'rm' || !canFix(cmd) || ref.context !== 'arg') return undefined;
  // `dnf clean all` only once the step's own package commands are dnf (the apt/apk fixes come first).
  if (all.some((c) => c.unit === cmd.unit && FOREIGN.has(c.base))) return undefined;
  const operands = cmd.args.filter((a) => !(a.value ?? '').startsWith('-'));
  if (!operands.length || !operands.every((a) => a.value && PATHS.some((p) => p.re.test(a.value!)))) return undefined;
  const last = cmd.args[cmd.args.length - 1]!;
  return fix('Clean the package cache with dnf', 'safe', [{ span: { start: cmd.nameWord.span.start, end: last.span.end }, text: 'dnf clean all' }]);
}

export default defineRule({
  meta: {
    id: 'pkgmgr/cache-paths',
    title: 'Package-manager cache and state paths that do not exist or moved (apt, apk, tdnf, dnf4)',
    category: 'package-manager',
    severity: 'warning',
    blocker: false,
    fixable: 'safe',
    effort: 0.5,
  },
  create(ctx) {
    return {
      path(ref) {
        const hit = PATHS.find((p) => p.re.test(ref.path));
        if (!hit) return;
        ctx.report({
          fix: fixFor(ref, ctx.facts.commands),
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
        const prefix = a.context === 'shell-prefix' ? ctx.facts.commands.find((c) => c.assignments.includes(a)) : undefined;
        const word = prefix && canFix(prefix) ? { text: ctx.facts.source.slice(a.span), span: a.span, exact: true } : undefined;
        ctx.report({
          fix: word ? fix('Remove DEBIAN_FRONTEND', 'safe', [removeWord(word, ctx.facts.source.text)]) : undefined,
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
