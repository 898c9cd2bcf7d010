import { afterAll, describe, expect, it } from 'vitest';
import { renderJunit, xmlEscape } from '../../src/reporters/junit.js';
import { renderGithub, escapeData, escapeProperty } from '../../src/reporters/github.js';
import { renderJson } from '../../src/reporters/json.js';
import { renderText } from '../../src/reporters/text.js';
import { createBaseline } from '../../src/policy/baseline.js';
import type { ScanResult } from '../../src/scan.js';
import { project, scanWithPolicy } from '../support/project.js';

const p = project({
  'Dockerfile': 'FROM ubuntu:22.04\n# azl-migrate-ignore test/apt -- kept on Ubuntu <for now> & "later"\nRUN apt-get update\nRUN apt-get install -y jq\n',
  'old.sh': '#!/bin/sh\napt-get install -y vim\n',
  'clean.sh': '#!/bin/sh\ndnf install -y vim\n',
});
afterAll(() => p.cleanup());

async function result(showSuppressed = false): Promise<ScanResult> {
  const base = await scanWithPolicy(p.root);
  const baseline = createBaseline(base.findings.filter((f) => f.file === 'old.sh'), base.target);
  return scanWithPolicy(p.root, { baseline: { file: 'baseline.json', data: baseline }, showSuppressed });
}

describe('junit', () => {
  it('one suite per rule, failures for open findings, skipped for accepted ones, passing cases for clean files', async () => {
    const xml = renderJunit(await result());
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="azl-migrate azurelinux-4.0" tests="4" failures="1" errors="0" skipped="1">/);
    expect(xml).toContain('<testsuite name="test/apt" tests="2" failures="1" errors="0" skipped="1">');
    expect(xml).toContain('<testcase classname="test/apt" name="Dockerfile:4:5" file="Dockerfile" line="4">\n      <failure message="`apt-get` does not exist on the target.');
    expect(xml).toContain('<testcase classname="test/apt" name="old.sh:2:1" file="old.sh" line="2">\n      <skipped message="accepted in the baseline: ');
    expect(xml).toContain('<testsuite name="azl-migrate: files without open findings" tests="2" failures="0" errors="0" skipped="0">\n    <testcase classname="azl-migrate" name="clean.sh" file="clean.sh"/>\n    <testcase classname="azl-migrate" name="old.sh" file="old.sh"/>\n  </testsuite>');
    expect(xml).not.toContain('Dockerfile:3:5');
  });

  it('lists suppressed findings as skipped with the escaped reason when asked', async () => {
    const xml = renderJunit(await result(true));
    expect(xml).toContain('<skipped message="suppressed: kept on Ubuntu &lt;for now&gt; &amp; &quot;later&quot;"/>');
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\uD800d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;\uFFFD\uFFFDd');
    expect(xmlEscape('🚀')).toBe('🚀');
  });
});

describe('github', () => {
  it('annotates open findings only, then a summary notice', async () => {
    const out = renderGithub(await result(), { pathPrefix: 'services/api' });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=services\/api\/Dockerfile,line=4,endLine=4,col=5,endColumn=\d+,title=azl-migrate test\/apt \(blocker\)::`apt-get` does not exist on the target./);
    expect(lines[1]).toBe('::notice title=azl-migrate::1 open finding (1 errors, 0 warnings, 0 info; 1 blockers); 1 accepted in the baseline; 1 suppressed in 3 files for azurelinux-4.0');
  });

  it('escapes data and properties so a message cannot inject a workflow command', () => {
    expect(escapeData('50%\r\n::set-output name=x::y')).toBe('50%25%0D%0A::set-output name=x::y');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    const r = {
      version: 1, tool: { name: 'azl-migrate', version: '0' }, target: 't', root: '/r', files: { scanned: [], skipped: [] }, notes: [],
      findings: [{ ruleId: 'x/y', severity: 'info', blocker: false, category: 'c', file: 'a,b:c.sh', span: { start: 0, end: 1 }, line: 1, column: 1, endLine: 3, endColumn: 2, message: 'line1\n::warning::injected', why: '', action: '', docsUrl: '', evidence: '', fingerprint: 'f' }],
    } as unknown as ScanResult;
    const first = renderGithub(r).split('\n')[0]!;
    expect(first).toBe('::notice file=a%2Cb%3Ac.sh,line=1,endLine=3,title=azl-migrate x/y::line1%0A::warning::injected');
  });
});

describe('json', () => {
  it('keeps the v1 fields and adds status and suppression; summary counts open findings', async () => {
    const json = JSON.parse(renderJson(await result(true)));
    const v1 = ['ruleId', 'severity', 'blocker', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fingerprint', 'fixable'];
    for (const f of json.findings) for (const k of v1) expect(f).toHaveProperty(k);
    expect(json.findings.map((f: any) => [f.file, f.line, f.status])).toEqual([
      ['Dockerfile', 3, 'suppressed'],
      ['Dockerfile', 4, 'open'],
      ['old.sh', 2, 'baselined'],
    ]);
    expect(json.findings[0].suppression).toEqual({ scope: 'line', line: 2, reason: 'kept on Ubuntu <for now> & "later"' });
    expect(json.summary).toMatchObject({ findings: 1, errors: 1, blockers: 1, baselined: 1, suppressed: 1 });
    expect(json.policy).toEqual({ baseline: { file: 'baseline.json', stale: 0 }, suppressed: 1, showSuppressed: true });
  });

  it('leaves suppressed findings out unless asked', async () => {
    const json = JSON.parse(renderJson(await result(false)));
    expect(json.findings.map((f: any) => f.status)).toEqual(['open', 'baselined']);
    expect(json.summary.suppressed).toBe(1);
  });
});

describe('text', () => {
  it('shows baselined findings as accepted and counts suppressed ones', async () => {
    const text = renderText(await result());
    expect(text).toContain('old.sh:2:1: error test/apt [accepted: baseline, blocker]\n');
    expect(text).not.toContain('Dockerfile:3:');
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 open finding (1 error, 0 warnings, 0 info; 1 blocker, 0 fixable); 1 accepted in the baseline, 1 suppressed (see --show-suppressed) in 3 files scanned for azurelinux-4.0.');
  });

  it('lists suppressed findings with their reason when asked', async () => {
    const text = renderText(await result(true));
    expect(text).toContain('Dockerfile:3:5: error test/apt [suppressed: kept on Ubuntu <for now> & "later", blocker]\n');
  });
});
