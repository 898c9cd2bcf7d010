import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataDir } from '../../scripts/import-catalog.js';
import { clearCatalogCache, loadCatalog } from '../../src/knowledge/catalog.js';
import {
  buildChannels,
  detectCompression,
  hashInputs,
  parseComps,
  parsePackageListToml,
  readPrimaryXml,
} from '../../src/knowledge/catalog-import.js';
import { runCatalogImport } from '../../src/cli/catalog.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = resolve(repoRoot, '..', 'shared', 'data');
const hasData = existsSync(join(dataDir, 'azurelinux-4.0', 'base.packages.toml'));

describe('shipped catalog is up to date with the reference data', () => {
  if (!hasData) {
    it.skip(`reference data not found at ${dataDir}: staleness check skipped`, () => {});
    return;
  }
  const out = importDataDir(dataDir);
  for (const [rel, text] of Object.entries(out.files)) {
    it(`${rel} equals a fresh import (run "npm run build && npm run catalog:import" if this fails)`, () => {
      const committed = readFileSync(join(repoRoot, rel), 'utf8');
      expect(committed === text).toBe(true);
    });
  }
  it('has the channel sizes of the knowledge sheet (6,081 base; 26,979 sdk)', () => {
    const cat = JSON.parse(out.files['rules/targets/azurelinux-4.0/catalog.json']!);
    expect(cat.channels.base).toHaveLength(6081);
    expect(cat.channels.sdk).toHaveLength(26979);
    expect(cat.source.commit).toBe('afd2c0a114bf7233b17d9753bbaff3ae831a9bdb');
  });
});

describe('shipped catalog content', () => {
  const cat = loadCatalog();
  it('is sorted and has no name in both channels', () => {
    const { base, sdk } = cat.data.channels;
    expect([...base].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(base);
    const b = new Set(base);
    expect(sdk.filter((n) => b.has(n))).toEqual([]);
  });
  it('records the image sets and implied dependencies', () => {
    expect(cat.data.images['container-core']).toEqual(['azurelinux-release-container', 'bash', 'filesystem']);
    expect(cat.data.images['distroless-debug']).toContain('busybox');
    expect(cat.data.images['distroless-base']).not.toContain('busybox');
    expect(cat.imagePresence('vm', 'wget2-wget')).toBe('listed'); // listed as "wget", a Provides of wget2-wget
    expect(cat.imagePresence('vm', 'procps-ng')).toBe('dependency');
    expect(cat.data.vmImpliedDeps?.source).toMatch(/knowledge sheet/);
    expect(cat.imagePresence('container-core', 'dnf5')).toBe('dependency');
    expect(cat.imagePresence('container-core', 'python3')).toBe('no');
    expect(cat.channelOf('dnf5-plugins')).toBe('sdk');
    expect(cat.channelOf('curl')).toBe('base');
    expect(cat.channelOf('no-such-package')).toBeUndefined();
  });
  it('loads fast (aim < 30 ms cold)', () => {
    clearCatalogCache();
    const t0 = performance.now();
    loadCatalog();
    const ms = performance.now() - t0;
    console.log(`catalog cold load: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(250); // generous bound for slow CI; the measured time is logged
  });
});

describe('list parsers', () => {
  it('reads [package-groups.*].packages from a packages.toml', () => {
    const text = `# comment\n[package-groups.a]\npackages = [\n  "x", # srpm: x\n  "y",\n]\n[package-groups.b]\ndescription = "d"\npackages = ["z"]\n`;
    expect(parsePackageListToml(text)).toEqual(['x', 'y', 'z']);
    expect(() => parsePackageListToml('not = [toml')).toThrow(/not valid TOML/);
  });
  it('builds channels: base list vs sdk + exceptions', () => {
    expect(buildChannels(['b', 'a'], ['c'], ['a', 'd'])).toEqual({ base: ['a', 'b'], sdk: ['c', 'd'], overlap: ['a'] });
  });
  it('parses comps groups', () => {
    const xml = `<?xml version="1.0"?><comps><group><id>g</id><name>G</name><name xml:lang="de">X</name>
      <packagelist><packagereq type="mandatory">m</packagereq><packagereq type="default">d</packagereq>
      <packagereq type="optional">o</packagereq></packagelist></group></comps>`;
    expect(parseComps(xml)).toEqual([{ id: 'g', name: 'G', mandatory: ['m'], default: ['d'], optional: ['o'] }]);
  });
  it('hashes inputs independently of their order', () => {
    const a = { path: 'a', bytes: Buffer.from('1') };
    const b = { path: 'b', bytes: Buffer.from('2') };
    expect(hashInputs([a, b])).toBe(hashInputs([b, a]));
    expect(hashInputs([a, b])).not.toBe(hashInputs([a, { path: 'b', bytes: Buffer.from('3') }]));
  });
});

// A small rpm-md primary.xml in the createrepo_c layout.
function primaryXml(pkgs: Array<{ name: string; arch?: string; provides?: string[]; files?: string[] }>): string {
  const body = pkgs
    .map(
      (p) => `<package type="rpm">
  <name>${p.name}</name>
  <arch>${p.arch ?? 'x86_64'}</arch>
  <version epoch="0" ver="1.0" rel="1.azl4"/>
  <summary>${p.name} &amp; friends</summary>
  <format>
    <rpm:license>MIT</rpm:license>
    <rpm:sourcerpm>${p.name}-1.0-1.azl4.src.rpm</rpm:sourcerpm>
    <rpm:provides>
      <rpm:entry name="${p.name}" flags="EQ" epoch="0" ver="1.0" rel="1.azl4"/>
${(p.provides ?? []).map((n) => `      <rpm:entry name="${n}"/>`).join('\n')}
    </rpm:provides>
    <rpm:requires><rpm:entry name="libc.so.6()(64bit)"/></rpm:requires>
${(p.files ?? []).map((f) => `    <file>${f}</file>`).join('\n')}
    <file type="dir">/etc/${p.name}</file>
  </format>
</package>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="${pkgs.length}">
${body}
</metadata>
`;
}

describe('primary.xml import', () => {
  let dir: string;
  const io = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
  };
  const xml = primaryXml([
    { name: 'wget2-wget', provides: ['wget', 'config(wget2-wget)', '/usr/bin/wget'], files: ['/usr/bin/wget'] },
    { name: 'nmap-ncat', provides: ['nc', 'ncat'], files: ['/usr/bin/nc', '/usr/bin/ncat', '/usr/share/doc/x'] },
    { name: 'curl', files: ['/usr/bin/curl'] },
    { name: 'curl', arch: 'src' },
    { name: 'onlysrc', arch: 'src' },
  ]);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'azl-catalog-'));
    writeFileSync(join(dir, 'primary.xml'), xml);
    writeFileSync(join(dir, 'primary.xml.gz'), gzipSync(xml));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads names, plain Provides and commands from primary.xml and primary.xml.gz', async () => {
    for (const f of ['primary.xml', 'primary.xml.gz']) {
      const data = await readPrimaryXml(join(dir, f));
      expect(data.names).toEqual(['curl', 'nmap-ncat', 'wget2-wget']);
      expect(data.provides).toEqual({ nc: ['nmap-ncat'], ncat: ['nmap-ncat'], wget: ['wget2-wget'] });
      expect(data.commands).toEqual({ curl: ['curl'], nc: ['nmap-ncat'], ncat: ['nmap-ncat'], wget: ['wget2-wget'] });
      expect(data.packageCount).toBe(5);
    }
  });

  it('detects compression by magic bytes', () => {
    expect(detectCompression(gzipSync('x'))).toBe('gzip');
    expect(detectCompression(Buffer.from('<?xml'))).toBe('none');
    expect(detectCompression(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]))).toBe('zstd');
  });

  it.runIf(spawnSync('zstd', ['--version']).status === 0)('reads primary.xml.zst (zstd)', async () => {
    const r = spawnSync('zstd', ['-q', '-f', join(dir, 'primary.xml'), '-o', join(dir, 'primary.xml.zst')]);
    expect(r.status).toBe(0);
    expect((await readPrimaryXml(join(dir, 'primary.xml.zst'))).names).toEqual(['curl', 'nmap-ncat', 'wget2-wget']);
  });

  it('catalog import writes a catalog that loadCatalog accepts', async () => {
    const output = join(dir, 'cat-base.json');
    const { out, io: cio } = io();
    const code = await runCatalogImport({ files: [join(dir, 'primary.xml.gz')], channel: 'base', output }, cio);
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/^wrote .*cat-base\.json: base 3 packages/);
    const cat = loadCatalog({ file: output });
    expect(cat.data.channels.base).toEqual(['curl', 'nmap-ncat', 'wget2-wget']);
    expect(cat.channelOf('nmap-ncat')).toBe('base');
    expect(cat.channelOf('dnf5-plugins')).toBe('sdk'); // kept from the shipped catalog
    expect(cat.providers('nc')).toEqual(['nmap-ncat']);
    expect(cat.data.commands?.nc).toEqual(['nmap-ncat']);
    expect(cat.data.source.files).toEqual(['primary.xml.gz']);
    expect(cat.data.inputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cat.data.images.vm).toContain('wget');

    // a second import of the other channel into the same file keeps the first one
    const sdkXml = join(dir, 'sdk-primary.xml');
    writeFileSync(sdkXml, primaryXml([{ name: 'netcat', files: ['/usr/bin/netcat'] }]));
    const second = io();
    expect(await runCatalogImport({ files: [sdkXml], channel: 'sdk', output }, second.io)).toBe(0);
    expect(second.out.stdout).toMatch(/kept base 3 packages .* from the existing cat-base\.json/);
    clearCatalogCache();
    const merged = loadCatalog({ file: output });
    expect(merged.data.channels).toEqual({ base: ['curl', 'nmap-ncat', 'wget2-wget'], sdk: ['netcat'] });
  });

  const bad: Array<[string, () => string, RegExp]> = [
    ['not XML', () => write('bad.xml', 'this is not xml at all'), /bad\.xml: not valid XML/],
    ['truncated XML', () => write('trunc.xml', xml.slice(0, xml.length / 2)), /trunc\.xml: not valid XML/],
    ['truncated gzip', () => write('trunc.xml.gz', gzipSync(xml).subarray(0, 40)), /trunc\.xml\.gz: truncated or corrupt gzip data/],
    ['another XML document', () => write('other.xml', '<?xml version="1.0"?><repomd/>'), /not rpm-md primary metadata \(root element is <repomd>/],
    ['an empty file', () => write('empty.xml', ''), /empty\.xml: empty document/],
    ['a missing file', () => join(dir, 'missing.xml'), /missing\.xml: no such file/],
  ];
  function write(name: string, content: string | Uint8Array): string {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  }
  for (const [what, make, message] of bad) {
    it(`fails with exit 2 and a one-line message on ${what}`, async () => {
      const { out, io: cio } = io();
      const output = join(dir, 'never.json');
      const code = await runCatalogImport({ files: [make()], output }, cio);
      expect(code).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(output)).toBe(false);
    });
  }

  it('rejects usage errors with exit 2', async () => {
    const a = io();
    expect(await runCatalogImport({ files: [], output: join(dir, 'x.json') }, a.io)).toBe(2);
    expect(a.out.stderr).toMatch(/give at least one primary\.xml/);
    const b = io();
    expect(await runCatalogImport({ files: [join(dir, 'primary.xml')], channel: 'extras', output: join(dir, 'x.json') }, b.io)).toBe(2);
    expect(b.out.stderr).toMatch(/--channel must be base or sdk/);
    const c = io();
    const notCatalog = write('notcat.json', '{"hello": 1}');
    expect(await runCatalogImport({ files: [join(dir, 'primary.xml')], output: notCatalog }, c.io)).toBe(2);
    expect(c.out.stderr).toMatch(/not an azl-migrate catalog/);
  });
});
