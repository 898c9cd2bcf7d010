import { describe, expect, it } from 'vitest';
import { applySuppressions, parseDirectives } from '../../src/policy/suppressions.js';
import type { ScanFinding } from '../../src/policy/model.js';

const KNOWN = new Set(['pkgmgr/apt', 'pkg/renamed', 'suppression/missing-reason', 'suppression/expired', 'suppression/invalid']);
const NOW = new Date('2026-06-15T08:00:00Z');

function finding(file: string, line: number, ruleId = 'pkgmgr/apt', endLine = line): ScanFinding {
  return { ruleId, severity: 'error', blocker: true, category: 'package-manager', file, span: { start: line * 100, end: line * 100 + 5 }, line, column: 1, endLine, endColumn: 6, message: 'm', why: 'w', action: 'a', docsUrl: 'd', evidence: 'apt-get', fingerprint: `${file}:${line}` };
}

const apply = (text: string, findings: ScanFinding[], file = 'f') => applySuppressions(findings, parseDirectives(file, text), { knownRuleIds: KNOWN, now: NOW });
const statuses = (r: { findings: ScanFinding[] }) => r.findings.map((f) => `${f.line}:${f.status ?? 'open'}`);

describe('parseDirectives', () => {
  it('reads rule ids, until and reason, with exact position of the marker', () => {
    const [d] = parseDirectives('a.sh', '#!/bin/sh\n  # azl-migrate-ignore pkgmgr/apt,pkg/renamed until=2026-12-31 -- Ubuntu-only fallback -- see #12\napt-get x\n');
    expect(d).toMatchObject({ scope: 'next', ruleIds: ['pkgmgr/apt', 'pkg/renamed'], until: '2026-12-31', reason: 'Ubuntu-only fallback -- see #12', line: 2, column: 5, appliesFrom: 3, appliesTo: 3 });
    expect(d!.problem).toBeUndefined();
  });

  it('understands every host comment syntax', () => {
    const leaders = ['# ', '// ', '; ', '/* ', '<!-- ', '{# '];
    const closers = ['', '', '', ' */', ' -->', ' #}'];
    leaders.forEach((l, i) => {
      const ds = parseDirectives('x', `${l}azl-migrate-ignore pkgmgr/apt -- why${closers[i]}\ncode\n`);
      expect(ds, l).toHaveLength(1);
      expect(ds[0]).toMatchObject({ ruleIds: ['pkgmgr/apt'], reason: 'why', appliesFrom: 2 });
    });
  });

  it('covers the next statement: skipping comments and blank lines, with continuations, heredocs and indented blocks', () => {
    const text = [
      '# azl-migrate-ignore pkgmgr/apt -- a', // 1
      '# another comment', // 2
      '', // 3
      'RUN apt-get update && \\', // 4
      '    apt-get install -y curl', // 5
      'RUN echo done', // 6
      '# azl-migrate-ignore pkgmgr/apt -- b', // 7
      'RUN <<EOF', // 8
      'apt-get update', // 9
      'EOF', // 10
      '# azl-migrate-ignore pkgmgr/apt -- c', // 11
      '- name: install', // 12
      '  shell: |', // 13
      '    apt-get install -y nginx', // 14
      '- name: next', // 15
    ].join('\n');
    const ds = parseDirectives('x', text);
    expect(ds.map((d) => [d.appliesFrom, d.appliesTo])).toEqual([
      [4, 5],
      [8, 10],
      [12, 14],
    ]);
  });

  it('a comment after code covers its own line; the -file form covers the file', () => {
    const ds = parseDirectives('x', 'line one\napt-get update # azl-migrate-ignore pkgmgr/apt -- same line\n# azl-migrate-ignore-file pkg/renamed -- generated file\n');
    expect(ds.map((d) => [d.scope, d.appliesFrom, d.appliesTo])).toEqual([
      ['same', 2, 2],
      ['file', 1, 4],
    ]);
  });

  it('flags a missing rule id and a reason written without --', () => {
    expect(parseDirectives('x', '# azl-migrate-ignore\nx\n')[0]!.problem).toMatch(/names no rule id/);
    const d = parseDirectives('x', '# azl-migrate-ignore pkgmgr/apt because reasons\nx\n')[0]!;
    expect(d.ruleIds).toEqual(['pkgmgr/apt']);
    expect(d.problem).toMatch(/"because" is not a rule id/);
  });

  it('does not take words that merely contain the marker, and keeps columns right after a BOM and on CRLF', () => {
    expect(parseDirectives('x', 'echo azl-migrate-ignored\n# xazl-migrate-ignore pkgmgr/apt -- r\n')).toEqual([]);
    const [d] = parseDirectives('x', '\uFEFF# azl-migrate-ignore pkgmgr/apt -- r\r\napt-get x\r\n');
    expect(d).toMatchObject({ line: 1, column: 3, endColumn: 3 + 'azl-migrate-ignore pkgmgr/apt -- r'.length, appliesFrom: 2, appliesTo: 2, reason: 'r' });
  });
});

describe('applySuppressions', () => {
  it('suppresses only the named rule, only in its own file, only on the covered statement', () => {
    const text = '# azl-migrate-ignore pkgmgr/apt -- ok\napt-get a\napt-get b\n';
    const r = apply(text, [finding('f', 2), finding('f', 3), finding('f', 2, 'pkg/renamed'), finding('g', 2)]);
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.status ?? 'open'}`)).toEqual(['f:2:pkgmgr/apt:suppressed', 'f:3:pkgmgr/apt:open', 'f:2:pkg/renamed:open', 'g:2:pkgmgr/apt:open']);
    expect(r.findings[0]!.suppression).toEqual({ scope: 'line', line: 1, reason: 'ok' });
    expect(r.reported).toEqual([]);
  });

  it('an expired suppression no longer applies: the finding returns, and the expiry is reported', () => {
    const text = '# azl-migrate-ignore pkgmgr/apt until=2026-06-14 -- until the rebuild\napt-get a\n# azl-migrate-ignore pkgmgr/apt until=2026-06-15 -- last day still counts\napt-get b\n';
    const r = apply(text, [finding('f', 2), finding('f', 4)]);
    expect(statuses(r)).toEqual(['2:open', '4:suppressed']);
    expect(r.findings[1]!.suppression?.until).toBe('2026-06-15');
    expect(r.reported.map((f) => [f.ruleId, f.line, f.column, f.severity])).toEqual([['suppression/expired', 1, 3, 'warning']]);
    expect(r.reported[0]!.message).toContain('2026-06-14');
  });

  it('reports a suppression without a reason (and still applies it)', () => {
    const r = apply('# azl-migrate-ignore pkgmgr/apt\napt-get a\n', [finding('f', 2)]);
    expect(statuses(r)).toEqual(['2:suppressed']);
    expect(r.reported.map((f) => f.ruleId)).toEqual(['suppression/missing-reason']);
    expect(r.reported[0]!.evidence).toBe('azl-migrate-ignore pkgmgr/apt');
    expect(r.findings[0]!.suppression?.reason).toBeUndefined();
  });

  it('reports unknown rule ids and bad dates; a bad date never applies', () => {
    const r = apply('# azl-migrate-ignore pkgmgr/atp -- typo\napt-get a\n# azl-migrate-ignore pkgmgr/apt until=2026-02-30 -- bad date\napt-get b\n', [finding('f', 2), finding('f', 4)]);
    expect(statuses(r)).toEqual(['2:open', '4:open']);
    expect(r.reported.map((f) => [f.ruleId, f.line])).toEqual([
      ['suppression/invalid', 1],
      ['suppression/invalid', 3],
    ]);
    expect(r.reported[0]!.message).toContain('pkgmgr/atp');
  });

  it('file-level and same-line forms', () => {
    const r = apply('# azl-migrate-ignore-file pkg/renamed -- generated\napt-get a # azl-migrate-ignore pkgmgr/apt -- inline\napt-get b\n', [finding('f', 2), finding('f', 3), finding('f', 9, 'pkg/renamed')]);
    expect(statuses(r)).toEqual(['2:suppressed', '3:open', '9:suppressed']);
    expect(r.findings[2]!.suppression?.scope).toBe('file');
  });

  it('findings about suppressions cannot themselves be suppressed', () => {
    const pf = { ...finding('f', 2, 'suppression/missing-reason') };
    const r = apply('# azl-migrate-ignore-file suppression/missing-reason -- no\n', [pf]);
    expect(statuses(r)).toEqual(['2:open']);
  });

  it('fingerprints of reported suppression problems are stable and per file', () => {
    const a = apply('\n\n# azl-migrate-ignore pkgmgr/apt\nx\n', [], 'a.sh').reported[0]!;
    const a2 = apply('# azl-migrate-ignore pkgmgr/apt\nx\n', [], 'a.sh').reported[0]!;
    const b = apply('# azl-migrate-ignore pkgmgr/apt\nx\n', [], 'b.sh').reported[0]!;
    expect(a.fingerprint).toBe(a2.fingerprint);
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});
