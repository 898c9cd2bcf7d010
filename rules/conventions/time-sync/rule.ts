import { commandPathRule, code } from '../../../src/rules/support/simple.js';
import type { ShellCommand } from '../../../src/core/facts.js';

const WHY =
  'Azure Linux 4.0 keeps time with chronyd (enabled; cloud images add /etc/chrony.d/chrony-azure.conf with the Hyper-V PTP clock); ntp and ntpsec are not available. Knowledge sheet §2 "Networking, firewall, time, cron, logging" [M:90-default.preset; M:chrony-azure.conf; CALC].';
const NTP_UNITS = /^(ntp|ntpd|ntpsec|ntpdate)(\.service)?$/;
const unitsArg = (c: ShellCommand) => c.args.find((a) => NTP_UNITS.test(a.value ?? ''));

export default commandPathRule(
  {
    id: 'conventions/time-sync',
    title: 'ntpd, ntpdate and /etc/ntp.conf (Azure Linux 4.0 uses chrony)',
    category: 'conventions',
    severity: 'error',
    blocker: true,
    fixable: false,
    effort: 1,
  },
  {
    why: WHY,
    commands: [
      {
        names: ['ntpd', 'ntpdate', 'ntpq', 'ntpdc', 'sntp'],
        message: (c) => `${code(c.base)} is from ntp, which Azure Linux 4.0 does not have.`,
        action: 'Use chrony: `chronyc makestep` (one-off sync), `chronyc sources` (status); servers go in /etc/chrony.d/*.conf.',
      },
      {
        names: ['systemctl', 'service'],
        when: (c) => unitsArg(c) !== undefined,
        message: (c) => `${code(c.base)} manages ${code(unitsArg(c)!.value!)}, which does not exist on Azure Linux 4.0 (chronyd is the time service).`,
        action: 'Drop the step (chronyd is enabled by default) or manage `chronyd` instead.',
        severity: 'warning',
        blocker: false,
      },
    ],
    paths: [
      {
        re: /^\/etc\/ntp\.conf$|^\/etc\/ntp(?=\/)/,
        message: (r) => `${code(r.path)} is ntpd's configuration; Azure Linux 4.0 runs chronyd, which does not read it.`,
        action: 'Put `server NAME iburst` lines in /etc/chrony.d/custom.conf and `systemctl restart chronyd`. On Azure VMs keep the default PTP source.',
      },
    ],
  },
);
