import { commandPathRule, code } from '../../../src/rules/support/simple.js';
import type { ShellCommand } from '../../../src/core/facts.js';

const nscdUnit = (c: ShellCommand) => c.args.find((a) => /^nscd(\.service|\.socket)?$/.test(a.value ?? ''));

const base = commandPathRule(
  {
    id: 'glibc/removed-features',
    title: 'glibc pieces removed by 2.42 (nscd, catchsegv, libSegFault, LD_ASSUME_KERNEL)',
    category: 'glibc',
    severity: 'error',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  {
    why: 'Azure Linux 4.0 has glibc 2.42: nscd is removed (glibc Obsoletes nscd), catchsegv and libSegFault.so were removed in 2.35, and LD_ASSUME_KERNEL / LD_LIBRARY_VERSION in 2.36. Knowledge sheet §2 "glibc 2.42" [M:glibc.spec; GN 2.35; GN 2.36].',
    commands: [
      {
        names: ['nscd'],
        message: () => `${code('nscd')} was removed from glibc; Azure Linux 4.0 has no name-service cache daemon from glibc.`,
        action: 'Drop it: systemd-resolved caches DNS; for passwd/group caching use sssd if needed.',
      },
      {
        names: ['systemctl', 'service'],
        when: (c) => nscdUnit(c) !== undefined,
        word: nscdUnit,
        message: (c) => `${code(c.base)} manages ${code('nscd')}, which does not exist on Azure Linux 4.0.`,
        action: 'Drop the step; systemd-resolved caches DNS.',
        severity: 'warning',
      },
      {
        names: ['catchsegv'],
        message: () => `${code('catchsegv')} was removed in glibc 2.35.`,
        action: 'Use core dumps (`coredumpctl`), `gdb`, or sanitizers (`-fsanitize=address`).',
      },
    ],
    paths: [
      {
        re: /^\/etc\/nscd\.conf$/,
        message: () => `${code('/etc/nscd.conf')} configures nscd, which glibc 2.42 no longer has.`,
        action: 'Drop it; configure caching in systemd-resolved (DNS) or sssd (accounts).',
        severity: 'warning',
      },
      {
        re: /libSegFault\.so$/,
        message: () => `${code('libSegFault.so')} was removed in glibc 2.35.`,
        action: 'Use core dumps (`coredumpctl`) or sanitizers.',
      },
    ],
  },
);

/** Environment settings glibc no longer honours: `LD_ASSUME_KERNEL=`, `LD_LIBRARY_VERSION=`, `LD_PRELOAD=...libSegFault.so`. */
export default {
  meta: base.meta,
  create(ctx: Parameters<typeof base.create>[0]) {
    // The command and path visitors, with one more: set on the object rather than spread into a new one, which V8
    // copies slowly (this rule is created for every file).
    const v = base.create(ctx);
    v.assignment = (a) => {
      if (a.name === 'LD_ASSUME_KERNEL' || a.name === 'LD_LIBRARY_VERSION') {
        ctx.report({
          span: { start: a.span.start, end: a.span.start + a.name.length },
          message: `${code(a.name)} was removed in glibc 2.36; setting it has no effect on Azure Linux 4.0.`,
          why: 'Azure Linux 4.0 has glibc 2.42; glibc 2.36 removed LD_ASSUME_KERNEL and LD_LIBRARY_VERSION. Knowledge sheet §2 "glibc 2.42" [GN 2.36].',
          action: 'Drop the variable; if a program needs it to pick old library behaviour, the program must be updated.',
          severity: 'warning',
        });
      } else if (a.name === 'LD_PRELOAD' && /libSegFault\.so/.test(a.value ?? ctx.facts.source.slice(a.valueSpan))) {
        const raw = ctx.facts.source.slice(a.valueSpan);
        const i = raw.indexOf('libSegFault.so');
        ctx.report({
          span: i >= 0 ? { start: a.valueSpan.start + i, end: a.valueSpan.start + i + 'libSegFault.so'.length } : a.valueSpan,
          message: `${code('libSegFault.so')} was removed in glibc 2.35; preloading it fails.`,
          why: 'Azure Linux 4.0 has glibc 2.42; 2.35 removed catchsegv and libSegFault.so. Knowledge sheet §2 "glibc 2.42" [GN 2.35].',
          action: 'Use core dumps (`coredumpctl`) or sanitizers.',
        });
      }
    };
    return v;
  },
};
