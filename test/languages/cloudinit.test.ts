import { describe, expect, it } from 'vitest';
import { analyzeCloudConfig, analyzeCloudConfigIn } from '../../src/languages/cloudinit/index.js';
import type { CloudInitFacts } from '../../src/languages/cloudinit/facts.js';
import { SourceText } from '../../src/core/source.js';
import { SourceBuilder } from '../../src/languages/systemd/embed.js';
import { runRules } from '../../src/core/engine.js';
import { loadTarget } from '../../src/knowledge/target.js';
import { findingsFor } from '../harness/cases.js';
import { findRule } from '../../src/rules/index.js';
import { ADAPTERS } from '../../src/languages/registry.js';
import { classifyByName } from '../../src/discovery.js';

const at = (text: string, f: { line: number; column: number; endColumn: number }) => text.split('\n')[f.line - 1]!.slice(f.column - 1, f.endColumn - 1);

describe('cloud-init', () => {
  const text = [
    '#cloud-config',
    'packages:',
    '  - nginx',
    '  - [libssl-dev, 3.0.2]',
    'runcmd:',
    '  - apt-get update',
    '  - [ sh, -c, "apt-get install -y jq" ]',
    '  - |',
    '    set -e',
    '    apt install -y git',
    'write_files:',
    '  - path: /etc/systemd/system/app.service',
    '    content: |',
    '      [Service]',
    '      User=www-data',
    '      ExecStart=/bin/sh -c "apt-get install -y curl"',
    '',
  ].join('\n');

  it('emits package facts with exact spans and Debian origin', async () => {
    const f = (await analyzeCloudConfig('user-data.yaml', text)) as CloudInitFacts;
    expect(f.kind).toBe('cloud-init');
    expect(f.packages.map((p) => [p.name, p.origin, p.manager, text.slice(p.span.start, p.span.end)])).toEqual([
      ['nginx', 'debian', 'cloud-init packages', 'nginx'],
      ['libssl-dev', 'debian', 'cloud-init packages', 'libssl-dev'],
      ['jq', 'debian', 'apt-get', 'jq'],
      ['git', 'debian', 'apt', 'git'],
      ['curl', 'debian', 'apt-get', 'curl'],
    ]);
    expect(f.units.map((u) => [u.name, u.origin])).toEqual([['app.service', 'cloud-init write_files']]);
  });

  it('runs shell rules on runcmd strings, argv lists, block scalars and written units at exact positions', async () => {
    const fs = await findingsFor('user-data.yaml', text, [findRule('pkgmgr/apt')]);
    expect(fs.map((f) => [f.line, f.column, at(text, f)])).toEqual([
      [6, 5, 'apt-get update'],
      [7, 16, 'apt-get install'],
      [10, 5, 'apt install'],
      [16, 29, 'apt-get install'],
    ]);
    const acc = await findingsFor('user-data.yaml', text, [findRule('systemd/debian-account')]);
    expect(acc.map((f) => [f.line, f.column, at(text, f)])).toEqual([[15, 12, 'www-data']]);
  });

  it('gives parse notes with positions for invalid YAML and keeps going', async () => {
    const bad = '#cloud-config\npackages:\n  - curl\nruncmd: [unclosed\n';
    const f = await analyzeCloudConfig('user-data', bad);
    expect(f.notes.length).toBeGreaterThan(0);
    expect(f.notes[0]!.kind).toBe('parse');
    expect(f.notes[0]!.line).toBeGreaterThanOrEqual(4);
    expect(f.packages.map((p) => p.name)).toEqual(['curl']);
  });

  it('bounds alias bombs and deep nesting', async () => {
    const bomb = ['#cloud-config', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 30; i++) bomb.push(`${String.fromCharCode(97 + (i % 26))}${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    bomb.push('packages: [curl]');
    const t0 = performance.now();
    const f = await analyzeCloudConfig('user-data', bomb.join('\n') + '\n');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(f.packages.map((p) => p.name)).toEqual(['curl']);
    const deep = '#cloud-config\nx: ' + '['.repeat(5000) + ']'.repeat(5000) + '\npackages: [git]\n';
    const g = await analyzeCloudConfig('user-data', deep);
    expect(g.kind).toBe('cloud-init');
  });

  it('is found by content, and user-data scripts stay shell', async () => {
    const ci = ADAPTERS.find((a) => a.kind === 'cloud-init')!;
    expect(ci.matchContent!('#cloud-config\npackages: []\n')).toBe(true);
    expect(ci.matchContent!('version: 2\n')).toBe(false);
    expect(ci.sniffName!('init.yaml')).toBe(true);
    expect(classifyByName('infra/cloud-init/user-data')).toBe('cloud-init');
    const s = await analyzeCloudConfig('user-data', '#!/bin/bash\napt-get install -y curl\n');
    expect(s.kind).toBe('shell');
  });

  it('analyses cloud-config embedded in another file (Terraform custom_data) with host positions', async () => {
    const host = [
      'resource "azurerm_linux_virtual_machine" "vm" {',
      '  custom_data = base64encode(<<-EOT',
      '    #cloud-config',
      '    packages:',
      '      - nginx',
      '    runcmd:',
      '      - apt-get install -y curl',
      '  EOT',
      '  )',
      '}',
      '',
    ].join('\n');
    // What a Terraform adapter would build: the heredoc body without its indentation, mapped line by line.
    const b = new SourceBuilder(host);
    const lines = host.split('\n');
    let off = 0;
    lines.forEach((l, i) => {
      if (i >= 2 && i <= 6) b.copy(off + 4, l.length - 4 + 1);
      off += l.length + 1;
    });
    const src = b.build({ start: host.indexOf('#cloud-config'), end: host.indexOf('  EOT') });
    const f = await analyzeCloudConfigIn('main.tf', new SourceText(host), src);
    expect(f.packages.map((p) => [p.name, host.slice(p.span.start, p.span.end)])).toEqual([
      ['nginx', 'nginx'],
      ['curl', 'curl'],
    ]);
    const fs = runRules(f, { rules: [findRule('pkgmgr/apt')], target: loadTarget('azurelinux-4.0') });
    expect(fs.map((x) => [x.line, x.column, at(host, x)])).toEqual([[7, 9, 'apt-get install']]);
  });
});
