import { commandPathRule, code } from '../../../src/rules/support/simple.js';
import type { ShellCommand } from '../../../src/core/facts.js';

const WHY =
  'Azure Linux 4.0 kernels enable the LSMs landlock, lockdown, yama, integrity and selinux; AppArmor is built but not active, Microsoft says "AppArmor is not supported", and the apparmor/libapparmor packages are gone. AppArmor profiles do nothing; SELinux confines processes instead. Knowledge sheet §2 "sysctl and kernel defaults" and §3 [M:6.18-x86_64-azl.config; L:architecture; CALC].';
const APPARMOR_OPT = /apparmor[=:]/;
const secOpt = (c: ShellCommand) => c.args.find((a, i) => (a.value?.startsWith('--security-opt=') || c.args[i - 1]?.value === '--security-opt') && APPARMOR_OPT.test(a.value ?? ''));

export default commandPathRule(
  {
    id: 'selinux/apparmor',
    title: 'AppArmor tools, profiles and options (AppArmor is not active on Azure Linux 4.0)',
    category: 'selinux',
    severity: 'warning',
    blocker: false,
    fixable: false,
    effort: 2,
  },
  {
    why: WHY,
    commands: [
      {
        names: ['apparmor_parser', 'aa-status', 'aa-enforce', 'aa-complain', 'aa-disable', 'aa-exec', 'aa-genprof', 'aa-logprof', 'aa-teardown', 'apparmor_status'],
        message: (c) => `${code(c.base)} is an AppArmor tool; AppArmor is not installed or active on Azure Linux 4.0.`,
        action: 'Drop the AppArmor step. If the profile confined a service, rely on its SELinux domain (most packaged services have one) or write an SELinux policy module (`sepolicy generate`, `audit2allow`).',
        severity: 'error',
        blocker: true,
      },
      {
        names: ['docker', 'podman'],
        when: (c) => secOpt(c) !== undefined,
        word: secOpt,
        message: (c) => `${code(secOpt(c)!.value!)} asks for an AppArmor profile; Azure Linux 4.0 has no AppArmor, the container is confined by SELinux (container_t).`,
        action: 'Remove the AppArmor option; use `--security-opt label=type:TYPE` (SELinux) if the container needs a different domain.',
      },
    ],
    paths: [
      {
        re: /^\/etc\/apparmor\.d(?=\/|$)|^\/etc\/apparmor(?=\/|$)/,
        message: (r) => `${code(r.path)}: AppArmor profiles are never loaded on Azure Linux 4.0.`,
        action: 'Drop the profile; confine the service with SELinux instead.',
      },
    ],
  },
);
