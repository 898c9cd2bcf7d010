import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadTarget } from '../../src/knowledge/target.js';
import type { ScanFinding } from '../../src/policy/model.js';
import { ActionError, commentLeader, prepareFix, prepareSuppression, type ActionContext } from '../../src/ui/actions.js';
import { createSession } from '../../src/ui/session.js';
import { FIXING_RULE, KNOWN_IDS, project, scanWithPolicy } from '../support/project.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function repo(files: Record<string, string>) {
  const p = project(files);
  cleanups.push(p.cleanup);
  return p;
}

const NOW = new Date('2026-06-15T12:00:00Z');
async function setup(files: Record<string, string>) {
  const p = repo(files);
  const result = await scanWithPolicy(p.root, {}, [FIXING_RULE]);
  const kinds = new Map(result.files.scanned.map((s) => [s.file, s.kind]));
  const ctx: ActionContext = { root: p.root, rules: [FIXING_RULE], target: loadTarget('azurelinux-4.0'), kindOf: (f) => kinds.get(f), now: NOW };
  const at = (file: string, line: number) => result.findings.find((f) => f.file === file && f.line === line)!;
  return { p, result, ctx, at, read: (rel: string) => readFileSync(join(p.root, rel), 'utf8') };
}

const SCRIPT = '#!/bin/sh\nset -e\napt-get update\nif true; then\n  apt-get install -y curl \\\n    && apt-get clean\nfi\n';

describe('fix of one finding', () => {
  it('applies only the selected finding\'s fix, after the diff is prepared', async () => {
    const { ctx, at, read } = await setup({ 'a.sh': SCRIPT });
    const p = await prepareFix(ctx, at('a.sh', 3));
    expect(p.action).toBe('fix');
    expect(p.title).toBe('Replace apt-get with dnf');
    expect(p.diff).toContain('--- a/a.sh\n+++ b/a.sh\n');
    expect(p.diff).toContain('-apt-get update\n+dnf update\n');
    expect(read('a.sh')).toBe(SCRIPT); // nothing written yet
    await p.apply();
    // line 5 and 6 (same rule, other findings) are untouched
    expect(read('a.sh')).toBe(SCRIPT.replace('apt-get update', 'dnf update'));
  });

  it('refuses when the file changed since it was read, and when the finding is gone', async () => {
    const { p, ctx, at, read } = await setup({ 'a.sh': SCRIPT });
    const prepared = await prepareFix(ctx, at('a.sh', 3));
    p.write('a.sh', SCRIPT + 'echo changed\n');
    await expect(prepared.apply()).rejects.toThrow(/not written: changed since it was read/);
    expect(read('a.sh')).toBe(SCRIPT + 'echo changed\n');
    p.write('a.sh', SCRIPT.replace('apt-get update', 'true'));
    await expect(prepareFix(ctx, at('a.sh', 3))).rejects.toThrow(/no longer where it was in a\.sh/);
  });

  it('a finding without a fix, and a read-only file, are refused with a reason', async () => {
    const { p, ctx, at } = await setup({ 'a.sh': SCRIPT });
    const f = at('a.sh', 3);
    const { fix: _, ...nofix } = f;
    await expect(prepareFix(ctx, nofix as ScanFinding)).rejects.toThrow(ActionError);
    const prepared = await prepareFix(ctx, f);
    chmodSync(join(p.root, 'a.sh'), 0o444);
    await expect(prepared.apply()).rejects.toThrow(/read-only/);
  });
});

describe('suppression of one finding', () => {
  it('inserts `# azl-migrate-ignore <rule> -- <reason>` above the finding, indented like it, and the finding is then suppressed', async () => {
    const { p, ctx, at, read } = await setup({ 'a.sh': SCRIPT });
    const pr = await prepareSuppression(ctx, at('a.sh', 3), '  vendor image   still on Ubuntu ');
    expect(pr.diff).toContain('+# azl-migrate-ignore test/apt-to-dnf -- vendor image still on Ubuntu\n apt-get update\n');
    await pr.apply();
    expect(read('a.sh')).toBe(SCRIPT.replace('apt-get update\n', '# azl-migrate-ignore test/apt-to-dnf -- vendor image still on Ubuntu\napt-get update\n'));
    const again = await scanWithPolicy(p.root, {}, [FIXING_RULE]);
    const f = again.findings.find((x) => x.line === 4)!;
    expect([f.status, f.suppression?.reason]).toEqual(['suppressed', 'vendor image still on Ubuntu']);
    expect(again.findings.filter((x) => x.ruleId.startsWith('suppression/'))).toEqual([]);
  });

  it('never splits a backslash continuation: the comment goes above the statement\'s first line', async () => {
    const { ctx, at, read } = await setup({ 'a.sh': SCRIPT });
    const pr = await prepareSuppression(ctx, at('a.sh', 6), 'later');
    await pr.apply();
    expect(read('a.sh')).toBe(SCRIPT.replace('  apt-get install', '  # azl-migrate-ignore test/apt-to-dnf -- later\n  apt-get install'));
  });

  it('keeps CRLF line ends and uses // in TS/JS-like hosts; refuses JSON hosts, empty reasons and the #! line', async () => {
    const { ctx, at, read } = await setup({ 'w.sh': '#!/bin/sh\r\napt-get update\r\n' });
    const pr = await prepareSuppression(ctx, at('w.sh', 2), 'r');
    await pr.apply();
    expect(read('w.sh')).toBe('#!/bin/sh\r\n# azl-migrate-ignore test/apt-to-dnf -- r\r\napt-get update\r\n');
    await expect(prepareSuppression(ctx, at('w.sh', 2), '   ')).rejects.toThrow(/needs a reason/);
    expect(commentLeader('tsjs', 'a.ts')).toEqual({ leader: '//' });
    expect(commentLeader('bicep', 'main.bicep')).toEqual({ leader: '//' });
    expect(commentLeader('dockerfile', 'Dockerfile')).toEqual({ leader: '#' });
    expect(commentLeader('arm', 'azuredeploy.json')).toMatchObject({ refused: expect.stringMatching(/JSON/) });
    expect(commentLeader('packer', 'x.pkr.json')).toMatchObject({ refused: expect.any(String) });
  });
});

describe('session', () => {
  it('re-scans one file with the run\'s policy after a change', async () => {
    const { p, result } = await setup({ 'a.sh': SCRIPT, 'b.sh': 'apt-get update\n' });
    const s = createSession({ result, root: p.root, rules: [FIXING_RULE], policy: { knownRuleIds: KNOWN_IDS, now: NOW } });
    expect(s.readSource('b.sh')).toBe('apt-get update\n');
    expect(s.readSource('missing.sh')).toBeUndefined();
    const fix = await s.prepareFix(result.findings.find((f) => f.file === 'b.sh')!);
    await fix.apply();
    expect(await s.rescanFile('b.sh')).toEqual([]);
    expect((await s.rescanFile('a.sh')).map((f) => f.line)).toEqual([3, 5, 6]);
  });
});

describe('stale findings', () => {
  it('never fixes or suppresses another finding that took over the fingerprint after an edit', async () => {
    const { p, ctx, at, read } = await setup({ 'a.sh': 'apt-get update\napt-get update\n' });
    const second = at('a.sh', 2);
    p.write('a.sh', 'true\napt-get update\n');
    // the first line's finding is gone; its fingerprint (rule, text, occurrence 0) now names line 2's
    await expect(prepareFix(ctx, at('a.sh', 1))).rejects.toThrow(/no longer where it was/);
    await expect(prepareSuppression(ctx, at('a.sh', 1), 'r')).rejects.toThrow(/no longer where it was/);
    expect(read('a.sh')).toBe('true\napt-get update\n');
    expect(second.line).toBe(2);
  });
});
