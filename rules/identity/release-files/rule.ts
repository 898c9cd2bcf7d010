import { defineRule } from '../../../src/core/rule.js';
import type { Detection, ShellCommand } from '../../../src/core/facts.js';
import type { Span } from '../../../src/core/source.js';
import { code } from '../../../src/rules/support/commands.js';
import { isUse, pathMatch } from '../../../src/rules/support/text.js';
import { reachOf } from '../../../src/languages/shell/model.js';
import { F } from '../../../src/languages/shell/conditions.js';
import { WORLDS } from '../../../src/languages/shell/worlds.js';

const MISSING = /^\/etc\/(lsb-release|redhat-release|debian_version|fedora-release|centos-release|mariner-release|SuSE-release)$/;
const WHY =
  'Azure Linux 4.0 has no /etc/lsb-release, /etc/redhat-release, /etc/fedora-release or /etc/debian_version, and no `lsb_release` command; it has /etc/os-release (ID=azurelinux, ID_LIKE=fedora, VERSION_ID=4.0, VERSION_CODENAME empty), /etc/azurelinux-release and /etc/system-release. Azure Linux 3.0 still had /etc/lsb-release. Knowledge sheet §0 "Identity and base" [M:specs/a/azurelinux-release/azurelinux-release.spec; M3:SPECS/azurelinux-release/azurelinux-release.spec].';
const inside = (s: Span, d: Detection) => d.span.start <= s.start && s.end <= d.span.end;

export default defineRule({
  meta: {
    id: 'identity/release-files',
    title: 'Reads of release files and lsb_release that Azure Linux 4.0 does not have',
    category: 'distro-identity',
    severity: 'error',
    blocker: false,
    fixable: false,
    effort: 1,
  },
  create(ctx) {
    // Inside a distro check the file is a test, evaluated by identity/no-azurelinux-branch.
    // A read in a branch that cannot run on the target (`if [ -f /etc/lsb-release ]; then . /etc/lsb-release; fi`) is safe.
    const ti = WORLDS.findIndex((w) => w.name === ctx.target.world);
    const inCheck = (cmd: ShellCommand | undefined, span: Span) =>
      ctx.facts.detections.some((d) => inside(cmd?.span ?? span, d)) || (cmd !== undefined && ti >= 0 && reachOf(cmd.gates)[ti] === F);
    return {
      command(cmd) {
        if (cmd.base !== 'lsb_release' || inCheck(cmd, cmd.span)) return;
        const codename = cmd.args.some((a) => /^-[a-z]*c/.test(a.value ?? '') || a.value === '--codename');
        ctx.report({
          span: cmd.nameWord.span,
          exact: cmd.exact && cmd.nameWord.exact,
          message: `${code('lsb_release')} does not exist on Azure Linux 4.0${codename ? '; and there is no release codename (VERSION_CODENAME is empty), so a URL built from it cannot work' : ''}.`,
          why: WHY,
          action: codename
            ? 'Read /etc/os-release (`. /etc/os-release; echo "$ID $VERSION_ID"`) and choose an RPM/Fedora-family source for ID=azurelinux; codename-keyed repository URLs have no Azure Linux equivalent.'
            : 'Read /etc/os-release instead: `. /etc/os-release` then `$ID`, `$ID_LIKE`, `$VERSION_ID`.',
        });
      },
      path(ref) {
        if (!isUse(ref) || ref.context === 'copy-dest') return;
        if (ref.command?.base === 'test' || inCheck(ref.command, ref.span)) return;
        const hit = pathMatch(ref, MISSING, ctx.facts.source);
        if (!hit) return;
        ctx.report({
          span: hit.span,
          exact: hit.exact,
          message: `${code(ref.path)} does not exist on Azure Linux 4.0; reading or sourcing it fails or yields nothing.`,
          why: WHY,
          action: 'Read /etc/os-release (`. /etc/os-release`, then `$ID`, `$ID_LIKE`, `$VERSION_ID`); /etc/system-release has a one-line name if a human-readable string is needed.',
          evidence: ref.path,
        });
      },
    };
  },
});
