import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/knowledge/catalog.js';
import { MAPPED_DISTROS, loadPackageMap, mapFile, recordedChannel } from '../../src/knowledge/package-maps.js';
import { azl3PackageNames, resolvePackage } from '../../src/knowledge/packages.js';

const catalog = loadCatalog();
const SOURCE = /^(catalog|knowledge:§\d+ .+|https?:\/\/\S+)$/;

describe.each(MAPPED_DISTROS.map((d) => [d]))('rules/maps/%s.json', (from) => {
  const map = loadPackageMap(from);
  const entries = Object.entries(map.packages);

  it('has the expected header', () => {
    expect(map.from).toBe(from);
    expect(map.target).toBe('azurelinux-4.0');
    expect(map.description.length).toBeGreaterThan(20);
  });

  it('has no duplicate keys (JSON.parse would silently keep the last one)', () => {
    const keys = [...readFileSync(mapFile(from), 'utf8').matchAll(/^ {2}("(?:[^"\\]|\\.)*"): \{/gm)].map((m) => JSON.parse(m[1]!));
    expect(keys.length).toBe(entries.length);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('maps only to catalog names, with the recorded channel', () => {
    const problems: string[] = [];
    for (const [key, e] of entries) {
      for (const t of e.to) {
        const actual = catalog.channelOf(t);
        if (!actual) problems.push(`${key}: target ${t} is not in the catalog`);
        else if (recordedChannel(e, t) !== actual) problems.push(`${key}: ${t} recorded as ${JSON.stringify(e.channel)}, catalog says ${actual}`);
      }
      for (const t of e.alternatives ?? []) if (!catalog.channelOf(t)) problems.push(`${key}: alternative ${t} is not in the catalog`);
    }
    expect(problems).toEqual([]);
  });

  it('gives every entry a source, and every "no equivalent" a reason and an action', () => {
    const problems: string[] = [];
    for (const [key, e] of entries) {
      if (!SOURCE.test(e.source)) problems.push(`${key}: bad source ${JSON.stringify(e.source)}`);
      if (e.kind && e.kind !== 'equivalent' && e.kind !== 'substitute') problems.push(`${key}: bad kind ${e.kind}`);
      if (e.confidence && !['high', 'medium', 'low'].includes(e.confidence)) problems.push(`${key}: bad confidence`);
      if (!e.to.length && !(e.reason && e.action)) problems.push(`${key}: no target but no reason/action`);
      if (e.to.length && (e.reason || e.action)) problems.push(`${key}: reason/action are for entries without a target`);
      if (e.to.length && !e.channel) problems.push(`${key}: channel not recorded`);
    }
    expect(problems).toEqual([]);
  });

  it('a "no equivalent" for a name the catalog lists says that the package exists, and where', () => {
    for (const [key, e] of entries) {
      const channel = catalog.channelOf(key);
      if (e.to.length || !channel) continue;
      const r = resolvePackage(key, from);
      expect(r.status, key).toBe('unavailable');
      expect(r.sameName?.channel, key).toBe(channel);
      expect(r.note, key).toContain(`a package named ${key} is in Azure Linux 4.0's ${channel} channel`);
    }
  });
});

describe('map sizes', () => {
  it('Debian/Ubuntu has at least 500 names, Alpine at least 150', () => {
    expect(Object.keys(loadPackageMap('debian').packages).length).toBeGreaterThanOrEqual(500);
    expect(Object.keys(loadPackageMap('alpine').packages).length).toBeGreaterThanOrEqual(150);
  });
  it('the Azure Linux 3.0 map only has 3.0 package names as keys', () => {
    const names = azl3PackageNames();
    expect(Object.keys(loadPackageMap('azurelinux-3.0').packages).filter((k) => !names.has(k))).toEqual([]);
  });
  it('the Azure Linux 3.0 map agrees with the catalog: renamed/removed keys are not 4.0 names (libbsd-devel excepted)', () => {
    const keys = Object.keys(loadPackageMap('azurelinux-3.0').packages).filter((k) => catalog.channelOf(k));
    expect(keys).toEqual(['libbsd-devel']);
  });
});
