import type { Assignment, PackageOrigin, PackageRef, ShellCommand } from './facts.js';
import type { SourceText } from './source.js';
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
 * Package names installed by shell commands. A word that is exactly `$VAR` or `${VAR}` is read from a
 * literal assignment of VAR in the same file (`PKGS="curl git"`, Dockerfile `ARG`/`ENV`), each name spanning
 * its place in that assignment; other dynamic words are skipped, as are local files and URLs (`./x.rpm`).
 * dnf and yum names are read as RHEL/Fedora names (origin `el`), tdnf names as Azure Linux 3.0 names.
 */
export function packageRefsFromCommands(commands: ShellCommand[], assignments: Assignment[] = [], source?: SourceText): PackageRef[] {
  const out: PackageRef[] = [];
  const literal = new Map<string, Assignment>();
  for (const a of assignments) if (a.value !== undefined) literal.set(a.name, a);
  for (const cmd of commands) {
    const inst = INSTALLERS[cmd.base];
    if (!inst) continue;
    const p = parseArgs(cmd, inst.withValue);
    const sub = p.sub?.value;
    if (!sub || !inst.install.has(sub)) continue;
    for (const w of p.positionals) {
      const v = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(w.text);
      if (v && source) {
        const a = literal.get(v[1]!);
        if (a) out.push(...namesInAssignment(a, source, inst.origin, cmd));
        continue;
      }
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

/** Package names listed in a literal assignment (`PKGS="curl git"`), with their spans in the host file. */
function namesInAssignment(a: Assignment, source: SourceText, origin: PackageOrigin, cmd: ShellCommand): PackageRef[] {
  const text = source.slice(a.valueSpan);
  const out: PackageRef[] = [];
  for (const m of text.matchAll(/[^\s"'\\]+/g)) {
    const raw = m[0];
    if (raw.startsWith('-') || /[/*?$]/.test(raw)) continue;
    const start = a.valueSpan.start + m.index!;
    out.push({ name: packageName(raw, origin), raw, span: { start, end: start + raw.length }, exact: true, origin, manager: cmd.base, command: cmd });
  }
  return out;
}
