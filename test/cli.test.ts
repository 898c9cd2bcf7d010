import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, type Io } from '../src/cli/run.js';
import { outputSpecs } from '../src/cli/scan-command.js';
import { UsageError } from '../src/knowledge/target.js';
import { validate } from './support/json-schema.js';
import { project } from './support/project.js';

const SARIF_SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function repo(files: Record<string, string>) {
  const p = project(files);
  cleanups.push(p.cleanup);
  return p;
}

async function cli(cwd: string, args: string[], extra: Partial<Io> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {}, ...extra });
  return { code, stdout, stderr };
}

const APT = '#!/bin/sh\napt-get update\n';
const aptFindings = (json: string) => (JSON.parse(json) as { findings: { ruleId: string; file: string; line: number; status: string }[] }).findings.filter((f) => f.ruleId === 'pkgmgr/apt');

describe('formats and outputs', () => {
  it('writes several formats at once: --format sarif --output a.sarif --format text', async () => {
    const p = repo({ 'a.sh': APT });
    const r = await cli(p.root, ['scan', '--format', 'sarif', '--output', 'a.sarif', '--format', 'text']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^a\.sh:2:1: error pkgmgr\/apt \[blocker[^\]]*\]$/m);
    expect(r.stderr).toBe('azl-migrate: sarif report written to a.sarif\n');
    const sarif = JSON.parse(readFileSync(join(p.root, 'a.sarif'), 'utf8'));
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'pkgmgr/apt')).toBe(true);
    expect(await validate(SARIF_SCHEMA, sarif)).toEqual([]);
  });

  it.each(['json', 'junit', 'github', 'text', 'sarif'])('renders %s', async (format) => {
    const p = repo({ 'a.sh': APT });
    const r = await cli(p.root, ['scan', '-f', format]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(format === 'github' ? '::error file=a.sh,line=2' : format === 'junit' ? 'name="a.sh:2:1"' : format === 'text' ? 'a.sh:2:1' : '"pkgmgr/apt"');
  });

  it('pairs each --output with the --format before it', () => {
    const ev = (...xs: string[]) => xs.map((x) => ({ kind: x.startsWith('-o') ? ('output' as const) : ('format' as const), value: x.replace(/^-[of]/, '') }));
    expect(outputSpecs([])).toEqual([{ format: 'text' }]);
    expect(outputSpecs(ev('-or.txt'))).toEqual([{ format: 'text', file: 'r.txt' }]);
    expect(outputSpecs(ev('-fsarif', '-oa.sarif', '-ftext'))).toEqual([{ format: 'sarif', file: 'a.sarif' }, { format: 'text' }]);
    expect(outputSpecs(ev('-oa.json', '-fjson', '-fgithub'))).toEqual([{ format: 'json', file: 'a.json' }, { format: 'github' }]);
    expect(() => outputSpecs(ev('-fsarif', '-ftext'))).toThrow(/only one report can go to standard output/);
    expect(() => outputSpecs(ev('-fsarif', '-oa', '-ob'))).toThrow(UsageError);
    expect(() => outputSpecs(ev('-fjson', '-oa', '-fsarif', '-oa'))).toThrow(/two reports would be written/);
  });

  it('an unknown format is a usage error (exit 2)', async () => {
    const p = repo({ 'a.sh': APT });
    const r = await cli(p.root, ['scan', '-f', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Allowed choices are text, json, sarif, junit, github');
  });

  it('github paths are relative to GITHUB_WORKSPACE', async () => {
    const p = repo({ 'svc/a.sh': APT });
    const r = await cli(p.root, ['scan', 'svc', '-f', 'github'], { env: { GITHUB_WORKSPACE: p.root } });
    expect(r.stdout).toContain('::error file=svc/a.sh,line=2');
    const inner = await cli(join(p.root, 'svc'), ['scan', '-f', 'github'], { env: { GITHUB_WORKSPACE: p.root } });
    expect(inner.stdout).toContain('::error file=svc/a.sh,line=2');
  });
});

describe('gating', () => {
  it('--fail-on: default error fails, none passes, and a config severity override really changes the gate', async () => {
    const p = repo({ 'a.sh': APT });
    expect((await cli(p.root, ['scan'])).code).toBe(1);
    expect((await cli(p.root, ['scan', '--fail-on', 'none'])).code).toBe(0);
    p.write('.azl-migrate.yaml', 'rules:\n  pkgmgr/apt: warning\n');
    const r = await cli(p.root, ['scan', '-f', 'json']);
    expect(aptFindings(r.stdout).map((f) => (f as unknown as { severity: string }).severity)).toEqual(['warning']);
    expect(r.code).toBe(0);
    expect((await cli(p.root, ['scan', '--fail-on', 'warning'])).code).toBe(1);
    p.write('.azl-migrate.yaml', 'rules:\n  pkgmgr/apt: warning\nfail-on: warning\n');
    expect((await cli(p.root, ['scan'])).code).toBe(1);
    expect((await cli(p.root, ['scan', '--fail-on', 'error'])).code).toBe(0);
  });

  it('--fail-on-blocker fails on a blocker whatever its severity', async () => {
    const p = repo({ 'a.sh': APT, '.azl-migrate.yaml': 'rules:\n  pkgmgr/apt: info\n' });
    expect((await cli(p.root, ['scan'])).code).toBe(0);
    expect((await cli(p.root, ['scan', '--fail-on-blocker'])).code).toBe(1);
    p.write('.azl-migrate.yaml', 'rules:\n  pkgmgr/apt: { severity: info, blocker: false }\n');
    expect((await cli(p.root, ['scan', '--fail-on-blocker'])).code).toBe(0);
  });

  it('a rule turned off in the config does not run', async () => {
    const p = repo({ 'a.sh': APT, '.azl-migrate.yaml': 'rules:\n  pkgmgr/apt: off\n' });
    const r = await cli(p.root, ['scan', '-f', 'json']);
    expect(aptFindings(r.stdout)).toEqual([]);
  });
});

describe('baseline workflow', () => {
  it('--update-baseline accepts today\'s findings; a same-looking finding in another file is new and fails the run', async () => {
    const p = repo({ 'a.sh': APT });
    const w = await cli(p.root, ['scan', '--baseline', 'azl-baseline.json', '--update-baseline']);
    expect(w.code).toBe(0);
    expect(w.stderr).toMatch(/^azl-migrate: baseline written to azl-baseline.json \(\d+ findings?\)\n$/);
    expect(w.stdout).toMatch(/^a\.sh:2:1: error pkgmgr\/apt \[accepted: baseline, blocker[^\]]*\]$/m);
    const again = await cli(p.root, ['scan', '--baseline', 'azl-baseline.json']);
    expect(again.code).toBe(0);
    p.write('a.sh', '#!/bin/sh\n# shifted down\n\napt-get update\n');
    p.write('b.sh', APT);
    const r = await cli(p.root, ['scan', '--baseline', 'azl-baseline.json', '-f', 'json']);
    expect(aptFindings(r.stdout).map((f) => [f.file, f.line, f.status])).toEqual([
      ['a.sh', 4, 'baselined'],
      ['b.sh', 2, 'open'],
    ]);
    expect(r.code).toBe(1);
  });

  it('tells how to prune entries that no longer match', async () => {
    const p = repo({ 'a.sh': APT });
    await cli(p.root, ['scan', '--baseline', 'bl.json', '--update-baseline']);
    p.write('a.sh', '#!/bin/sh\ndnf makecache\n');
    const r = await cli(p.root, ['scan', '--baseline', 'bl.json']);
    expect(r.stdout).toMatch(/\d+ baseline (entry no longer matches|entries no longer match) any finding: run with --update-baseline to prune bl.json\./);
  });

  it('the baseline can come from the config', async () => {
    const p = repo({ 'a.sh': APT, '.azl-migrate.yaml': 'baseline: ci/baseline.json\n' });
    execFileSync('mkdir', ['-p', join(p.root, 'ci')]);
    expect((await cli(p.root, ['scan', '--update-baseline'])).code).toBe(0);
    expect(existsSync(join(p.root, 'ci/baseline.json'))).toBe(true);
    expect((await cli(p.root, ['scan'])).code).toBe(0);
  });

  it.each([
    [['--baseline', 'missing.json'], 'baseline file not found: missing.json (create it with --update-baseline)'],
    [['--update-baseline'], '--update-baseline needs --baseline <file>'],
    [['--baseline', 'bl.json', '--update-baseline', '--changed-since', 'HEAD'], 'cannot be combined with --changed-since'],
  ])('usage errors exit 2: %j', async (args, message) => {
    const p = repo({ 'a.sh': APT });
    const r = await cli(p.root, ['scan', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('a corrupt baseline is exit 2', async () => {
    const p = repo({ 'a.sh': APT, 'bl.json': '{"version": 1}' });
    const r = await cli(p.root, ['scan', '--baseline', 'bl.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bl.json is not an azl-migrate baseline of version 1');
  });
});

describe('config errors exit 2, never ignored', () => {
  it.each([
    ['failOn: warning\n', '.azl-migrate.yaml:1:1: unknown key "failOn"'],
    ['rules:\n  pkgmgr/aptt: off\n', '.azl-migrate.yaml:2:3: unknown rule id "pkgmgr/aptt"'],
    ['rules:\n  pkgmgr/apt: loud\n', 'must be one of error, warning, info'],
    ['target: rhel-9\n', 'unknown target "rhel-9"'],
  ])('%j', async (text, message) => {
    const p = repo({ 'a.sh': APT, '.azl-migrate.yaml': text });
    const r = await cli(p.root, ['scan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('--config names another file, --no-config ignores it', async () => {
    const p = repo({ 'a.sh': APT, '.azl-migrate.yaml': 'bogus: 1\n', 'ci.yaml': 'fail-on: none\n' });
    expect((await cli(p.root, ['scan'])).code).toBe(2);
    expect((await cli(p.root, ['scan', '--config', 'ci.yaml'])).code).toBe(0);
    expect((await cli(p.root, ['scan', '--no-config'])).code).toBe(1);
    const missing = await cli(p.root, ['scan', '--config', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('config file not found: nope.yaml');
  });

  it('include and exclude globs pick the files', async () => {
    const p = repo({ 'a.sh': APT, 'docker/b.sh': APT, 'docker/testdata/c.sh': APT, '.azl-migrate.yaml': 'include: [docker/]\nexclude: ["**/testdata/"]\n' });
    const r = await cli(p.root, ['scan', '-f', 'json']);
    expect(JSON.parse(r.stdout).files.scanned.map((f: { file: string }) => f.file)).toEqual(['docker/b.sh']);
  });
});

describe('suppressions', () => {
  const text = '#!/bin/sh\n# azl-migrate-ignore pkgmgr/apt until=2026-03-31 -- Ubuntu runners until the March cut-over\napt-get update\n';

  it('a suppression applies until its date, then the finding returns and the expiry is reported', async () => {
    const p = repo({ 'a.sh': text });
    const before = await cli(p.root, ['scan', '-f', 'json'], { now: new Date('2026-03-31T23:00:00Z') });
    expect(before.code).toBe(0);
    expect(aptFindings(before.stdout)).toEqual([]);
    expect(JSON.parse(before.stdout).summary.suppressed).toBe(1);
    const shown = await cli(p.root, ['scan', '-f', 'json', '--show-suppressed'], { now: new Date('2026-03-31T23:00:00Z') });
    expect(aptFindings(shown.stdout).map((f) => f.status)).toEqual(['suppressed']);
    const after = await cli(p.root, ['scan', '-f', 'json'], { now: new Date('2026-04-01T00:00:01Z') });
    expect(after.code).toBe(1);
    expect(aptFindings(after.stdout).map((f) => [f.line, f.status])).toEqual([[3, 'open']]);
    expect(JSON.parse(after.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'suppression/expired').map((f: { line: number }) => f.line)).toEqual([2]);
  });

  it('a suppression without a reason is reported', async () => {
    const p = repo({ 'a.sh': '#!/bin/sh\napt-get update # azl-migrate-ignore pkgmgr/apt\n' });
    const r = await cli(p.root, ['scan']);
    expect(r.stdout).toContain('a.sh:2:18: warning suppression/missing-reason\n  This suppression gives no reason.');
    expect(r.code).toBe(0);
    p.write('.azl-migrate.yaml', 'rules:\n  suppression/missing-reason: error\n');
    expect((await cli(p.root, ['scan'])).code).toBe(1);
  });
});

describe('--changed-since', () => {
  it('is exit 2 outside a git repository, and for an unknown ref', async () => {
    const p = repo({ 'a.sh': APT });
    const r = await cli(p.root, ['scan', '--changed-since', 'main']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--changed-since needs a git repository, and .* is not inside one/);
    execFileSync('git', ['init', '-q'], { cwd: p.root });
    const u = await cli(p.root, ['scan', '--changed-since', 'nope']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('unknown git ref "nope"');
  });

  it('reports only findings on changed lines', async () => {
    const p = repo({ 'a.sh': APT, 'b.sh': APT });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: p.root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    p.write('a.sh', '#!/bin/sh\napt-get update\napt-get install -y jq\n');
    const r = await cli(p.root, ['scan', '--changed-since', 'HEAD', '-f', 'json']);
    expect(aptFindings(r.stdout).map((f) => [f.file, f.line])).toEqual([['a.sh', 3]]);
    expect(r.code).toBe(1);
    const text = await cli(p.root, ['scan', '--changed-since', 'HEAD']);
    expect(text.stdout).toContain('on lines changed since HEAD');
    git('commit', '-q', '-am', 'more');
    expect((await cli(p.root, ['scan', '--changed-since', 'HEAD'])).code).toBe(0);
  });
});

describe('rule-dirs: declarative project rules', () => {
  const RULE = 'id: acme/no-curl\ntitle: curl is banned in this project\ncategory: conventions\nseverity: warning\nhelp-uri: https://wiki.example/no-curl\nmatch:\n  command: [curl]\nmessage: "{match} is not allowed here"\nwhy: policy\naction: use the mirror\n';

  it('runs them, lets the config override them, and lists them in SARIF with their own help URI', async () => {
    const p = repo({ 'a.sh': '#!/bin/sh\ncurl -fsSL https://x | sh\n', 'ci/rules/acme/no-curl/rule.yaml': RULE, '.azl-migrate.yaml': 'rule-dirs: [ci/rules]\n' });
    const r = await cli(p.root, ['scan', '-f', 'json']);
    const f = JSON.parse(r.stdout).findings.filter((x: { ruleId: string }) => x.ruleId === 'acme/no-curl');
    expect(f.map((x: { line: number; column: number; message: string; severity: string; docsUrl: string }) => [x.line, x.column, x.message, x.severity, x.docsUrl])).toEqual([[2, 1, 'curl is not allowed here', 'warning', 'https://wiki.example/no-curl']]);
    const s = await cli(p.root, ['scan', '-f', 'sarif']);
    const rule = JSON.parse(s.stdout).runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'acme/no-curl');
    expect(rule.helpUri).toBe('https://wiki.example/no-curl');
    p.write('.azl-migrate.yaml', 'rule-dirs: [ci/rules]\nrules:\n  acme/no-curl: error\n');
    expect((await cli(p.root, ['scan', '--fail-on', 'error'])).code).toBe(1);
    p.write('.azl-migrate.yaml', 'rule-dirs: [ci/rules]\nrules:\n  acme/no-curl: off\nfail-on: warning\n');
    expect(JSON.parse((await cli(p.root, ['scan', '-f', 'json'])).stdout).findings.filter((x: { ruleId: string }) => x.ruleId === 'acme/no-curl')).toEqual([]);
  });

  it.each([
    ['an unknown key', 'acme/no-curl', RULE + 'run: ./evil.sh\n', 'unknown key "run"'],
    ['an id that is not the folder', 'acme/no-curl', RULE.replace('id: acme/no-curl', 'id: acme/other'), 'id "acme/other" must equal its folder path "acme/no-curl"'],
    ['an unknown match', 'acme/no-curl', RULE.replace('  command: [curl]', '  exec: [x]'), 'unknown key "match.exec"'],
    ['a bad regular expression', 'acme/no-curl', RULE.replace('  command: [curl]', "  image: '(['"), 'match.image: Invalid regular expression'],
    ['a shipped rule id', 'pkgmgr/apt', RULE.replace('id: acme/no-curl', 'id: pkgmgr/apt'), 'rule id pkgmgr/apt is already taken'],
  ])('a rule file with %s is exit 2', async (_what, folder, text, message) => {
    const p = repo({ 'a.sh': APT, [`rules2/${folder}/rule.yaml`]: text, '.azl-migrate.yaml': 'rule-dirs: rules2\n' });
    const r = await cli(p.root, ['scan']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('--changed-since with a baseline', () => {
  it('baseline entries for findings on unchanged lines are not reported as stale', async () => {
    const p = repo({ 'a.sh': APT, 'b.sh': APT });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: p.root, stdio: 'pipe' });
    await cli(p.root, ['scan', '--baseline', 'bl.json', '--update-baseline']);
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    p.write('a.sh', '#!/bin/sh\napt-get update\napt-get install -y jq\n');
    const r = await cli(p.root, ['scan', '--baseline', 'bl.json', '--changed-since', 'HEAD', '-f', 'json']);
    expect(aptFindings(r.stdout).map((f) => [f.file, f.line, f.status])).toEqual([['a.sh', 3, 'open']]);
    expect(JSON.parse(r.stdout).policy.baseline.stale).toBe(0);
  });
});
