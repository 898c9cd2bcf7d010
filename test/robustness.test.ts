import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan } from '../src/scan.js';
import { scanText } from '../src/scan.js';
import { allRules } from '../src/rules/index.js';

describe('malformed input gives a parse note and partial results, never a crash', () => {
  it('Dockerfile with an unterminated quote in one RUN', async () => {
    const r = await scanText('Dockerfile', 'dockerfile', "FROM\nRUN apt-get install 'unterminated\nRUN apk add curl\n", allRules(), 'azurelinux-4.0');
    expect(r.findings.map((f) => [f.ruleId, f.line])).toContainEqual(['pkgmgr/apk', 3]);
    expect(r.notes.some((n) => n.kind === 'parse' && n.line === 2)).toBe(true);
  });

  it('shell script with broken syntax', async () => {
    const r = await scanText('x.sh', 'shell', 'if then\nfi fi (\napk add y\n', allRules(), 'azurelinux-4.0');
    expect(r.notes.some((n) => n.kind === 'parse')).toBe(true);
    expect(r.notes.every((n) => n.message.length > 10)).toBe(true);
  });

  it('empty files and files of only comments', async () => {
    for (const [f, k] of [['Dockerfile', 'dockerfile'], ['x.sh', 'shell']] as const) {
      expect((await scanText(f, k, '', allRules(), 'azurelinux-4.0')).findings).toEqual([]);
      expect((await scanText(f, k, '# only a comment\n', allRules(), 'azurelinux-4.0')).findings).toEqual([]);
    }
  });
});

describe('discovery', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'azl-disc-'));
    const w = (p: string, c: string | Buffer) => {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), c);
    };
    w('.gitignore', 'ignored.sh\ngen/\n');
    w('ignored.sh', 'apt-get update\n');
    w('gen/Dockerfile', 'FROM ubuntu\n');
    w('sub/.gitignore', 'local.sh\n');
    w('sub/local.sh', 'apt-get update\n');
    w('sub/kept.sh', 'apt-get update\n');
    w('node_modules/pkg/install.sh', 'apt-get update\n');
    w('Dockerfile.prod', 'FROM ubuntu:22.04\n');
    w('api.dockerfile', 'FROM debian:12\n');
    w('Containerfile', 'FROM alpine:3\n');
    w('bin/setup', '#!/usr/bin/env bash\napk add curl\n');
    w('bin/README', 'apt-get install is documented here\n');
    w('bin/bom-setup', '\uFEFF#!/bin/sh\napt-get update\n');
    w('scripts/setup_22.x', '#!/bin/bash\napt-get install -y nodejs\n');
    w('scripts/usage.md', '#!/bin/bash is how a script starts\n');
    w('bin.sh', Buffer.from([0x61, 0x00, 0x62]));
    w('latin1.sh', Buffer.from('echo caf\xe9\n', 'latin1'));
    w('big.sh', '# x\n'.repeat(300_000));
    mkdirSync(join(dir, 'loop'));
    symlinkSync('..', join(dir, 'loop', 'up'));
    symlinkSync('/etc/hostname', join(dir, 'outside.sh'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('honours .gitignore at every level and built-in ignores, classifies by name and shebang', async () => {
    const r = await scan({ root: dir, maxFileSize: 1024 * 1024 });
    expect(r.files.scanned.map((f) => `${f.file} ${f.kind}`)).toEqual(['Containerfile dockerfile', 'Dockerfile.prod dockerfile', 'api.dockerfile dockerfile', 'bin/bom-setup shell', 'bin/setup shell', 'scripts/setup_22.x shell', 'sub/kept.sh shell']);
  });

  it('skips binary, non-UTF-8, oversized files and symlinks with a reason', async () => {
    const r = await scan({ root: dir, maxFileSize: 1024 * 1024 });
    expect(r.files.skipped).toEqual([
      { file: 'big.sh', reason: 'larger than 1048576 bytes' },
      { file: 'bin.sh', reason: 'binary file (contains NUL bytes)' },
      { file: 'latin1.sh', reason: 'not valid UTF-8' },
      { file: 'outside.sh', reason: 'symbolic link (not followed)' },
    ]);
  });
});
