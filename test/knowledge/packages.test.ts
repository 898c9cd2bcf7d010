import { describe, expect, it } from 'vitest';
import { parsePackageSpec, resolvePackage, ruleCandidates } from '../../src/knowledge/packages.js';
import { runPkg } from '../../src/cli/pkg.js';

describe('parsePackageSpec', () => {
  it('splits apt specs', () => {
    expect(parsePackageSpec('curl=7.88.1-10', 'debian')).toMatchObject({ name: 'curl', operator: '=', version: '7.88.1-10' });
    expect(parsePackageSpec('libc6:amd64', 'debian')).toMatchObject({ name: 'libc6', arch: 'amd64' });
    expect(parsePackageSpec('nginx/bookworm-backports', 'debian')).toMatchObject({ name: 'nginx', release: 'bookworm-backports' });
    const bad = parsePackageSpec('python3>=3.10', 'debian');
    expect(bad).toMatchObject({ name: 'python3', operator: '>=', version: '3.10' });
    expect(bad.problem).toMatch(/apt has no version comparison/);
    expect(parsePackageSpec("'jq'", 'debian')).toMatchObject({ name: 'jq' });
  });
  it('splits apk specs', () => {
    expect(parsePackageSpec('curl=8.5.0-r0', 'alpine')).toMatchObject({ name: 'curl', operator: '=', version: '8.5.0-r0' });
    expect(parsePackageSpec('python3~3.11', 'alpine')).toMatchObject({ name: 'python3', operator: '~', version: '3.11' });
    expect(parsePackageSpec('su-exec>=0.2', 'alpine')).toMatchObject({ name: 'su-exec', operator: '>=', version: '0.2' });
    expect(parsePackageSpec('nodejs@edge', 'alpine')).toMatchObject({ name: 'nodejs', release: 'edge' });
  });
  it('splits rpm specs', () => {
    expect(parsePackageSpec('curl.x86_64', 'el')).toMatchObject({ name: 'curl', arch: 'x86_64' });
    expect(parsePackageSpec('python3 >= 3.9', 'el')).toMatchObject({ name: 'python3', operator: '>=', version: '3.9' });
    expect(parsePackageSpec('glibc-langpack-en', 'azurelinux-4.0')).toMatchObject({ name: 'glibc-langpack-en' });
  });
});

const names = (r: ReturnType<typeof resolvePackage>) => r.targets.map((t) => `${t.name}@${t.channel}`);

describe('resolvePackage', () => {
  it('debian libssl-dev -> openssl-devel (renamed)', () => {
    const r = resolvePackage('libssl-dev', 'debian');
    expect([r.status, r.confidence, r.kind, r.via]).toEqual(['renamed', 'high', 'equivalent', 'map']);
    expect(names(r)).toEqual(['openssl-devel@base']);
  });
  it('debian build-essential -> gcc, gcc-c++, make, glibc-devel (split)', () => {
    const r = resolvePackage('build-essential', 'debian');
    expect(r.status).toBe('split');
    expect(names(r)).toEqual(['gcc@base', 'gcc-c++@base', 'make@base', 'glibc-devel@base']);
  });
  it('debian python3-pip is the same name, in base, not in the images', () => {
    const r = resolvePackage('python3-pip', 'debian');
    expect(r.status).toBe('same');
    expect(r.targets[0]).toMatchObject({ name: 'python3-pip', channel: 'base', vm: 'no', containerCore: 'no' });
  });
  it('debian netcat -> OpenBSD netcat, sdk only, with the base alternative nmap-ncat', () => {
    const r = resolvePackage('netcat', 'debian');
    expect(r.status).toBe('sdk-only');
    expect(names(r)).toEqual(['netcat@sdk']);
    expect(r.alternatives?.map((t) => `${t.name}@${t.channel}`)).toEqual(['nmap-ncat@base']);
    expect(r.note).toMatch(/rpm-sdk: built but unsupported/);
  });
  it('debian openjdk-17-jdk -> java-25-openjdk-devel as a substitute (never an auto-fix)', () => {
    const r = resolvePackage('openjdk-17-jdk', 'debian');
    expect(r.kind).toBe('substitute');
    expect(r.confidence).toBe('medium');
    expect(names(r)).toEqual(['java-25-openjdk-devel@base']);
  });
  it('debian software-properties-common has no equivalent, with reason and action', () => {
    const r = resolvePackage('software-properties-common', 'debian');
    expect(r.status).toBe('unavailable');
    expect(r.targets).toEqual([]);
    expect(r.reason).toMatch(/add-apt-repository/);
    expect(r.action).toMatch(/yum\.repos\.d|config-manager/);
  });
  it('debian xsltproc is in libxslt', () => {
    const r = resolvePackage('xsltproc', 'debian');
    expect([r.status, r.via]).toEqual(['renamed', 'map']);
    expect(names(r)).toEqual(['libxslt@base']);
  });
  it('debian libc-dev, a virtual package provided by libc6-dev, is glibc-devel like libc6-dev', () => {
    const r = resolvePackage('libc-dev', 'debian');
    expect([r.status, r.via, r.kind]).toEqual(['renamed', 'map', 'equivalent']);
    expect(names(r)).toEqual(names(resolvePackage('libc6-dev', 'debian')));
    expect(names(r)).toEqual(['glibc-devel@base']);
  });
  it('alpine build-base and musl-dev', () => {
    const bb = resolvePackage('build-base', 'alpine');
    expect(bb.status).toBe('split');
    expect(bb.targets.map((t) => t.name)).toEqual(expect.arrayContaining(['gcc', 'gcc-c++', 'make', 'glibc-devel']));
    const musl = resolvePackage('musl-dev', 'alpine');
    expect([musl.status, musl.kind]).toEqual(['renamed', 'substitute']);
    expect(names(musl)).toEqual(['glibc-devel@base']);
  });
  it('azurelinux-3.0 wget -> wget2-wget, listed in the VM image', () => {
    const r = resolvePackage('wget', 'azurelinux-3.0');
    expect(r.status).toBe('renamed');
    expect(r.targets[0]).toMatchObject({ name: 'wget2-wget', channel: 'base', vm: 'listed' });
    expect(r.source).toMatch(/^knowledge:§3/);
  });
  it('azurelinux-3.0 SymCrypt is removed', () => {
    const r = resolvePackage('SymCrypt', 'azurelinux-3.0');
    expect(r.status).toBe('unavailable');
    expect(r.reason).toMatch(/UNCONFIRMED/);
  });
  it('azurelinux-3.0 names absent from 4.0 and not in the map are unavailable (medium), unknown names unknown', () => {
    const gone = resolvePackage('GSL', 'azurelinux-3.0');
    expect([gone.status, gone.confidence]).toEqual(['unavailable', 'medium']);
    expect(resolvePackage('definitely-not-a-package', 'azurelinux-3.0').status).toBe('unknown');
  });
  it('falls back to the catalog by name, with lower confidence for non-RPM sources', () => {
    expect(resolvePackage('jq', 'el')).toMatchObject({ status: 'same', confidence: 'high', via: 'catalog' });
    expect(resolvePackage('python3.9', 'azurelinux-4.0')).toMatchObject({ status: 'sdk-only' });
    expect(resolvePackage('wget', 'azurelinux-4.0')).toMatchObject({ status: 'same', via: 'provides' });
  });
  it('uses naming rules only when the result is a catalog name, with low confidence', () => {
    const r = resolvePackage('libpopt-dev', 'debian');
    expect(r).toMatchObject({ status: 'renamed', confidence: 'low', via: 'rule' });
    expect(names(r)).toEqual(['popt-devel@base']);
    expect(resolvePackage('libdoesnotexist-dev', 'debian').status).toBe('unknown');
    expect(ruleCandidates('py3-requests', 'alpine')).toContainEqual({ rule: 'py3-<x>->python3-<x>', name: 'python3-requests' });
  });
  it('resolves on the name of a pinned spec and flags 32-bit architectures', () => {
    const r = resolvePackage('libssl-dev=3.0.11-1', 'debian');
    expect(names(r)).toEqual(['openssl-devel@base']);
    expect(resolvePackage('libc6:i386', 'debian').note).toMatch(/no 32-bit/);
  });
});

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

describe('runPkg', () => {
  it('prints Debian lookups (default --from debian)', async () => {
    const { out, io } = capture();
    expect(await runPkg({ names: ['libssl-dev', 'build-essential', 'python3-pip', 'netcat'] }, io)).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.split('\n')).toEqual([
      'libssl-dev (debian) -> openssl-devel [renamed]',
      '  openssl-devel: channel base; VM: not listed; container core: not listed',
      '  equivalent, confidence high, source catalog',
      '',
      'build-essential (debian) -> gcc, gcc-c++, make, glibc-devel [split]',
      '  gcc: channel base; VM: not listed; container core: not listed',
      '  gcc-c++: channel base; VM: not listed; container core: not listed',
      '  make: channel base; VM: not listed; container core: not listed',
      '  glibc-devel: channel base; VM: not listed; container core: not listed',
      '  note: or `dnf group install c-development` (comps group, see catalog groups)',
      '  equivalent, confidence high, source catalog',
      '',
      'python3-pip (debian) -> python3-pip [same]',
      '  python3-pip: channel base; VM: not listed; container core: not listed',
      '  note: no EXTERNALLY-MANAGED marker; `sudo pip install` goes to /usr/local (knowledge §2 Python)',
      '  equivalent, confidence high, source catalog',
      '',
      'netcat (debian) -> netcat [sdk-only]',
      '  netcat: channel sdk; VM: not listed; container core: not listed',
      '  alternative nmap-ncat: channel base; VM: not listed; container core: not listed',
      '  note: on Debian `netcat` is a virtual package (netcat-openbsd or netcat-traditional); OpenBSD netcat is `netcat` (rpm-sdk), the base channel has nmap-ncat; rpm-sdk: built but unsupported, and no sdk repository is configured by default (knowledge §1 Repositories and channels)',
      '  equivalent, confidence high, source https://github.com/microsoft/azurelinux/blob/0a4dfd3efd3ceef0bd713bd97d0cda249b62f8ed/specs/n/netcat/netcat.spec',
      '',
    ]);
  });

  it('prints Alpine lookups', async () => {
    const { out, io } = capture();
    expect(await runPkg({ names: ['musl-dev', 'py3-pip'], from: 'alpine' }, io)).toBe(0);
    expect(out.stdout.split('\n')).toEqual([
      'musl-dev (alpine) -> glibc-devel [renamed]',
      '  glibc-devel: channel base; VM: not listed; container core: not listed',
      '  note: glibc headers instead of musl; code relying on musl specifics needs review',
      '  substitute, confidence medium, source catalog',
      '',
      'py3-pip (alpine) -> python3-pip [renamed]',
      '  python3-pip: channel base; VM: not listed; container core: not listed',
      '  equivalent, confidence high, source catalog',
      '',
    ]);
  });

  it('prints Azure Linux 3.0 lookups', async () => {
    const { out, io } = capture();
    expect(await runPkg({ names: ['wget', 'SymCrypt', 'tdnf'], from: 'azurelinux-3.0' }, io)).toBe(0);
    expect(out.stdout.split('\n')).toEqual([
      'wget (azurelinux-3.0) -> wget2-wget [renamed]',
      '  wget2-wget: channel base; VM: yes; container core: not listed',
      '  note: wget is GNU Wget2 (wget2-wget Provides wget); the wget 1.x package is gone and some options differ',
      '  equivalent, confidence high, source knowledge:§3 Azure Linux 3.0 -> 4.0',
      '',
      'SymCrypt (azurelinux-3.0) -> no equivalent [unavailable]',
      '  reason: not in the Apr-30 Azure Linux 4.0 lists (a later marketplace kiwi lists it again: UNCONFIRMED)',
      "  action: use OpenSSL 3.5's default provider; drop SymCrypt from install lists",
      '  equivalent, confidence high, source knowledge:§3 Azure Linux 3.0 -> 4.0',
      '',
      'tdnf (azurelinux-3.0) -> dnf5 [renamed]',
      '  dnf5: channel base; VM: yes; container core: yes (dependency)',
      '  note: tdnf remains only as a dnf5 symlink (Provides tdnf); tdnf-specific behaviour, config (/etc/tdnf/tdnf.conf) and plugins are gone: use dnf5/dnf in scripts',
      '  equivalent, confidence high, source knowledge:§3 Azure Linux 3.0 -> 4.0',
      '',
    ]);
  });

  it('prints unknown names and JSON', async () => {
    const t = capture();
    await runPkg({ names: ['no-such-pkg'] }, t.io);
    expect(t.out.stdout).toBe('no-such-pkg (debian) -> unknown mapping: verify [unknown]\n  note: unknown mapping: verify\n');
    const j = capture();
    expect(await runPkg({ names: ['libpq-dev'], format: 'json' }, j.io)).toBe(0);
    const doc = JSON.parse(j.out.stdout);
    expect(doc.catalog.source.commit).toBe('afd2c0a114bf7233b17d9753bbaff3ae831a9bdb');
    expect(doc.results[0]).toMatchObject({ input: 'libpq-dev', status: 'renamed', targets: [{ name: 'libpq-devel', channel: 'base' }] });
  });

  it('rejects bad options with exit 2', async () => {
    const a = capture();
    expect(await runPkg({ names: ['x'], from: 'gentoo' }, a.io)).toBe(2);
    expect(a.out.stderr).toMatch(/unknown --from "gentoo"/);
    const b = capture();
    expect(await runPkg({ names: [] }, b.io)).toBe(2);
    const c = capture();
    expect(await runPkg({ names: ['x'], catalog: '/nonexistent/catalog.json' }, c.io)).toBe(2);
    expect(c.out.stderr).toMatch(/catalog file not found/);
  });
});
