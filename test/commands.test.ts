import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { run, type Io } from '../src/cli/run.js';

const ROOT = join(import.meta.dirname, '..');

async function cli(args: string[], cwd = ROOT) {
  let out = '';
  let err = '';
  const io: Io = { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd };
  const code = await run(args, io);
  return { code, out, err };
}

describe('scan', () => {
  it('exits 1 with findings at or above --fail-on, 0 with --fail-on none', async () => {
    expect((await cli(['scan', 'corpus/ubuntu-webapp'])).code).toBe(1);
    expect((await cli(['scan', 'corpus/ubuntu-webapp', '--fail-on', 'none'])).code).toBe(0);
    expect((await cli(['scan', 'rules/pkgmgr/yum/rule.md'])).code).toBe(0);
  });

  it('prints the documented JSON shape with POSIX paths relative to the scan root', async () => {
    const { out, code } = await cli(['scan', 'corpus/ubuntu-webapp/scripts', '--format', 'json']);
    expect(code).toBe(1);
    const j = JSON.parse(out);
    expect(j.version).toBe(1);
    expect(j.tool.name).toBe('azl-migrate');
    expect(j.target).toBe('azurelinux-4.0');
    expect(j.files.scanned.map((f: { file: string }) => f.file)).toContain('corpus/ubuntu-webapp/scripts/deploy.sh');
    const f = j.findings.find((x: { ruleId: string }) => x.ruleId === 'pkgmgr/dpkg');
    expect(f).toMatchObject({ severity: 'error', blocker: true, file: 'corpus/ubuntu-webapp/scripts/install-deps.sh', line: 10, column: 38, endLine: 10, endColumn: 63, fixable: false });
    expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof f.message).toBe('string');
  });

  it('text report gives file:line:col, severity, rule, message and hint', async () => {
    const { out } = await cli(['scan', 'corpus/ubuntu-webapp/scripts/install-deps.sh']);
    expect(out).toContain('corpus/ubuntu-webapp/scripts/install-deps.sh:10:38: error pkgmgr/dpkg');
    expect(out).toContain('  hint: Use `uname -m`');
  });

  it('exits 2 on usage errors with a clear message', async () => {
    const missing = await cli(['scan', 'no/such/dir']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file or directory: no/such/dir');
    const target = await cli(['scan', '.', '--target', 'ubuntu-24.04']);
    expect(target.code).toBe(2);
    expect(target.err).toContain('unknown target');
    expect((await cli(['scan', '--no-such-option'])).code).toBe(2);
    expect((await cli(['scan', '--fail-on', 'fatal'])).code).toBe(2);
  });
});

describe('explain and rules', () => {
  it('explain prints the rule doc; an unknown rule exits 2', async () => {
    const ok = await cli(['explain', 'pkgmgr/tdnf']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('# pkgmgr/tdnf:');
    expect(ok.out).toContain('severity: warning');
    const bad = await cli(['explain', 'pkgmgr/nope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown rule "pkgmgr/nope"');
  });

  it('rules lists every rule', async () => {
    const { out, code } = await cli(['rules', '--format', 'json']);
    expect(code).toBe(0);
    const ids = JSON.parse(out).map((m: { id: string }) => m.id);
    expect(ids).toContain('pkgmgr/apt');
    expect(ids).toContain('identity/no-azurelinux-branch');
  });
});

describe('scan options', () => {
  it('--file-time-budget takes milliseconds; a bad value exits 2', async () => {
    expect((await cli(['scan', 'corpus/ubuntu-webapp/scripts', '--file-time-budget', '0', '--fail-on', 'none'])).code).toBe(0);
    const bad = await cli(['scan', '.', '--file-time-budget', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--file-time-budget takes a whole number of milliseconds');
  });
});
