import { defineRule } from '../../../src/core/rule.js';
import type { ShellCommand } from '../../../src/core/facts.js';
import type { ShellUnit } from '../../../src/languages/shell/model.js';
import { code } from '../../../src/rules/support/commands.js';
import { matchInWord } from '../../../src/rules/support/text.js';
import { execAll } from '../../../src/core/regex.js';

const VARS = 'VERSION_ID|OS_VERSION|OS_VERSION_ID|OS_MAJOR|OS_MAJOR_VERSION|OSVER|OS_VER|RHEL_VERSION|RHEL_MAJOR|EL_VERSION|EL_MAJOR|DISTRO_VERSION|DIST_VERSION|MAJOR_VERSION|RELEASE_MAJOR|os_version|os_major|el_version|rhel_version|major_version|distro_version';
const CMP = new RegExp(String.raw`\$\{?(${VARS})((?:%%?|#)[^}\n]*)?\}?"?[^\S\n]*(-lt|-le|-ge|-gt|-eq|-ne|<=?|>=?|==)[^\S\n]*"?(\d+)\b`, 'dg');
const WHY =
  'Azure Linux 4.0 reports VERSION_ID=4.0 (unquoted, with a dot) and does not define the %rhel RPM macro (%fedora is 43). A major-version test written for RHEL/CentOS (7, 8, 9, 10) classifies 4 as an old release, and `[ "$VERSION_ID" -lt 8 ]` fails with "integer expression expected". Knowledge sheet §0 "Identity and base" [M:specs/a/azurelinux-release/azurelinux-release.spec; M:azurelinux-release.spec macros.dist].';

export default defineRule({
  meta: {
    id: 'identity/version-compare',
    title: 'RHEL-style major version checks that treat Azure Linux 4.0 as an old release (VERSION_ID, %rhel)',
    category: 'distro-identity',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    const units = new Map<number, ShellUnit>();
    return {
      command(cmd: ShellCommand) {
        units.set(cmd.unit.id, cmd.unit);
        if (cmd.base === 'rpm' && cmd.args.some((a) => a.value === '-E' || a.value === '--eval' || a.value?.startsWith('--eval='))) {
          for (const w of cmd.args) {
            const h = matchInWord(w, /%\{?\??(rhel|centos_ver|centos|el\d)\}?/);
            if (!h) continue;
            ctx.report({
              span: h.span,
              exact: h.exact,
              message: `${code(h.m[0])} is not defined on Azure Linux 4.0: \`rpm -E\` prints it unexpanded (or empty with %{?...}), so a version derived from it is wrong.`,
              why: WHY,
              action: 'Read `$VERSION_ID` from /etc/os-release and branch on `$ID` (azurelinux) first; `%fedora` (43) or `%azl4` (1) are defined if an RPM macro is needed.',
            });
          }
        }
      },
      end() {
        for (const u of units.values()) {
          const text = u.source.text;
          // One pass over the unit's text; the pattern cannot cross a line, and comment lines are skipped.
          for (const m of execAll(CMP, text)) {
            const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
            if (text.slice(lineStart, m.index).trimStart().startsWith('#')) continue;
            const n = Number(m[4]);
            if (n < 5 || n > 10) continue;
            const ix = m.indices![4]!;
            const h = u.source.toHost({ start: ix[0], end: ix[1] });
            const stripped = m[2] !== undefined;
            ctx.report({
              span: h.span,
              exact: h.exact,
              message: stripped || m[1] !== 'VERSION_ID'
                ? `This compares the release's major version with ${n}, as for RHEL/CentOS; Azure Linux 4.0's major version is 4, so it is treated as an old release.`
                : `${code('$VERSION_ID')} is compared with ${n} as an integer; on Azure Linux 4.0 it is "4.0" (the test errors) and 4 would be an "old" release anyway.`,
              why: WHY,
              action: 'Decide by `$ID`/`$ID_LIKE` first (azurelinux, fedora) and only then compare versions within one distribution; for Azure Linux use `${VERSION_ID%%.*}` and compare with 4.',
              evidence: m[0],
            });
          }
        }
      },
    };
  },
});
