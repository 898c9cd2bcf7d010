import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync, chmodSync, statSync, symlinkSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runFixes } from '../src/fix/run.js';
import { replaceFile, snapshot, RefusedWrite } from '../src/fix/write.js';
import { scan } from '../src/scan.js';

const ROOT = join(import.meta.dirname, '..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'azl-fix-'));
});
afterEach(() => {
  try {
    chmodSync(join(dir, 'ro.sh'), 0o644);
  } catch {
    /* not there */
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('fix on the sample corpus', () => {
  it('--dry-run prints the expected patch, which git apply accepts; the fixed corpus has no safe fix left and a second run changes nothing', async () => {
    const copy = join(dir, 'ubuntu-webapp');
    cpSync(join(ROOT, 'corpus/ubuntu-webapp'), copy, { recursive: true });
    const dry = await runFixes({ root: copy, paths: ['.'], unsafe: false, dryRun: true });
    const expectedFile = join(ROOT, 'corpus/ubuntu-webapp.fix.diff');
    if (process.env.UPDATE_EXPECTED) writeFileSync(expectedFile, dry.patch);
    expect(dry.patch).toBe(readFileSync(expectedFile, 'utf8'));
    // Nothing was written by the dry run.
    for (const f of dry.files) expect(readFileSync(join(copy, f.file), 'utf8')).toBe(f.original);

    execFileSync('git', ['init', '-q'], { cwd: copy });
    writeFileSync(join(dir, 'p.diff'), dry.patch);
    execFileSync('git', ['apply', '--check', join(dir, 'p.diff')], { cwd: copy });
    execFileSync('git', ['apply', join(dir, 'p.diff')], { cwd: copy });

    const after = await scan({ root: copy });
    expect(after.findings.filter((f) => f.fix?.safety === 'safe').map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(after.notes.filter((n) => n.kind === 'parse')).toEqual([]);
    const again = await runFixes({ root: copy, paths: ['.'], unsafe: false, dryRun: false });
    expect(again.patch).toBe('');
  });

  it('writing the fixes gives the same files as applying the dry-run patch', async () => {
    const a = join(dir, 'a');
    cpSync(join(ROOT, 'corpus/ubuntu-webapp'), a, { recursive: true });
    const r = await runFixes({ root: a, paths: ['.'], unsafe: false, dryRun: false });
    expect(r.refused).toEqual([]);
    for (const f of r.files) expect(readFileSync(join(a, f.file), 'utf8')).toBe(f.fixed);
    expect(readdirSync(join(a, 'docker')).filter((n) => n.includes('.tmp'))).toEqual([]);
  });
});

describe('exactness', () => {
  it('keeps CRLF, BOM, tabs, trailing spaces and comments byte for byte', async () => {
    const text = '\uFEFF#!/bin/sh\r\n# keep: apt-get  \r\n\tsudo apt-get install -y curl   \r\nif true; then\r\n\t\ttdnf install -y git # trailing comment\r\nfi\r\n';
    writeFileSync(join(dir, 'x.sh'), text);
    const r = await runFixes({ root: dir, paths: ['.'], unsafe: false, dryRun: false });
    expect(readFileSync(join(dir, 'x.sh'), 'utf8')).toBe(text.replace('apt-get install', 'dnf install').replace('tdnf install', 'dnf install'));
    expect(r.files[0]!.applied.map((a) => a.ruleId).sort()).toEqual(['pkgmgr/apt', 'pkgmgr/tdnf']);
  });

  it('keeps multi-line RUN continuations and heredocs', async () => {
    const text = 'FROM mcr.microsoft.com/azurelinux/base/core:3.0\nRUN tdnf install -y \\\n      gcc \\\n      make\nRUN <<EOF\nset -e\n  yum groupinstall -y "Development Tools"\nEOF\n';
    writeFileSync(join(dir, 'Dockerfile'), text);
    await runFixes({ root: dir, paths: ['.'], unsafe: false, dryRun: false });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(
      'FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0\nRUN dnf install -y \\\n      gcc \\\n      make\nRUN <<EOF\nset -e\n  dnf group install -y "Development Tools"\nEOF\n',
    );
  });

  it('keeps mode bits and leaves no temporary file', async () => {
    writeFileSync(join(dir, 'run.sh'), 'yum install -y x\n');
    chmodSync(join(dir, 'run.sh'), 0o750);
    await runFixes({ root: dir, paths: ['.'], unsafe: false, dryRun: false });
    expect(statSync(join(dir, 'run.sh')).mode & 0o777).toBe(0o750);
    expect(readdirSync(dir)).toEqual(['run.sh']);
  });

  it('applies unsafe fixes only with --unsafe, and only the rules asked for with --rule', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM ubuntu:22.04\nRUN yum install -y x\n');
    const safeOnly = await runFixes({ root: dir, paths: ['.'], unsafe: false, dryRun: true });
    expect(safeOnly.files[0]!.skipped.map((s) => s.ruleId)).toEqual(['image/base-image']);
    expect(safeOnly.files[0]!.skipped[0]!.reason).toContain('--unsafe');
    const all = await runFixes({ root: dir, paths: ['.'], unsafe: true, dryRun: true });
    expect(all.files[0]!.fixed).toBe('FROM mcr.microsoft.com/azurelinux-beta/base/core:4.0\nRUN dnf install -y x\n');
    const one = await runFixes({ root: dir, paths: ['.'], unsafe: true, dryRun: true, rules: ['pkgmgr/yum'] });
    expect(one.files[0]!.fixed).toBe('FROM ubuntu:22.04\nRUN dnf install -y x\n');
  });
});

describe('safety', () => {
  it('refuses read-only files, never follows symlinks, never touches non-UTF-8 files', async () => {
    writeFileSync(join(dir, 'ro.sh'), 'yum install -y x\n');
    chmodSync(join(dir, 'ro.sh'), 0o444);
    writeFileSync(join(dir, 'target.sh'), 'yum install -y y\n');
    symlinkSync(join(dir, 'target.sh'), join(dir, 'link.sh'));
    writeFileSync(join(dir, 'latin1.sh'), Buffer.from('yum install -y caf\xe9\n', 'latin1'));
    const r = await runFixes({ root: dir, paths: ['.'], unsafe: false, dryRun: false });
    if (process.getuid?.() !== 0) expect(r.refused).toEqual([{ file: 'ro.sh', reason: 'read-only (no write permission)' }]);
    else expect(r.refused).toEqual([{ file: 'ro.sh', reason: 'read-only (no write permission)' }]);
    expect(readFileSync(join(dir, 'ro.sh'), 'utf8')).toBe('yum install -y x\n');
    expect(r.skipped).toContainEqual({ file: 'link.sh', reason: 'symbolic link (not followed)' });
    expect(r.skipped).toContainEqual({ file: 'latin1.sh', reason: 'not valid UTF-8: never modified' });
    expect(readFileSync(join(dir, 'latin1.sh'))).toEqual(Buffer.from('yum install -y caf\xe9\n', 'latin1'));
  });

  it('refuses a file that changed since it was read', async () => {
    const f = join(dir, 'a.sh');
    writeFileSync(f, 'yum install -y x\n');
    const snap = await snapshot(f);
    writeFileSync(f, 'yum install -y x\necho changed\n');
    await expect(replaceFile(dir, snap, 'dnf install -y x\n')).rejects.toThrow(RefusedWrite);
    await expect(replaceFile(dir, snap, 'dnf install -y x\n')).rejects.toThrow('changed since it was read');
    expect(readFileSync(f, 'utf8')).toBe('yum install -y x\necho changed\n');
    expect(existsSync(join(dir, '.a.sh.azl-migrate-' + process.pid + '.tmp'))).toBe(false);
  });
});

describe('fix settles across files as the scan does', () => {
  const MAIN = "---\n- ansible.builtin.include_tasks: setup-RedHat.yml\n  when: ansible_os_family == 'RedHat'\n- ansible.builtin.include_tasks: setup-Debian.yml\n  when: ansible_os_family == 'Debian'\n";
  const DEBIAN = '---\n- name: Install\n  ansible.builtin.apt:\n    name: curl\n';
  const write = (files: Record<string, string>) => {
    for (const [p, t] of Object.entries(files)) {
      const to = join(dir, p);
      execFileSync('mkdir', ['-p', join(to, '..')]);
      writeFileSync(to, t);
    }
  };

  it('leaves a tasks file included only on Debian alone, and fixes it when nothing gates it', async () => {
    write({ 'roles/r/tasks/main.yml': MAIN, 'roles/r/tasks/setup-Debian.yml': DEBIAN, 'roles/r/tasks/setup-RedHat.yml': '---\n- ansible.builtin.dnf:\n    name: curl\n' });
    const gated = await runFixes({ root: dir, paths: ['.'], unsafe: false, dryRun: true });
    expect(gated.patch).not.toContain('setup-Debian.yml');
    expect((await scan({ root: dir })).findings.filter((f) => f.file.endsWith('setup-Debian.yml'))).toEqual([]);
    rmSync(join(dir, 'roles/r/tasks/main.yml'));
    const alone = await runFixes({ root: dir, paths: ['.'], unsafe: false, dryRun: true });
    expect(alone.patch).toContain('b/roles/r/tasks/setup-Debian.yml');
  });
});
