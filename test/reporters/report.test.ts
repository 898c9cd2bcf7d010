import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeReadiness, scoreTerms, type RepoInput, type ReportFinding } from '../../src/reporters/readiness.js';
import { renderHtml, esc, escRich } from '../../src/reporters/html.js';
import { renderMarkdown, code, codeBlock, md, mdRich } from '../../src/reporters/markdown.js';
import { loadTarget } from '../../src/knowledge/target.js';
import type { RuleMeta } from '../../src/core/rule.js';
import { run, type Io } from '../../src/cli/run.js';
import { project } from '../support/project.js';

const RULES: RuleMeta[] = [
  { id: 'a/blocker', title: 'Blocking thing', category: 'package-manager', severity: 'error', blocker: true, fixable: false, effort: 2 },
  { id: 'b/error', title: 'Error thing', category: 'packages', severity: 'error', blocker: false, fixable: false, effort: 1 },
  { id: 'c/warning', title: 'Warning thing', category: 'systemd', severity: 'warning', blocker: false, fixable: false, effort: 0.5 },
];

const f = (ruleId: string, file: string, line: number, extra: Partial<ReportFinding> = {}): ReportFinding => {
  const m = RULES.find((r) => r.id === ruleId);
  return { ruleId, severity: m?.severity ?? 'info', blocker: m?.blocker ?? false, category: m?.category ?? 'conventions', file, line, column: 1, message: `${ruleId} here`, action: `fix ${ruleId}`, evidence: 'apt-get install x', ...extra };
};

function repo(name: string, findings: ReportFinding[], files: [string, string][] = [['Dockerfile', 'dockerfile'], ['scripts/a.sh', 'shell']]): RepoInput {
  return { name, result: { target: 'azurelinux-4.0', files: { scanned: files.map(([file, kind]) => ({ file, kind })), skipped: [] }, findings } };
}

const opts = { rules: RULES, target: (id: string) => loadTarget(id) };

describe('readiness model', () => {
  it('scores with the stated formula and caps', () => {
    expect(scoreTerms([f('a/blocker', 'x', 1), f('b/error', 'x', 2), f('c/warning', 'x', 3), f('z/info', 'x', 4)])).toEqual({ blockers: 1, errors: 1, warnings: 1, info: 1, blockerPenalty: 6, errorPenalty: 2, warningPenalty: 0.5, score: 92 });
    const many = Array.from({ length: 20 }, (_, i) => f('a/blocker', 'x', i));
    expect(scoreTerms(many)).toMatchObject({ blockerPenalty: 60, score: 40 });
    expect(scoreTerms([f('a/blocker', 'x', 1, { status: 'suppressed' }), f('a/blocker', 'x', 2, { status: 'baselined' })])).toMatchObject({ blockers: 1, score: 94 });
  });

  it('sums effort points into person-days, blockers first, plan by impact, breakdowns', () => {
    const r = computeReadiness([repo('web', [f('c/warning', 'scripts/a.sh', 3), f('a/blocker', 'Dockerfile', 2), f('b/error', 'Dockerfile', 5), f('c/warning', 'scripts/a.sh', 9), f('x/unknown', 'Dockerfile', 7)])], opts);
    // points: 2 + 1 + 0.5 + 0.5 + 1 (default) = 5; days = 5 × 1.3 / 6 = 1.08 -> 1
    expect(r.points).toBe(5);
    expect(r.personDays).toBe(1);
    expect(r.defaultedEffort).toEqual(['x/unknown']);
    expect(r.blockers.map((s) => s.ruleId)).toEqual(['a/blocker']);
    expect(r.plan.map((s) => [s.ruleId, s.impact])).toEqual([
      ['a/blocker', 6],
      ['b/error', 2],
      ['c/warning', 1],
      ['x/unknown', 0],
    ]);
    expect(r.byKind).toEqual([
      { label: 'dockerfile', findings: 3, blockers: 1 },
      { label: 'shell', findings: 2, blockers: 0 },
    ]);
    expect(r.byComponent.map((b) => b.label)).toEqual(['(repository root)', 'scripts']);
    expect(r.appendix.map((x) => `${x.file}:${x.line}`)).toEqual(['Dockerfile:2', 'Dockerfile:5', 'scripts/a.sh:3', 'scripts/a.sh:9', 'Dockerfile:7']);
  });

  it('a portfolio has one row per repository and the mean score', () => {
    const r = computeReadiness([repo('api', [f('a/blocker', 'Dockerfile', 1)]), repo('web', [])], opts);
    expect(r.repos.map((x) => [x.name, x.terms.score])).toEqual([
      ['api', 94],
      ['web', 100],
    ]);
    expect(r.score).toBe(97);
    expect(r.byComponent.map((b) => b.label)).toEqual(['api: (repository root)']);
  });
});

const EVIL = '<script>alert(1)</script>';
const evilRepo = () =>
  repo(`repo ${EVIL}`, [f('a/blocker', `scripts/${EVIL}|x.sh`, 2, { evidence: `echo "${EVIL}" | tee \`x\`\n\`\`\`\n# heading`, message: `bad \`thing\` ${EVIL}`, action: 'use `dnf | tee`' })], [[`scripts/${EVIL}|x.sh`, 'shell']]);

describe('HTML report', () => {
  const html = renderHtml(computeReadiness([evilRepo(), repo('other', [f('b/error', 'Dockerfile', 3)])], opts), { generatedAt: '2026-06-15', toolVersion: '0.1.0', docsUrl: (id) => `https://docs.example/${id}` });

  it('is self-contained: no script, no external stylesheet, image or font; charts are inline SVG', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(|\ssrc=/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it('has the sections in order, blockers first, the formula with its numbers, and the target facts', () => {
    const ids = [...html.matchAll(/<h2 id="([a-z]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual(['summary', 'score', 'blockers', 'repositories', 'effort', 'breakdown', 'plan', 'target', 'appendix']);
    expect(html).toContain('= 100 − min(60, 6 × 1) − min(30, 2 × 1) − min(10, 0.5 × 0) = 100 − 6 − 2 − 0 = 92');
    expect(html).toContain('<td>glibc</td><td><code>2.42</code></td>');
    expect(html).toContain('public preview');
  });

  it('escapes file names, repository names and file contents', () => {
    expect(html).not.toContain(EVIL);
    expect(html).toContain('scripts/&lt;script&gt;alert(1)&lt;/script&gt;|x.sh');
    expect(html).toContain('repo &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('bad <code>thing</code> &lt;script&gt;');
    expect(esc(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
    expect(escRich('a `<b>` c`')).toBe('a `&lt;b&gt;` c`');
  });
});

describe('Markdown report', () => {
  // Names and contents escaped in code spans: `code()` picks a fence no backtick run inside can close.
  const mdText = renderMarkdown(computeReadiness([evilRepo(), repo('other', [])], opts), { generatedAt: '2026-06-15' });

  it('has the same sections, and a per-repository table', () => {
    const heads = mdText.split('\n').filter((l) => l.startsWith('## '));
    expect(heads).toEqual(['## Executive summary', '## Readiness score', '## Blockers', '## Repositories', '## Effort estimate', '## Breakdown', '## Remediation plan', '## Target facts', '## Appendix: findings']);
    expect(mdText).toContain('| other | 100 | 0 | 0 | 0 | 0 | 2 | 0 |');
  });

  it('lets no raw HTML through (file contents stay verbatim only inside fenced code) and keeps table cells intact', () => {
    // File contents and names appear verbatim only inside fenced blocks and code spans, where Markdown shows them as text.
    const outsideCode = mdText.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '').replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, '');
    expect(outsideCode).not.toContain('<');
    expect(outsideCode).toContain('&lt;script>');
    for (const line of mdText.split('\n').filter((l) => l.startsWith('| 1 | '))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      expect(cells, line).toBe(10);
    }
    expect(mdText).toContain('````text\necho "<script>alert(1)</script>" | tee `x`\n```\n# heading\n````');
  });

  it('escapes markup', () => {
    expect(md('*a* _b_ [c](d) | <e> & `f`')).toBe('\\*a\\* \\_b\\_ \\[c\\](d) \\| &lt;e> &amp; \\`f\\`');
    expect(md('# not a heading')).toBe('\\# not a heading');
    expect(md('1. not a list')).toBe('1\\. not a list');
    expect(code('a`b|c')).toBe('``a`b\\|c``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(codeBlock('```\nx')).toBe('````text\n```\nx\n````');
    expect(mdRich('Use `a|b` now')).toBe('Use `a\\|b` now');
  });
});

describe('report command', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  const cli = async (cwd: string, args: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: Io = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {}, now: new Date('2026-06-15T00:00:00Z') };
    const code = await run(args, io);
    return { code, stdout, stderr };
  };

  it('makes one portfolio report from saved JSON results', async () => {
    const p = project({ 'api/a.sh': '#!/bin/sh\napt-get update\n', 'web/b.sh': '#!/bin/sh\ndnf install -y jq\n' });
    cleanups.push(p.cleanup);
    expect((await cli(join(p.root, 'api'), ['scan', '-f', 'json', '-o', '../api.json'])).code).toBe(1);
    expect((await cli(join(p.root, 'web'), ['scan', '-f', 'json', '-o', '../web.json'])).code).toBe(0);
    const r = await cli(p.root, ['report', 'api.json', 'web.json', '-f', 'md', '-o', 'portfolio.md']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^azl-migrate: Markdown report written to portfolio.md \(2 repositories, readiness \d+\/100\)\n$/);
    const text = readFileSync(join(p.root, 'portfolio.md'), 'utf8');
    expect(text).toContain('2 repositories');
    expect(text).toMatch(/^\| api \| \d+ \| [1-9]\d* \|/m);
    expect(text).toMatch(/^\| web \| 100 \| 0 \| 0 \|/m);
    expect(text).toContain('api: `a.sh:2:1`');
  });

  it('scans a folder and writes HTML; a file that is not a saved result is exit 2', async () => {
    const p = project({ 'repo/a.sh': '#!/bin/sh\napt-get update\n', 'bad.json': '{"version": 1}' });
    cleanups.push(p.cleanup);
    const r = await cli(p.root, ['report', 'repo', '-o', 'r.html']);
    expect(r.code).toBe(0);
    const html = readFileSync(join(p.root, 'r.html'), 'utf8');
    expect(html).toContain('Repository <b>repo</b>');
    expect(html).toContain('<code>a.sh:2:1</code>');
    const bad = await cli(p.root, ['report', 'bad.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json is not a saved azl-migrate JSON report');
  });
});
