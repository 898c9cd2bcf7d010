import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import { code } from '../../../src/rules/support/commands.js';
import { textHits } from '../../../src/rules/support/text.js';

/**
 * URLs, one token each (a `[^\s"'<>]+` run cannot backtrack, so long inputs cost linear time: test/redos.test.ts);
 * a URL counts when it contains $releasever and is not on Microsoft's Azure Linux tree (where 4.0 is right).
 */
const URL = /(?:https?|ftp):\/\/[^\s"'<>]+/g;
const keyed = (url: string) => /\$(\{releasever\}|releasever)/.test(url) && !/^[a-z]+:\/\/packages\.microsoft\.com\/azurelinux\//.test(url);

export default defineRule({
  meta: {
    id: 'repos/releasever',
    title: 'Repository URL built on $releasever, which is 4.0 on Azure Linux 4.0',
    category: 'repositories',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    const cmds: ShellCommand[] = [];
    return {
      command(cmd) {
        cmds.push(cmd);
      },
      end() {
        for (const h of textHits(cmds, ctx.facts.source, URL)) {
          if (!keyed(h.m[0])) continue;
          ctx.report({
            span: h.span,
            exact: h.exact,
            message: `${code(h.m[0])} expands ${code('$releasever')} to ${code('4.0')} on Azure Linux 4.0; a Fedora- or EL-keyed repository has no such directory, so dnf fails to load it (404).`,
            why: '$releasever is 4.0 on Azure Linux 4.0 (release-ver in the distro definition); third-party .repo URLs built on it (Fedora, RPM Fusion, docker-ce fedora, EL vendors) resolve to "4.0" and will 404 — the 404 is inferred. Knowledge sheet §0 "Identity and base" [M:distro/azurelinux.distro.toml].',
            action: 'Point the repository at a concrete release that matches Azure Linux 4.0\'s base (Fedora 43: replace $releasever with 43 only if the vendor builds for Fedora and you accept the mix), or use the Azure Linux package or a container image.',
            evidence: h.m[0],
          });
        }
      },
    };
  },
});
