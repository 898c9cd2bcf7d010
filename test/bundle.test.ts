import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist/bin/azl-migrate.js');

/**
 * The shipped command is an esbuild bundle of the tsc output (scripts/bundle.mjs). `npm ci`/`npm install` build it
 * (prepare). It must behave exactly like the sources the other tests run: same findings on the sample project, the
 * scan worker found beside it, and the package root (rules/, docs) found from its folder.
 */
describe('the bundled command (dist/bin)', () => {
  it('exists (npm run build makes it)', () => {
    expect(existsSync(BIN), `${BIN} is missing: run npm run build`).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(join(ROOT, pkg.bin['azl-migrate']!)).toBe(BIN);
  });

  it('reports the corpus exactly as expected, in workers and in process', () => {
    const expected = readFileSync(join(ROOT, 'corpus/ubuntu-webapp.expected.txt'), 'utf8');
    for (const env of [{}, { AZL_MIGRATE_WORKERS: '0' }]) {
      const out = execFileSync(process.execPath, [BIN, 'scan', 'corpus/ubuntu-webapp', '--format', 'json', '--fail-on', 'none', '--no-config'], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
      const r = JSON.parse(out) as { findings: { file: string; line: number; column: number; severity: string; ruleId: string }[] };
      const lines = r.findings.map((f) => `${f.file.replace(/^corpus\/ubuntu-webapp\//, '')}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`);
      expect(lines.join('\n') + '\n').toBe(expected);
    }
  }, 60_000);

  it('explains a rule from its shipped docs', () => {
    const out = execFileSync(process.execPath, [BIN, 'explain', 'pkgmgr/apt'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('# pkgmgr/apt');
  });

  /** The packages a scan of `files` imports, in the main thread and its workers (the built command, or `bin`). */
  function packagesLoaded(files: Record<string, string>, args: string[] = [], bin = BIN): Set<string> {
    const dir = mkdtempSync(join(tmpdir(), 'azl-loaded-'));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const hook = join(ROOT, 'test/support/log-packages.mjs');
      const r = spawnSync(process.execPath, ['--import', hook, bin, 'scan', '.', '--fail-on', 'none', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return new Set([...r.stderr.matchAll(/^AZL-LOADED (\S+)$/gm)].map((m) => m[1]!));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('loads each parser only for a repository that has files of its kind', () => {
    const none = packagesLoaded({ 'README.md': '# notes\n', 'data.json': '{}\n' });
    for (const p of ['web-tree-sitter', 'ts-morph', 'ink', 'react']) expect(none.has(p), p).toBe(false);
    const shell = packagesLoaded({ 'install.sh': '#!/bin/sh\napt-get install -y curl\n' });
    expect(shell.has('web-tree-sitter')).toBe(true);
    expect(shell.has('ts-morph')).toBe(false);
    // In worker threads too (a scan of at least 8 files).
    const many = packagesLoaded(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`notes-${i}.md`, '# x\n'])));
    expect(many.has('web-tree-sitter')).toBe(false);
  }, 60_000);

  it('loads the YAML parser only for YAML files or a config file', () => {
    // The bundle inlines yaml, so this runs tsc's output (dist/src), where yaml is a package import the hook sees.
    const src = join(ROOT, 'dist/src/cli/main.js');
    const script = { 'install.sh': '#!/bin/sh\napt-get install -y curl\n' };
    expect(packagesLoaded(script, [], src).has('yaml')).toBe(false);
    expect(packagesLoaded({ ...script, '.azl-migrate.yaml': 'fail-on: none\n' }, [], src).has('yaml')).toBe(true);
    expect(packagesLoaded({ 'site.yml': '- hosts: all\n  tasks:\n    - apt: name=curl\n' }, [], src).has('yaml')).toBe(true);
  }, 60_000);
});

