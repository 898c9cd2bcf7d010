import { defineRule } from '../../../src/core/rule.js';
import { code } from '../../../src/rules/support/commands.js';
import { matchInWord } from '../../../src/rules/support/text.js';

const SEARCHERS = new Set(['grep', 'egrep', 'fgrep', 'zgrep', 'awk', 'gawk']);

export default defineRule({
  meta: {
    id: 'identity/mariner-string',
    title: 'Detection of "Mariner" / "CBL-Mariner" strings that Azure Linux 4.0 no longer has',
    category: 'distro-identity',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
    seesGatedCode: true,
  },
  create(ctx) {
    return {
      command(cmd) {
        if (!SEARCHERS.has(cmd.base)) return;
        for (const w of cmd.args) {
          if ((w.value ?? '').startsWith('/')) continue;
          const hit = matchInWord(w, /(cbl-)?mariner/i);
          if (!hit) continue;
          const azl = cmd.args.some((a) => /azurelinux|azure linux/i.test(a.value ?? a.text));
          if (azl) return;
          ctx.report({
            span: hit.span,
            exact: hit.exact,
            message: `${code(cmd.base)} looks for ${code(hit.m[0])}, a string Azure Linux 4.0 does not have in /proc/version or /etc/os-release: this detection never matches.`,
            why: 'CBL-Mariner (AZL 2.0) used ID=mariner; Azure Linux 3.0 used ID=azurelinux; Azure Linux 4.0 has NAME="Azure Linux", ID=azurelinux, ID_LIKE=fedora, and a /proc/version override with a "CBL-Mariner" string was added and then reverted, so greps for "Mariner" do not match. Knowledge sheet §0 and §3 [M:azurelinux-release.spec changelog 4.0-3 / 4.0-11].',
            action: 'Detect Azure Linux from /etc/os-release: `. /etc/os-release; [ "$ID" = azurelinux ]` (and `VERSION_ID` for the release).',
          });
          return;
        }
      },
    };
  },
});
