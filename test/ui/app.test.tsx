import { DOCS_BASE_URL } from '../../src/reporters/links.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import { App } from '../../src/ui/app.js';
import { createSession, fileKinds, type UiContext } from '../../src/ui/session.js';
import type { Prepared } from '../../src/ui/model.js';
import type { ScanFinding } from '../../src/policy/model.js';
import { visibleFindings } from '../../src/reporters/json.js';
import { FIXING_RULE, KNOWN_IDS, project, scanWithPolicy } from '../support/project.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanup();
  cleanups.splice(0).forEach((c) => c());
});

const KEY = { up: '\u001B[A', down: '\u001B[B', right: '\u001B[C', left: '\u001B[D', enter: '\r', esc: '\u001B', backspace: '\u007F' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// eslint-disable-next-line no-control-regex
const plain = (s: string | undefined) => (s ?? '').replace(/\u001B\[[0-9;]*m/g, '');

async function until(frame: () => string | undefined, test: (f: string) => boolean, what: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const f = plain(frame());
    if (test(f)) return f;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}; last frame:\n${plain(frame())}`);
}

let n = 0;
function finding(file: string, line: number, ruleId: string, extra: Partial<ScanFinding> = {}): ScanFinding {
  n++;
  return {
    ruleId,
    severity: 'warning',
    blocker: false,
    category: 'packages',
    file,
    span: { start: 0, end: 7 },
    line,
    column: 1,
    endLine: line,
    endColumn: 8,
    message: `message of ${ruleId} on line ${line}`,
    why: `why ${ruleId} breaks`,
    action: `what to do about ${ruleId}`,
    docsUrl: `rules/${ruleId}/rule.md`,
    evidence: `e${n}`,
    fingerprint: `fp${n}`,
    status: 'open',
    ...extra,
  };
}

const FINDINGS = [
  finding('install.sh', 2, 'pkgmgr/apt', { severity: 'error', blocker: true, category: 'package-manager', span: { start: 10, end: 17 }, fix: { title: 'Use dnf', safety: 'safe', edits: [{ span: { start: 10, end: 17 }, text: 'dnf' }] } }),
  finding('Dockerfile', 1, 'image/base-image', { severity: 'error', category: 'base-image', message: 'Base image ubuntu:22.04 is Ubuntu' }),
  finding('install.sh', 3, 'pkg/renamed', { message: 'libpq-dev is libpq-devel' }),
];
const SOURCES: Record<string, string> = { 'install.sh': '#!/bin/sh\napt-get update\napt-get install -y libpq-dev\n', Dockerfile: 'FROM ubuntu:22.04\n' };

function fakeCtx(log: string[] = []): UiContext {
  return {
    readSource: (f) => SOURCES[f],
    prepareFix: async (f) => ({ action: 'fix', file: f.file, title: 'Use dnf', diff: '--- a\n+++ b\n@@ -2 +2 @@\n-apt-get update\n+dnf update\n', apply: async () => void log.push(`fix ${f.file}:${f.line}`) }) satisfies Prepared,
    prepareSuppression: async (f, reason) => ({ action: 'suppress', file: f.file, title: `Suppress ${f.ruleId}`, diff: `@@ -1 +1,2 @@\n+# azl-migrate-ignore ${f.ruleId} -- ${reason}\n`, apply: async () => void log.push(`suppress ${f.file}:${f.line} ${reason}`) }),
    rescanFile: async (file) => FINDINGS.filter((f) => f.file === file).slice(1),
  };
}

function show(ctx = fakeCtx(), findings = FINDINGS, height = 30) {
  const kinds = { 'install.sh': 'shell', Dockerfile: 'dockerfile' };
  const r = render(<App findings={findings} kinds={kinds} target="azurelinux-4.0" filesScanned={2} ctx={ctx} height={height} />);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await sleep(20);
    }
  };
  // Ink renders asynchronously (and throttles frames): wait for the expected frame rather than for a fixed time.
  const has = (...texts: string[]) => until(r.lastFrame, (f) => texts.every((t) => f.includes(t)), texts.join(' and '));
  const lacks = (...texts: string[]) => until(r.lastFrame, (f) => texts.every((t) => !f.includes(t)), `no ${texts.join(' and ')}`);
  const selected = (re: RegExp) => until(r.lastFrame, (f) => re.test(selectedLine(f)), `selection ${re}`);
  return { ...r, press, has, lacks, selected, frame: () => plain(r.lastFrame()) };
}

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('›')) ?? '';

describe('interactive report: list and navigation', () => {
  it('shows the header (score, counts, categories, blockers), findings grouped by file, and the keys', async () => {
    const ui = show();
    const f = await ui.has('azl-migrate · azurelinux-4.0 · 2 files · readiness 92/100');
    expect(f).toContain('azl-migrate · azurelinux-4.0 · 2 files · readiness 92/100');
    expect(f).toContain('3 open: 2 error, 1 warning, 0 info · 1 blocker · 1 fixable');
    expect(f).toContain('by category: base-image 1, package-manager 1, packages 1');
    expect(f).toContain('blockers: pkgmgr/apt ×1');
    expect(f).toMatch(/Dockerfile \(1\)\n.*\n?install\.sh \(2\)/);
    expect(selectedLine(f)).toContain('image/base-image');
    expect(f).toContain('? help · q quit');
  });

  it('moves the selection with the arrows and j/k, and groups by rule with g', async () => {
    const ui = show();
    await ui.press(KEY.down);
    await ui.selected(/2:1\s+error\s+blocker pkgmgr\/apt \[fix\]/);
    await ui.press('j');
    await ui.selected(/pkg\/renamed/);
    await ui.press(KEY.down);
    await ui.selected(/pkg\/renamed/);
    await ui.press('k', KEY.up, KEY.up);
    await ui.selected(/image\/base\-image/);
    await ui.press('g');
    const f = await ui.has('group by rule');
    expect(f).toContain('group by rule');
    expect(f.indexOf('pkgmgr/apt (1)')).toBeLessThan(f.indexOf('image/base-image (1)'));
    expect(selectedLine(f)).toContain('Dockerfile:1');
  });

  it('filters by severity, category and file kind, searches, and x clears', async () => {
    const ui = show();
    await ui.press('s', 's');
    let f = await ui.has('severity warning');
    expect(f).toContain('severity warning');
    expect(f).toContain('showing 1 of 3');
    expect(f).not.toContain('image/base-image Base');
    await ui.press('s', 'c');
    f = await ui.has('severity all · category base-image');
    expect(f).toContain('severity all · category base-image');
    expect(f).toContain('showing 1 of 3');
    await ui.press('x', 't', 't');
    f = await ui.has('kind shell');
    expect(f).toContain('kind shell');
    expect(f).toContain('showing 2 of 3');
    await ui.press('x', '/', 'l', 'i', 'b', 'p', 'q');
    f = await ui.has('search "libpq"');
    expect(f).toContain('search "libpq"');
    expect(f).toContain('showing 1 of 3');
    expect(f).toContain('/libpq█');
    await ui.press(KEY.enter);
    await ui.lacks('/libpq█');
    await ui.press('/', 'z', KEY.esc);
    await ui.has('search "libpq"');
    await ui.press('/', 'z');
    await ui.has('No findings match');
    await ui.press(KEY.backspace, KEY.enter, 'x');
    await ui.has('showing 3 of 3');
  });

  it('shows the keyboard help on ?', async () => {
    const ui = show();
    await ui.press('?');
    await ui.has('filter by file kind (cycles)');
    await ui.press('?');
    await ui.lacks('filter by file kind (cycles)');
  });
});

describe('interactive report: detail', () => {
  it('shows the code frame, what / why / what to do, the docs link and the fix diff', async () => {
    const ui = show();
    await ui.press(KEY.down, KEY.enter);
    const f = await ui.has('install.sh:2:1 (shell)');
    expect(f).toContain('install.sh:2:1 (shell)');
    expect(f).toContain('  1 │ #!/bin/sh');
    expect(f).toContain('> 2 │ apt-get update');
    expect(f).toContain('    │ ^^^^^^^');
    expect(f).toContain('What: message of pkgmgr/apt on line 2');
    expect(f).toContain('Why: why pkgmgr/apt breaks');
    expect(f).toContain('What to do: what to do about pkgmgr/apt');
    expect(f).toContain(`Docs: ${DOCS_BASE_URL}rules/pkgmgr/apt/rule.md`);
    expect(f).toContain('Fix (safe): Use dnf');
    expect(f).toContain('-apt-get update');
    expect(f).toContain('+dnf update');
    await ui.press(KEY.down);
    await ui.has('Fix: no automatic fix');
    await ui.press(KEY.esc);
    await ui.has('install.sh (2)');
  });
});

describe('interactive report: changes', () => {
  it('f shows the diff first and writes only on y; n cancels', async () => {
    const log: string[] = [];
    const ui = show(fakeCtx(log));
    await ui.press(KEY.down, 'f');
    let f = await until(ui.lastFrame, (x) => x.includes('Apply fix'), 'the confirmation');
    expect(f).toContain('+dnf update');
    expect(f).toContain('y write install.sh');
    await ui.press('n');
    expect(log).toEqual([]);
    await ui.lacks('Apply fix');
    await ui.press('f');
    await until(ui.lastFrame, (x) => x.includes('Apply fix'), 'the confirmation');
    await ui.press('y');
    f = await until(ui.lastFrame, (x) => x.includes('Fixed:'), 'the outcome');
    expect(log).toEqual(['fix install.sh:2']);
    expect(f).toContain('showing 2 of 2');
  });

  it('f on a finding without a fix says so and writes nothing', async () => {
    const log: string[] = [];
    const ui = show(fakeCtx(log));
    await ui.press('f');
    await ui.has('image/base-image offers no automatic fix here');
    expect(log).toEqual([]);
  });

  it('i asks for a reason, shows the comment, and writes on y', async () => {
    const log: string[] = [];
    const ui = show(fakeCtx(log));
    await ui.press('i', KEY.enter);
    await ui.has('a suppression needs a reason');
    await ui.press('i', 'o', 'k', 'x', KEY.backspace, KEY.enter);
    const f = await until(ui.lastFrame, (x) => x.includes('Write suppression'), 'the confirmation');
    expect(f).toContain('+# azl-migrate-ignore image/base-image -- ok');
    await ui.press('y');
    await until(ui.lastFrame, (x) => x.includes('Suppressed:'), 'the outcome');
    expect(log).toEqual(['suppress Dockerfile:1 ok']);
  });

  it('end to end on a real file: fix one finding, then suppress another; the file is re-scanned each time', async () => {
    const p = project({ 'a.sh': '#!/bin/sh\napt-get update\napt-get install -y curl\n' });
    cleanups.push(p.cleanup);
    const result = await scanWithPolicy(p.root, {}, [FIXING_RULE]);
    const ctx = createSession({ result, root: p.root, rules: [FIXING_RULE], policy: { knownRuleIds: KNOWN_IDS, now: new Date('2026-06-15T12:00:00Z') } });
    const r = render(<App findings={visibleFindings(result)} kinds={fileKinds(result)} target={result.target} filesScanned={1} ctx={ctx} height={30} />);
    const press = async (k: string) => {
      r.stdin.write(k);
      await sleep(20);
    };
    const read = () => readFileSync(join(p.root, 'a.sh'), 'utf8');
    await sleep(20);
    expect(plain(r.lastFrame())).toContain('showing 2 of 2');
    await press('f');
    let f = await until(r.lastFrame, (x) => x.includes('Apply fix'), 'the fix diff');
    expect(f).toContain('-apt-get update');
    expect(f).toContain('+dnf update');
    expect(read()).toContain('apt-get update'); // not yet
    await press('y');
    f = await until(r.lastFrame, (x) => x.includes('Fixed:'), 'the fix');
    expect(read()).toBe('#!/bin/sh\ndnf update\napt-get install -y curl\n');
    expect(f).toContain('showing 1 of 1');
    await press('i');
    for (const c of 'pinned') await press(c);
    await press(KEY.enter);
    f = await until(r.lastFrame, (x) => x.includes('Write suppression'), 'the suppression diff');
    expect(f).toContain('+# azl-migrate-ignore test/apt-to-dnf -- pinned');
    await press('y');
    f = await until(r.lastFrame, (x) => x.includes('Suppressed:'), 'the suppression');
    expect(read()).toBe('#!/bin/sh\ndnf update\n# azl-migrate-ignore test/apt-to-dnf -- pinned\napt-get install -y curl\n');
    expect(f).toContain('showing 0 of 0');
  });
});
