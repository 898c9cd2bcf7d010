import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { argWords, matchesInWord } from '../../../src/rules/support/text.js';

const LD_MUSL = /(?:\/lib\/)?ld-musl-[\w]+\.so\.1/g;
/** Release artifacts built for musl: `x86_64-unknown-linux-musl`, `linux-musl-x64`, `node-v22-linux-x64-musl`, `_musl.tar.gz`. */
const MUSL_DOWNLOAD = /https?:\/\/[^\s"']*?[-_.](?:linux-)?musl(?:[-_.][^\s"']*|$)/g;
const FETCHERS = new Set(['curl', 'wget', 'wget2', 'aria2c', 'gh']);
const WHY =
  'Azure Linux 4.0 is a glibc 2.42 system (x86-64 and ARM64); there is no musl loader in the image, and musl-libc is only in the unsupported rpm-sdk channel. Static musl binaries run anywhere; dynamically linked musl binaries need /lib/ld-musl-*.so.1 and fail with "No such file or directory". Knowledge sheet §0 "Core versions" [L:whats-new-azure-linux-4; M:specs/*] and the package lists [M:base/packages/sdk.packages.toml].';

export default defineRule({
  meta: {
    id: 'glibc/musl-artifact',
    title: 'musl (Alpine) artifacts on a glibc system: ld-musl paths and -musl downloads',
    category: 'glibc',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    return {
      command(cmd: ShellCommand) {
        for (const w of argWords(cmd)) {
          for (const h of matchesInWord(w, LD_MUSL)) {
            ctx.report({
              span: h.span,
              exact: h.exact,
              message: `${code(h.m[0])} is the musl dynamic loader; Azure Linux 4.0 uses glibc and has no musl loader, so binaries that need it do not start.`,
              why: WHY,
              action: 'Use the glibc (`-gnu`) build of the software, or a statically linked build.',
            });
          }
          if (!FETCHERS.has(cmd.base)) continue;
          for (const h of matchesInWord(w, MUSL_DOWNLOAD)) {
            ctx.report({
              span: h.span,
              exact: h.exact,
              severity: 'info',
              message: `This downloads a musl build (${code(h.m[0].slice(h.m[0].lastIndexOf('/') + 1) || h.m[0])}), typically chosen for Alpine; on Azure Linux 4.0 use the glibc build.`,
              why: WHY,
              action: 'Download the `-gnu` / `linux-x64` (glibc) artifact instead; keep the musl one only if it is statically linked.',
            });
          }
        }
      },
    };
  },
});
