/**
 * The distributions a distro check can select. Each world says what a script would observe on that system;
 * conditions in scripts are evaluated against every world to learn which branch runs where. The Azure Linux
 * 4.0 facts come from the knowledge sheet (§0 identity, §1 commands present); the others are the public
 * os-release contents of those distributions.
 */
export type WorldName = 'ubuntu' | 'debian' | 'alpine' | 'centos' | 'fedora' | 'azurelinux-4.0';
export type Family = 'deb' | 'apk' | 'rpm';

export interface World {
  name: WorldName;
  family: Family;
  osRelease: Record<string, string>;
  /** Files and directories that exist (only the ones distro checks look at). */
  files: ReadonlySet<string>;
  /** Commands on PATH (only package managers and identity tools). */
  commands: ReadonlySet<string>;
  /** `lsb_release -si` output, absent when there is no lsb_release. */
  lsbId?: string;
  lsbCodename?: string;
  procVersion: string;
}

/** Paths a world can answer for; a file test on any other path is unknown. */
export const KNOWN_PATHS = new Set([
  '/etc/os-release',
  '/usr/lib/os-release',
  '/etc/debian_version',
  '/etc/lsb-release',
  '/etc/alpine-release',
  '/etc/redhat-release',
  '/etc/centos-release',
  '/etc/fedora-release',
  '/etc/system-release',
  '/etc/azurelinux-release',
  '/etc/mariner-release',
  '/etc/apt',
  '/etc/apt/sources.list',
  '/etc/apt/sources.list.d',
  '/etc/yum.repos.d',
  '/etc/dnf',
  '/etc/dnf/dnf.conf',
  '/etc/yum.conf',
  '/etc/tdnf',
  '/etc/tdnf/tdnf.conf',
  '/etc/apk',
  '/etc/zypp',
  '/etc/SuSE-release',
  '/etc/SUSE-brand',
]);

export const KNOWN_COMMANDS = new Set([
  'apt',
  'apt-get',
  'aptitude',
  'dpkg',
  'dpkg-query',
  'apk',
  'yum',
  'dnf',
  'dnf5',
  'microdnf',
  'tdnf',
  'rpm',
  'zypper',
  'lsb_release',
  'update-ca-certificates',
  'update-ca-trust',
  'locale-gen',
  'pacman',
  // Debian/Ubuntu tools that Azure Linux 4.0 lacks (knowledge sheet §2: ufw is not available; netplan is not
  // installed): `command -v ufw` is then a distro check, and its branch does not run on Azure Linux.
  'ufw',
  'netplan',
]);

function binPaths(cmds: string[]): string[] {
  return cmds.flatMap((c) => [`/usr/bin/${c}`, `/bin/${c}`, `/usr/sbin/${c}`, `/sbin/${c}`]);
}
for (const c of KNOWN_COMMANDS) for (const p of binPaths([c])) KNOWN_PATHS.add(p);

function world(
  name: WorldName,
  family: Family,
  osRelease: Record<string, string>,
  files: string[],
  commands: string[],
  procVersion: string,
  lsb?: { id: string; codename: string },
): World {
  return {
    name,
    family,
    osRelease,
    files: new Set([...files, ...binPaths(commands)]),
    commands: new Set(commands),
    lsbId: lsb?.id,
    lsbCodename: lsb?.codename,
    procVersion,
  };
}

const debFiles = ['/etc/os-release', '/usr/lib/os-release', '/etc/debian_version', '/etc/apt', '/etc/apt/sources.list', '/etc/apt/sources.list.d'];
const debCmds = ['apt', 'apt-get', 'dpkg', 'dpkg-query', 'update-ca-certificates', 'locale-gen'];

export const WORLDS: readonly World[] = [
  world(
    'ubuntu',
    'deb',
    { ID: 'ubuntu', ID_LIKE: 'debian', NAME: 'Ubuntu', VERSION_ID: '24.04', VERSION_CODENAME: 'noble' },
    [...debFiles, '/etc/lsb-release'],
    [...debCmds, 'lsb_release', 'ufw', 'netplan'],
    'Linux version 6.8.0-31-generic (buildd@lcy02-amd64-080) Ubuntu',
    { id: 'Ubuntu', codename: 'noble' },
  ),
  world(
    'debian',
    'deb',
    { ID: 'debian', NAME: 'Debian GNU/Linux', VERSION_ID: '12', VERSION_CODENAME: 'bookworm' },
    debFiles,
    debCmds,
    'Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) Debian',
  ),
  world(
    'alpine',
    'apk',
    { ID: 'alpine', NAME: 'Alpine Linux', VERSION_ID: '3.20.0' },
    ['/etc/os-release', '/usr/lib/os-release', '/etc/alpine-release', '/etc/apk'],
    ['apk', 'update-ca-certificates'],
    'Linux version 6.6.31-0-lts (buildozer@build-3-20-x86_64) Alpine',
  ),
  world(
    'centos',
    'rpm',
    { ID: 'centos', ID_LIKE: 'rhel fedora', NAME: 'CentOS Stream', VERSION_ID: '9' },
    ['/etc/os-release', '/usr/lib/os-release', '/etc/redhat-release', '/etc/centos-release', '/etc/system-release', '/etc/yum.repos.d', '/etc/dnf', '/etc/dnf/dnf.conf', '/etc/yum.conf'],
    ['yum', 'dnf', 'rpm', 'microdnf', 'update-ca-trust'],
    'Linux version 5.14.0-427.el9.x86_64 (mockbuild@x86-05.stream.rdu2.redhat.com) Red Hat',
  ),
  world(
    'fedora',
    'rpm',
    { ID: 'fedora', NAME: 'Fedora Linux', VERSION_ID: '43' },
    ['/etc/os-release', '/usr/lib/os-release', '/etc/redhat-release', '/etc/fedora-release', '/etc/system-release', '/etc/yum.repos.d', '/etc/dnf', '/etc/dnf/dnf.conf'],
    ['yum', 'dnf', 'dnf5', 'rpm', 'microdnf', 'update-ca-trust'],
    'Linux version 6.17.1-300.fc43.x86_64 (mockbuild@fedoraproject.org) Red Hat',
  ),
  // Knowledge sheet §0: ID=azurelinux, ID_LIKE=fedora, VERSION_ID=4.0; no /etc/lsb-release, /etc/redhat-release or
  // /etc/fedora-release; /etc/azurelinux-release and /etc/system-release exist; no lsb_release. §1: dnf5 provides
  // dnf, yum, microdnf and tdnf as symlinks. /proc/version has no "Mariner" string (§3).
  world(
    'azurelinux-4.0',
    'rpm',
    { ID: 'azurelinux', ID_LIKE: 'fedora', NAME: 'Azure Linux', VERSION_ID: '4.0', VERSION_CODENAME: '' },
    ['/etc/os-release', '/usr/lib/os-release', '/etc/azurelinux-release', '/etc/system-release', '/etc/yum.repos.d', '/etc/dnf', '/etc/dnf/dnf.conf'],
    ['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf', 'rpm', 'update-ca-trust'],
    'Linux version 6.18.5-1.8.azl4 (root@azurelinux)',
  ),
];


export function osReleaseText(w: World): string {
  return Object.entries(w.osRelease)
    .map(([k, v]) => `${k}=${v.includes(' ') ? `"${v}"` : v}`)
    .join('\n');
}

/** Content a distro check may read from a file, or undefined when the file does not exist in that world. */
export function fileContent(w: World, path: string): string | undefined {
  if (path === '/etc/os-release' || path === '/usr/lib/os-release') return osReleaseText(w);
  if (path === '/proc/version') return w.procVersion;
  if (path === '/etc/issue' || path === '/etc/issue.net') return `${w.osRelease.NAME} ${w.osRelease.VERSION_ID ?? ''}`;
  if (path === '/etc/lsb-release') return w.files.has(path) ? `DISTRIB_ID=${w.lsbId ?? ''}\nDISTRIB_CODENAME=${w.lsbCodename ?? ''}` : undefined;
  if (path.startsWith('/etc/') && (path.endsWith('-release') || path.endsWith('_version')))
    return w.files.has(path) ? `${w.osRelease.NAME} release ${w.osRelease.VERSION_ID ?? ''}` : undefined;
  return undefined;
}
