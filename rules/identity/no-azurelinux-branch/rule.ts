import { defineRule } from '../../../src/core/rule.js';
import type { Detection } from '../../../src/core/facts.js';
import { reachOf } from '../../../src/languages/shell/model.js';
import { F, T } from '../../../src/languages/shell/conditions.js';
import { WORLDS } from '../../../src/languages/shell/worlds.js';

export default defineRule({
  meta: {
    id: 'identity/no-azurelinux-branch',
    title: 'Distro check with no branch for Azure Linux 4.0',
    category: 'distro-identity',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
    seesGatedCode: true,
  },
  create(ctx) {
    const ti = WORLDS.findIndex((w) => w.name === ctx.target.world);
    const rpmOther = WORLDS.map((w, i) => (w.family === 'rpm' && i !== ti ? i : -1)).filter((i) => i >= 0);
    const detections: Detection[] = [];
    const reachable = (d: Detection) => reachOf(d.gates)[ti] !== F;
    // A branch that ends in `exit 1` does no work for the systems it selects: the script stops there.
    const supports = (d: Detection) => d.branches.some((b) => !b.trivial && !b.exits && b.reach[ti] !== F);
    return {
      detection(d) {
        // Ansible when: conditions are ansible/os-family-gate's, in Ansible's terms (it leaves Debian-only tasks and
        // EL8-only version tests alone); shell code, also inside Ansible tasks, is judged here.
        if (!d.ansibleWhen) detections.push(d);
      },
      end() {
        const fileSupports = detections.some((d) => reachable(d) && supports(d));
        // A branch that runs on another RPM-family system: where the file's RPM path, and Azure Linux's, belongs.
        const rpmBranch = (d: Detection) => d.branches.some((b) => !b.trivial && rpmOther.some((i) => b.reach[i] === T));
        const fileHasRpmPath = detections.some((d) => reachable(d) && rpmBranch(d));
        for (const d of detections) {
          if (!reachable(d) || supports(d)) continue;
          // A check whose branches only print or exit has no work to skip: it is the guard reported below
          // (`if ! [ -f /etc/debian_version ]; then exit 1; fi`), not a second finding.
          if (d.kind !== 'guard' && d.branches.every((b) => b.trivial)) continue;
          // Azure Linux 4.0 falls into the branch that stops the script (`*) echo "Unsupported distribution"; exit 1`).
          const exits = d.branches.some((b) => b.exits && b.reach[ti] === T);
          const switchLike = (d.kind === 'if' || d.kind === 'case') && d.branches.filter((b) => !b.trivial).length >= 2;
          if (!exits && !switchLike && fileSupports) continue;
          // A single check for Debian or Alpine in a file that has an RPM-family path: it is skipped on RHEL and
          // Fedora too, on purpose; the RPM-family check is the one to extend, and is reported itself if it misses
          // Azure Linux.
          const matchesEl = rpmBranch(d);
          if (!exits && !switchLike && !matchesEl && fileHasRpmPath) continue;
          // Branches that only override a default set earlier, none of them for an RPM-family system: Azure Linux
          // keeps the default, as RHEL and Fedora do (`OS_TYPE=linux; if [ "$OS" = alpine ]; then OS_TYPE=...`).
          if (!exits && !matchesEl && d.branches.every((b) => b.trivial || b.overridesDefault)) continue;
          const guard = d.kind === 'guard' || exits;
          ctx.report({
            span: d.span,
            exact: d.exact,
            severity: guard ? 'error' : 'warning',
            blocker: guard,
            message: guard
              ? 'This distro check exits on Azure Linux 4.0: none of the distributions it accepts matches ID=azurelinux / ID_LIKE=fedora.'
              : `No branch of this distro check runs on Azure Linux 4.0 (ID=azurelinux, ID_LIKE=fedora)${matchesEl ? ': it matches RHEL/CentOS/Fedora signs that Azure Linux 4.0 does not have' : ''}, so its work is silently skipped there.`,
            why: 'Azure Linux 4.0 /etc/os-release has ID=azurelinux, ID_LIKE=fedora, VERSION_ID=4.0; there is no /etc/redhat-release, /etc/fedora-release, /etc/lsb-release or lsb_release; /etc/azurelinux-release and /etc/system-release exist; dnf (dnf5) is the package manager.',
            action: 'Add a branch for Azure Linux: match `$ID` = azurelinux or `$ID_LIKE` containing fedora (`case "$ID" in azurelinux|fedora)`), or test for `command -v dnf`.',
          });
        }
      },
    };
  },
});
