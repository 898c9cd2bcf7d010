import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../../src/scan.js';
import { tsLoaded } from '../../src/languages/tsjs/load.js';
import { adapterFor } from '../../src/languages/registry.js';
import { classifyByName } from '../../src/discovery.js';
import { infraOf } from '../../src/languages/infra/facts.js';
import type { FileFacts } from '../../src/core/facts.js';

const slice = (f: FileFacts, s: { start: number; end: number }) => f.source.text.slice(s.start, s.end);

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'azl-tsjs-'));
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), t);
  }
  return root;
}

// Order matters: the first tests run before anything imports ts-morph in this process.
describe('TS/JS adapter loads ts-morph lazily', () => {
  it('a repository without TS/JS never loads ts-morph', async () => {
    const root = repo({ 'main.tf': 'resource "azurerm_linux_virtual_machine" "v" {}\n', 'deploy.sh': '#!/bin/sh\napt-get install -y nginx\n', '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n' });
    const r = await scan({ root });
    expect(r.files.scanned.map((f) => f.kind).sort()).toEqual(['shell', 'terraform', 'workflow']);
    expect(tsLoaded()).toBe(false);
  });

  it('TS/JS files that name no child_process or IaC property cost a regex, not a parse', async () => {
    const root = repo({ 'src/a.ts': 'export const x: number = 1;\n', 'src/b.js': 'module.exports = () => 2;\n' });
    const r = await scan({ root });
    expect(r.files.scanned.map((f) => f.kind)).toEqual(['tsjs', 'tsjs']);
    expect(tsLoaded()).toBe(false);
  });

  it('a TS file using child_process loads it and reports the command', async () => {
    const root = repo({ 'src/run.ts': "import { execSync } from 'node:child_process';\nexecSync('apt-get install -y curl');\n" });
    const r = await scan({ root });
    expect(tsLoaded()).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === 'pkgmgr/apt').map((f) => [f.file, f.line, f.column])).toEqual([['src/run.ts', 2, 11]]);
  });
});

describe('TS/JS adapter', () => {
  it('classifies TS/JS sources but not declaration or minified files', () => {
    expect(classifyByName('src/index.ts')).toBe('tsjs');
    expect(classifyByName('bin/cli.mjs')).toBe('tsjs');
    expect(classifyByName('types/index.d.ts')).toBeUndefined();
    expect(classifyByName('public/app.min.js')).toBeUndefined();
  });

  it('child_process: exec strings, spawn argv and template literals (inexact: reported, not fixed)', async () => {
    const text = `const cp = require('child_process');
cp.exec("sudo apt-get update");
cp.spawnSync('yum', ['install', '-y', 'httpd']);
const pkg = 'nginx';
cp.execSync(\`apt-get install -y \${pkg} libssl1.1\`);
cp.execFile('ls', [dir]);
`;
    const f = await adapterFor('tsjs').analyze('deploy.js', text);
    expect(f.commands.map((c) => [c.base, slice(f, c.span), c.exact])).toEqual([
      ['apt-get', 'sudo apt-get update', true],
      ['yum', "yum', ['install', '-y', 'httpd", true],
      ['apt-get', 'apt-get install -y ${pkg} libssl1.1', false],
    ]);
    expect(f.packages.map((p) => [p.name, p.exact])).toEqual([
      ['httpd', true],
      ['libssl1.1', false],
    ]);
  });

  it('Pulumi / CDKTF objects: image parts and OS SKUs', async () => {
    const text = `new azure.compute.VirtualMachine("vm", {
  storageProfile: { imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" } },
  securityProfile: { uefiSettings: { secureBootEnabled: true } },
});
new azure.containerservice.AgentPool("p", { osSKU: "Ubuntu" });
`;
    const f = await adapterFor('tsjs').analyze('index.ts', text);
    expect(f.images.map((i) => [i.image, slice(f, i.vm!.offer!.span)])).toEqual([['Canonical:ubuntu-24_04-lts:server:latest', 'ubuntu-24_04-lts']]);
    expect(infraOf(f)!.aksPools.map((p) => p.osSku?.value)).toEqual(['Ubuntu']);
    expect(infraOf(f)!.vms.some((v) => v.secureBoot?.value === 'true')).toBe(true);
  });
});
