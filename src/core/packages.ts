import type { PackageOrigin, PackageRef, ShellCommand } from './facts.js';
import { parseArgs } from '../rules/support/commands.js';

interface Installer {
  origin: PackageOrigin;
  /** Subcommands whose positional words are packages to install. */
  install: ReadonlySet<string>;
  withValue: ReadonlySet<string>;
}

const INSTALLERS: Record<string, Installer> = {
  'apt-get': { origin: 'debian', install: new Set(['install', 'reinstall']), withValue: new Set(['-o', '-c', '-t', '--option', '--target-release', '--default-release', '--config-file']) },
  apt: { origin: 'debian', install: new Set(['install', 'reinstall']), withValue: new Set(['-o', '-c', '-t', '--option', '--target-release']) },
  aptitude: { origin: 'debian', install: new Set(['install', 'reinstall']), withValue: new Set(['-o', '-t']) },
  apk: { origin: 'alpine', install: new Set(['add']), withValue: new Set(['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--keys-dir', '--cache-dir']) },
  tdnf: { origin: 'azurelinux-3.0', install: new Set(['install', 'reinstall']), withValue: new Set(['--releasever', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-c', '--config', '--exclude', '--setopt']) },
  yum: { origin: 'el', install: new Set(['install', 'reinstall']), withValue: new Set(['--releasever', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-c', '--config', '-x', '--exclude', '--setopt']) },
  dnf: { origin: 'el', install: new Set(['install', 'reinstall']), withValue: new Set(['--releasever', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-c', '--config', '-x', '--exclude', '--setopt']) },
  microdnf: { origin: 'el', install: new Set(['install', 'reinstall']), withValue: new Set(['--releasever', '--installroot', '--enablerepo', '--disablerepo', '--setopt']) },
  zypper: { origin: 'el', install: new Set(['install', 'in']), withValue: new Set(['-r', '--repo']) },
};

/**
 * Package names installed by shell commands. Words that are not static (`$PKGS`) are skipped, as are local
 * files and URLs (`./x.rpm`, `https://...`). dnf and yum names are read as RHEL/Fedora names (origin `el`).
 */
export function packageRefsFromCommands(commands: ShellCommand[]): PackageRef[] {
  const out: PackageRef[] = [];
  for (const cmd of commands) {
    const inst = INSTALLERS[cmd.base];
    if (!inst) continue;
    const p = parseArgs(cmd, inst.withValue);
    const sub = p.sub?.value;
    if (!sub || !inst.install.has(sub)) continue;
    for (const w of p.positionals) {
      const raw = w.value;
      if (raw === undefined || raw === '' || /[/*?]/.test(raw) || /\.(deb|rpm|apk)$/.test(raw) || raw.startsWith('@')) continue;
      out.push({ name: packageName(raw, inst.origin), raw, span: w.span, exact: w.exact, origin: inst.origin, manager: cmd.base, command: cmd });
    }
  }
  return out;
}

/** The name part of a package spec: `curl=7.88.1-10` -> curl, `libc6:amd64` -> libc6, alpine `py3-pip~23` -> py3-pip. */
export function packageName(raw: string, origin: PackageOrigin): string {
  let name = raw;
  if (origin === 'debian') name = name.replace(/[=].*$/, '').replace(/:[a-z0-9]+$/, '');
  else if (origin === 'alpine') name = name.replace(/[=~<>].*$/, '');
  else name = name.replace(/[<>=].*$/, '');
  return name;
}
