import { defineRule } from '../../../src/core/rule.js';
import { reachOf } from '../../../src/languages/shell/model.js';
import { F, T } from '../../../src/languages/shell/conditions.js';
import { WORLDS } from '../../../src/languages/shell/worlds.js';

export default defineRule({
  meta: {
    id: 'identity/misrouted',
    title: 'Distro check sends Azure Linux 4.0 down another distribution\'s branch, not Fedora\'s',
    category: 'distro-identity',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 1,
    seesGatedCode: true,
    // Ansible `when: ansible_os_family` gates rest on an UNCONFIRMED mapping; ansible/os-family-gate reports them.
    kinds: ['shell', 'dockerfile', 'systemd', 'cloud-init', 'python', 'terraform', 'bicep', 'arm', 'packer', 'workflow', 'tsjs'],
  },
  create(ctx) {
    const ti = WORLDS.findIndex((w) => w.name === ctx.target.world);
    const fi = WORLDS.findIndex((w) => w.name === 'fedora');
    return {
      detection(d) {
        if (ti < 0 || fi < 0 || reachOf(d.gates)[ti] === F) return;
        const a = d.branches.findIndex((b) => b.reach[ti] === T);
        const f = d.branches.findIndex((b) => b.reach[fi] === T);
        if (a < 0 || f < 0 || a === f) return;
        const ba = d.branches[a]!;
        const bf = d.branches[f]!;
        // A skipped check, or one that stops the script on Azure Linux, is identity/no-azurelinux-branch's finding.
        if (ba.trivial || bf.trivial || ba.exits) return;
        const others = WORLDS.filter((w, i) => i !== ti && ba.reach[i] === T).map((w) => w.name);
        const like = others.length ? `the branch meant for ${others.join('/')}` : 'a branch no other known distribution takes';
        ctx.report({
          span: d.span,
          exact: d.exact,
          message: `On Azure Linux 4.0 this distro check takes ${like}, not the one Fedora takes: it tests signs (ID_LIKE=rhel/centos, /etc/redhat-release, ...) that Azure Linux 4.0 does not have.`,
          why: 'Azure Linux 4.0 is built from Fedora 43: /etc/os-release has ID=azurelinux, ID_LIKE=fedora and VERSION_ID=4.0; there is no /etc/redhat-release, no "rhel" or "centos" in ID_LIKE (AZL3 had no ID_LIKE), and dnf is dnf5. Scripts that match fedora work; scripts that match rhel/centos do not. Knowledge sheet §0 "Identity and base" [M:specs/a/azurelinux-release/azurelinux-release.spec; M3:SPECS/azurelinux-release/azurelinux-release.spec].',
          action: 'Route Azure Linux with Fedora: match `$ID_LIKE` containing fedora or `$ID` = azurelinux (`case "$ID ${ID_LIKE:-}" in *azurelinux*|*fedora*) ...`), or test for `command -v dnf`.',
        });
      },
    };
  },
});
