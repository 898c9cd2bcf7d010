import { defineRule } from '../../../src/core/rule.js';
import type { Span } from '../../../src/core/source.js';
import { code } from '../../../src/rules/support/commands.js';
import { argWords, isUse, matchesInWord } from '../../../src/rules/support/text.js';

const RE = /(?<=^|[\s=:"',]|-[LI])(?:\/usr)?\/lib\/(x86_64|aarch64|arm|i386|i686|powerpc64le|s390x)-linux-gnu(?:eabihf)?(?=[/:\s"']|$)/g;

export default defineRule({
  meta: {
    id: 'glibc/multiarch-path',
    title: 'Debian multiarch library paths (/usr/lib/x86_64-linux-gnu) that do not exist on Azure Linux 4.0',
    category: 'glibc',
    severity: 'error',
    blocker: false,
    fixable: 'unsafe',
    effort: 1,
  },
  create(ctx) {
    const seen = new Set<number>();
    const report = (span: Span, exact: boolean, path: string, arch: string) => {
      if (seen.has(span.start)) return;
      seen.add(span.start);
      const to = arch === 'i386' || arch === 'i686' || arch === 'arm' ? undefined : '/usr/lib64';
      ctx.report({
        span,
        exact,
        message: `${code(path)} is Debian's multiarch library directory; Azure Linux 4.0 keeps ${arch === 'x86_64' || arch === 'aarch64' ? '64-bit libraries in /usr/lib64' : 'no libraries for that architecture (x86-64 and ARM64 only)'}.`,
        why: 'Azure Linux 4.0 follows the Fedora layout: merged /usr, libraries in /usr/lib64 (64-bit) with no Debian multiarch triplet directories, and only x86-64 and ARMv8 64-bit are supported (no 32-bit). Knowledge sheet §0 "Identity and base" [L:architecture] and §2 "Filesystem layout and shell" [M:specs/f/filesystem/filesystem.spec].',
        action: to ? `Use ${code(to)} (or ask the toolchain: \`pkg-config --variable=libdir\`, \`gcc -print-file-name=libfoo.so\`).` : 'Drop the 32-bit path; build 64-bit.',
        fix: to && exact ? { title: `Use ${to}`, safety: 'unsafe', edits: [{ span, text: to }] } : undefined,
        evidence: path,
      });
    };
    return {
      command(cmd) {
        for (const w of argWords(cmd)) for (const h of matchesInWord(w, RE)) report(h.span, h.exact, h.m[0], h.m[1]!);
      },
      path(ref) {
        if (ref.command || !isUse(ref)) return;
        const raw = ctx.facts.source.slice(ref.span);
        for (const m of raw.matchAll(RE)) report({ start: ref.span.start + m.index, end: ref.span.start + m.index + m[0].length }, ref.exact, m[0], m[1]!);
      },
      assignment(a) {
        const v = ctx.facts.source.slice(a.valueSpan);
        for (const m of v.matchAll(RE)) report({ start: a.valueSpan.start + m.index, end: a.valueSpan.start + m.index + m[0].length }, true, m[0], m[1]!);
      },
    };
  },
});
