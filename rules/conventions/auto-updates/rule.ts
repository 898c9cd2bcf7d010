import { commandPathRule, code } from '../../../src/rules/support/simple.js';
import type { ShellCommand } from '../../../src/core/facts.js';

const unitArg = (c: ShellCommand) => c.args.find((a) => /^(unattended-upgrades|apt-daily(-upgrade)?|dnf-automatic(-(install|download|notifyonly))?)(\.service|\.timer)?$/.test(a.value ?? ''));

export default commandPathRule(
  {
    id: 'conventions/auto-updates',
    title: 'unattended-upgrades and dnf4 automatic-update timers (Azure Linux 4.0 uses dnf5-automatic)',
    category: 'conventions',
    severity: 'warning',
    blocker: false,
    fixable: false,
    unconfirmed: true,
    effort: 1,
  },
  {
    why: 'Azure Linux 4.0 has no unattended-upgrades or APT timers; automatic updates come from dnf5-automatic (`dnf install dnf-automatic`, then `dnf5-automatic.timer`), and the dnf4 per-mode timers dnf-automatic-{download,install,notifyonly} are dropped. Which channel ships dnf5-plugin-automatic is UNCONFIRMED (rpm-sdk in the Apr-30 lists). Knowledge sheet §1 "Commands present" [M:exceptions.packages.toml; L:manage-packages; D5].',
    commands: [
      {
        names: ['unattended-upgrade', 'unattended-upgrades'],
        message: (c) => `${code(c.base)} is Debian's automatic-update tool; it does not exist on Azure Linux 4.0.`,
        action: 'Install dnf-automatic, set `apply_updates = yes` in /etc/dnf/automatic.conf, and `systemctl enable --now dnf5-automatic.timer`. Azure Linux 4.0 is a preview: check that automatic updates suit the workload.',
      },
      {
        names: ['systemctl'],
        when: (c) => unitArg(c) !== undefined,
        word: unitArg,
        message: (c) => `${code(unitArg(c)!.value!)} does not exist on Azure Linux 4.0; the automatic-update timer is ${code('dnf5-automatic.timer')}.`,
        action: 'Use `systemctl enable --now dnf5-automatic.timer` (configure the mode in /etc/dnf/automatic.conf).',
      },
    ],
    paths: [
      {
        re: /^\/etc\/apt\/apt\.conf\.d\/(20auto-upgrades|50unattended-upgrades|10periodic)$/,
        message: (r) => `${code(r.path)} configures unattended-upgrades, which Azure Linux 4.0 does not have.`,
        action: 'Configure dnf5-automatic in /etc/dnf/automatic.conf and enable dnf5-automatic.timer.',
      },
    ],
  },
);
