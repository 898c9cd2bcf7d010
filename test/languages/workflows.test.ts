import { describe, expect, it } from 'vitest';
import { adapterFor } from '../../src/languages/registry.js';
import { classifyByName } from '../../src/discovery.js';
import { runRules } from '../../src/core/engine.js';
import { loadTarget } from '../../src/knowledge/target.js';
import { allRules } from '../../src/rules/index.js';
import { infraOf } from '../../src/languages/infra/facts.js';
import type { FileFacts } from '../../src/core/facts.js';

const target = loadTarget('azurelinux-4.0');
const slice = (f: FileFacts, s: { start: number; end: number }) => f.source.text.slice(s.start, s.end);

const GHA = `name: ci
on:
  push:
jobs:
  build:
    runs-on: ubuntu-22.04
    container:
      image: node:20
    steps:
      - uses: actions/checkout@v4
      - name: deps
        run: |
          sudo apt-get update
          sudo apt-get install -y libssl-dev \${{ matrix.extra }}
      - run: echo "\${{ github.sha }}" && yum install -y git
      - shell: pwsh
        run: apt-get install -y ignored
`;

describe('CI workflow adapter', () => {
  it('recognises GitHub Actions, Azure Pipelines and GitLab CI by path', () => {
    expect(classifyByName('.github/workflows/ci.yml')).toBe('workflow');
    expect(classifyByName('azure-pipelines.yml')).toBe('workflow');
    expect(classifyByName('ci/azure-pipelines-release.yaml')).toBe('workflow');
    expect(classifyByName('.gitlab-ci.yml')).toBe('workflow');
    expect(classifyByName('docker-compose.yml')).toBe('compose');
    expect(classifyByName('compose.prod.yaml')).toBe('compose');
  });

  it('scans bash run: blocks as shell with exact host spans; ${{ }} is an expansion; pwsh steps are skipped', async () => {
    const f = await adapterFor('workflow').analyze('.github/workflows/ci.yml', GHA);
    // The job runs on Ubuntu (node:20): its commands are reported, not fixed (a dnf rewrite would break the job).
    expect(f.commands.map((c) => [c.base, slice(f, c.span), c.exact])).toEqual([
      ['apt-get', 'sudo apt-get update', false],
      ['apt-get', 'sudo apt-get install -y libssl-dev ${{ matrix.extra }}', false],
      ['echo', 'echo "${{ github.sha }}"', false],
      ['yum', 'yum install -y git', false],
    ]);
    expect(f.source.position(f.commands[1]!.span.start)).toEqual({ line: 14, column: 11 });
    expect(f.packages.map((p) => p.name)).toEqual(['libssl-dev', 'git']);
    const job = infraOf(f)!.ciJobs[0]!;
    expect([job.name, job.runners.map((r) => r.value), job.containers.map((c) => c.value)]).toEqual(['build', ['ubuntu-22.04'], ['node:20']]);
    expect(f.images.map((i) => [i.image, i.context, i.host])).toEqual([['node:20', 'container-image', 'github-actions']]);
  });

  it('the existing rules report the run: commands at their lines', async () => {
    const f = await adapterFor('workflow').analyze('.github/workflows/ci.yml', GHA);
    const found = runRules(f, { rules: allRules(), target }).map((x) => `${x.line}:${x.ruleId}`);
    expect(found).toEqual(expect.arrayContaining(['13:pkgmgr/apt', '14:pkgmgr/apt', '15:pkgmgr/yum', '8:ci/runner-image', '8:image/container-base']));
  });

  it('fixes apply only to jobs that run in the Azure Linux 4.0 container', async () => {
    const text = `on: push
jobs:
  ubuntu:
    runs-on: ubuntu-latest
    steps:
      - run: sudo apt-get install -y jq
  azl:
    runs-on: ubuntu-latest
    container: mcr.microsoft.com/azurelinux-beta/base/core:4.0
    steps:
      - run: apt-get install -y jq
`;
    const f = await adapterFor('workflow').analyze('.github/workflows/ci.yml', text);
    const apt = runRules(f, { rules: allRules().filter((r) => r.meta.id === 'pkgmgr/apt'), target });
    expect(apt.map((x) => [x.line, x.fix?.safety])).toEqual([
      [6, undefined],
      [11, 'safe'],
    ]);
    const { applyFixes } = await import('../../src/core/fixer.js');
    expect(applyFixes(text, apt.flatMap((x) => (x.fix ? [x.fix] : []))).text).toContain('      - run: dnf install -y jq\n');
  });

  it('Azure Pipelines: pool.vmImage, script/bash steps, Bash@3 inline, $(Macro.Names) masked', async () => {
    const text = `pool:
  vmImage: ubuntu-latest
steps:
  - script: sudo apt-get install -y jq
  - bash: cp $(Build.SourcesDirectory)/x /etc/x
  - task: Bash@3
    inputs:
      targetType: inline
      script: |
        dnf install -y make
`;
    const f = await adapterFor('workflow').analyze('azure-pipelines.yml', text);
    expect(f.commands.map((c) => slice(f, c.span))).toEqual(['sudo apt-get install -y jq', 'cp $(Build.SourcesDirectory)/x /etc/x', 'dnf install -y make']);
    expect(infraOf(f)!.ciJobs.map((j) => j.runners.map((r) => r.value))).toEqual([['ubuntu-latest']]);
  });

  it('GitLab CI: script lists (nested too), images and services', async () => {
    const text = `image: ubuntu:22.04
services: [postgres:16]
test:
  before_script:
    - apt-get update
  script:
    - - make
      - make test
build:
  image: { name: "debian:12" }
  script: ./build.sh
`;
    const f = await adapterFor('workflow').analyze('.gitlab-ci.yml', text);
    expect(f.commands.map((c) => slice(f, c.span))).toEqual(['apt-get update', 'make', 'make test', './build.sh']);
    expect(f.images.map((i) => i.image)).toEqual(['ubuntu:22.04', 'postgres:16', 'debian:12']);
    expect(infraOf(f)!.ciJobs.map((j) => [j.name, j.containers.map((c) => c.value)])).toEqual([
      ['test', ['ubuntu:22.04']],
      ['build', ['debian:12']],
    ]);
  });
});

describe('compose adapter', () => {
  it('reads service images and bind mounts with spans', async () => {
    const text = `services:
  web:
    image: "ubuntu:22.04"
    volumes:
      - ./html:/var/www/html:ro
      - data:/data
volumes:
  data: {}
`;
    const f = await adapterFor('compose').analyze('docker-compose.yml', text);
    expect(f.images.map((i) => [i.image, slice(f, i.span)])).toEqual([['ubuntu:22.04', 'ubuntu:22.04']]);
    const found = runRules(f, { rules: allRules(), target }).map((x) => `${x.line}:${x.column}:${x.ruleId}`);
    expect(found).toEqual(['3:13:image/container-base', '5:9:selinux/compose-volume-label']);
  });
});

describe('CI edge cases', () => {
  it('Windows runners default to pwsh (not scanned); GitLab hidden jobs are scanned as templates', async () => {
    const gha = `on: push
jobs:
  win:
    runs-on: windows-latest
    steps:
      - run: choco install jq
      - shell: bash
        run: echo hi
`;
    const f = await adapterFor('workflow').analyze('.github/workflows/w.yml', gha);
    expect(f.commands.map((c) => c.base)).toEqual(['echo']);
    const gl = `.setup:
  before_script:
    - apt-get update
test:
  extends: .setup
  script: make
`;
    const g = await adapterFor('workflow').analyze('.gitlab-ci.yml', gl);
    expect(g.commands.map((c) => slice(g, c.span))).toEqual(['apt-get update', 'make']);
    expect(infraOf(g)!.ciJobs.map((j) => j.name)).toEqual(['test']);
  });
});
