import { defineRule } from '../../../src/core/rule.js';
import { cloudConfigOf } from '../../../src/languages/cloudinit/facts.js';
import { code } from '../../../src/rules/support/commands.js';

/** cloud-config modules that cloud-init runs only on Ubuntu (or Debian), with what to do instead. */
const MODULES: Record<string, { what: string; instead: string; severity?: 'error' }> = {
  snap: { what: 'installs snaps', instead: 'Install the RPM or a container image, or download the release binary in runcmd; there is no snapd.' },
  snappy: { what: 'belonged to the snappy module, which cloud-init removed in 20.1 (its successor `snap:` is Ubuntu-only)', instead: 'Install the RPM or a container image; there is no snapd.' },
  ssh_import_id: { what: 'imports SSH keys from Launchpad/GitHub', instead: 'List the public keys under `ssh_authorized_keys:` (or per user), or fetch them in runcmd.', severity: 'error' },
  ubuntu_advantage: { what: 'attaches Ubuntu Pro/Advantage', instead: 'Remove it; Azure Linux updates come from packages.microsoft.com.' },
  ubuntu_pro: { what: 'attaches Ubuntu Pro', instead: 'Remove it; Azure Linux updates come from packages.microsoft.com.' },
  landscape: { what: 'registers with Landscape', instead: 'Use Azure Update Manager or your own configuration management.' },
  byobu_by_default: { what: 'enables byobu', instead: 'Remove it, or install tmux and configure it yourself.' },
  fan: { what: 'configures Ubuntu Fan networking', instead: 'Configure networking with systemd-networkd (the Azure Linux default).' },
  ubuntu_drivers: { what: 'is not a cloud-config key (the Ubuntu-only ubuntu_drivers module reads `drivers:`)', instead: 'Install drivers from the Azure Linux repositories (e.g. the nvidia channel).' },
  drivers: { what: 'is read only by the ubuntu_drivers module (Ubuntu only)', instead: 'Install drivers from the Azure Linux repositories (e.g. the nvidia channel).' },
  autoinstall: { what: 'is read only by the ubuntu_autoinstall module (Ubuntu only)', instead: 'Remove it.' },
  grub_dpkg: { what: 'configures grub through debconf', instead: 'Remove it; Azure Linux uses grub2 with BLS entries (grubby).' },
  lxd: { what: 'sets up LXD', instead: 'Use podman or moby-engine, which Azure Linux 4.0 packages.' },
  ubuntu_autoinstall: { what: 'is not a cloud-config key (the Ubuntu-only ubuntu_autoinstall module reads `autoinstall:`)', instead: 'Remove it.' },
};

export default defineRule({
  meta: {
    id: 'cloudinit/ubuntu-module',
    title: 'cloud-init modules that run only on Ubuntu are skipped on Azure Linux 4.0',
    category: 'platform',
    severity: 'warning',
    blocker: false,
    fixable: false,
    kinds: ['cloud-init'],
    effort: 1,
  },
  create(ctx) {
    return {
      end() {
        for (const [k, v] of cloudConfigOf(ctx.facts)?.keys ?? []) {
          const m = MODULES[k];
          if (!m || !v.keySpan) continue;
          ctx.report({
            span: v.keySpan,
            severity: m.severity,
            blocker: m.severity === 'error' ? true : undefined,
            message: `${code(`${k}:`)} ${m.what}; cloud-init skips this module on Azure Linux 4.0${m.severity ? ', so these keys are never installed and logins that rely on them fail' : ''}.`,
            why: 'Azure Linux 4.0 runs cloud-init as distro fedora; its cloud.cfg does not list the Ubuntu/Debian modules at all, and cloud-init skips a listed module whose declared distros exclude fedora (ssh_import_id: alpine, cos, debian, raspberry-pi-os, ubuntu).',
            action: m.instead,
          });
        }
      },
    };
  },
});
