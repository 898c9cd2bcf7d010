import { afterAll, describe, expect, it } from 'vitest';
import { applyBaseline, createBaseline, parseBaseline, renderBaseline, BaselineError } from '../../src/policy/baseline.js';
import { project, scanWithPolicy } from '../support/project.js';

const p = project({
  'a.sh': '#!/bin/sh\napt-get update\napt-get install -y curl\n',
  'b.sh': '#!/bin/sh\napt-get update\n',
});
afterAll(() => p.cleanup());

describe('baseline', () => {
  it('accepts baselined findings after lines shift, and keeps them listed as baselined', async () => {
    const before = await scanWithPolicy(p.root);
    const baseline = createBaseline(before.findings.filter((f) => f.file === 'a.sh'), before.target);
    p.write('a.sh', '#!/bin/sh\n# a new comment\n\nset -e\napt-get update\napt-get install -y curl\n');
    const after = await scanWithPolicy(p.root, { baseline: { file: 'bl.json', data: baseline } });
    const a = after.findings.filter((f) => f.file === 'a.sh');
    expect(a.map((f) => [f.line, f.status])).toEqual([
      [5, 'baselined'],
      [6, 'baselined'],
    ]);
    expect(after.policy?.baseline).toEqual({ file: 'bl.json', stale: 0 });
  });

  it('never matches a same-looking finding in another file', async () => {
    const before = await scanWithPolicy(p.root);
    const baseline = createBaseline(before.findings.filter((f) => f.file === 'a.sh'), before.target);
    const after = await scanWithPolicy(p.root, { baseline: { file: 'bl.json', data: baseline } });
    const b = after.findings.find((f) => f.file === 'b.sh')!;
    const a = after.findings.find((f) => f.file === 'a.sh' && f.evidence === b.evidence)!;
    expect(a.status).toBe('baselined');
    expect(b.status).toBe('open');
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });

  it('a new occurrence of the same text in the same file is new, not accepted', async () => {
    p.write('a.sh', '#!/bin/sh\napt-get update\n');
    const before = await scanWithPolicy(p.root);
    const baseline = createBaseline(before.findings, before.target);
    p.write('a.sh', '#!/bin/sh\napt-get update\necho hi\napt-get update\n');
    const after = await scanWithPolicy(p.root, { baseline: { file: 'bl.json', data: baseline } });
    expect(after.findings.filter((f) => f.file === 'a.sh').map((f) => [f.line, f.status])).toEqual([
      [2, 'baselined'],
      [4, 'open'],
    ]);
  });

  it('reports entries that no longer match (fixed findings) as stale', () => {
    const entry = { fingerprint: 'x'.repeat(32), ruleId: 'pkgmgr/apt', file: 'gone.sh', line: 3, message: 'm' };
    const out = applyBaseline([], { version: 1, tool: 'azl-migrate', target: 't', findings: [entry] });
    expect(out.stale).toEqual([entry]);
  });

  it('needs the rule and file to agree with the fingerprint', () => {
    const f = { ruleId: 'pkgmgr/apt', file: 'a.sh', fingerprint: 'fp', line: 1 } as never;
    const out = applyBaseline([f], { version: 1, tool: 'azl-migrate', target: 't', findings: [{ fingerprint: 'fp', ruleId: 'pkgmgr/apt', file: 'other.sh', line: 1, message: '' }] });
    expect((out.findings[0] as { status?: string }).status).toBeUndefined();
  });

  it('writes a sorted, reviewable file without suppressed findings or suppression problems', () => {
    const mk = (file: string, line: number, ruleId: string, status?: 'suppressed') => ({ ruleId, file, line, fingerprint: `${file}${line}${ruleId}`, message: 'm', status }) as never;
    const b = createBaseline([mk('b.sh', 1, 'pkgmgr/apt'), mk('a.sh', 9, 'pkgmgr/apt'), mk('a.sh', 2, 'pkgmgr/apt'), mk('a.sh', 3, 'pkgmgr/apt', 'suppressed'), mk('a.sh', 4, 'suppression/missing-reason')], 'azurelinux-4.0');
    expect(b.findings.map((e) => `${e.file}:${e.line}`)).toEqual(['a.sh:2', 'a.sh:9', 'b.sh:1']);
    expect(parseBaseline(renderBaseline(b), 'bl.json')).toEqual(b);
  });

  it('rejects files that are not baselines, with the file name in the message', () => {
    expect(() => parseBaseline('{', 'bl.json')).toThrow(BaselineError);
    expect(() => parseBaseline('{"version":2,"tool":"azl-migrate","findings":[]}', 'bl.json')).toThrow(/bl.json is not an azl-migrate baseline of version 1/);
    expect(() => parseBaseline('{"version":1,"tool":"azl-migrate","findings":[{"ruleId":"x"}]}', 'bl.json')).toThrow(/findings\[0\]/);
  });
});
