import { describe, expect, it } from 'vitest';
import type { ScanFinding } from '../../src/policy/model.js';
import { codeFrame, groups, initialState, keyOf, ordered, previewFix, reduce, rows, selectedFinding, summary, visibleWindow, type Action, type UiState } from '../../src/ui/model.js';

let n = 0;
function finding(file: string, line: number, ruleId: string, extra: Partial<ScanFinding> = {}): ScanFinding {
  n++;
  return {
    ruleId,
    severity: 'warning',
    blocker: false,
    category: 'packages',
    file,
    span: { start: line * 10, end: line * 10 + 3 },
    line,
    column: 1,
    endLine: line,
    endColumn: 4,
    message: `${ruleId} at ${file}:${line}`,
    why: 'why',
    action: 'do this',
    docsUrl: `rules/${ruleId}/rule.md`,
    evidence: `evidence ${n}`,
    fingerprint: `fp${n}`,
    status: 'open',
    ...extra,
  };
}

const F = [
  finding('b.sh', 3, 'pkgmgr/apt', { severity: 'error', blocker: true, category: 'package-manager' }),
  finding('Dockerfile', 1, 'image/base-image', { severity: 'error', category: 'base-image' }),
  finding('b.sh', 1, 'pkg/renamed'),
  finding('a.yml', 7, 'pkgmgr/apt', { severity: 'error', blocker: true, category: 'package-manager' }),
  finding('a.yml', 2, 'pkgmgr/cache-paths', { severity: 'info', category: 'package-manager' }),
];
const KINDS = { 'b.sh': 'shell', Dockerfile: 'dockerfile', 'a.yml': 'ansible' };
const run = (s: UiState, ...as: Action[]) => as.reduce(reduce, s);
const where = (s: UiState) => ordered(s).map((f) => `${f.file}:${f.line}`);
const sel = (s: UiState) => {
  const f = selectedFinding(s);
  return f ? `${f.file}:${f.line}` : null;
};

describe('ui model: grouping and selection', () => {
  it('groups by file (sorted by name, then line) and selects the first finding', () => {
    const s = initialState(F, KINDS);
    expect(groups(s).map((g) => [g.label, g.findings.length])).toEqual([
      ['Dockerfile', 1],
      ['a.yml', 2],
      ['b.sh', 2],
    ]);
    expect(where(s)).toEqual(['Dockerfile:1', 'a.yml:2', 'a.yml:7', 'b.sh:1', 'b.sh:3']);
    expect(sel(s)).toBe('Dockerfile:1');
    expect(rows(s).map((r) => (r.type === 'group' ? `[${r.label}]` : `${r.finding.line}${r.selected ? '*' : ''}`))).toEqual(['[Dockerfile]', '1*', '[a.yml]', '2', '7', '[b.sh]', '1', '3']);
  });

  it('groups by rule, blocking rules first, and keeps the selection on the same finding', () => {
    let s = run(initialState(F, KINDS), { type: 'move', delta: 2 });
    expect(sel(s)).toBe('a.yml:7');
    s = run(s, { type: 'toggleGroup' });
    expect(groups(s).map((g) => g.label)).toEqual(['pkgmgr/apt', 'image/base-image', 'pkg/renamed', 'pkgmgr/cache-paths']);
    expect(sel(s)).toBe('a.yml:7');
    expect(run(s, { type: 'toggleGroup' }).groupBy).toBe('file');
  });

  it('moves within bounds: up, down, page, home, end', () => {
    const s = initialState(F, KINDS);
    expect(sel(run(s, { type: 'move', delta: -1 }))).toBe('Dockerfile:1');
    expect(sel(run(s, { type: 'move', delta: 1 }, { type: 'move', delta: 1 }))).toBe('a.yml:7');
    expect(sel(run(s, { type: 'move', delta: 100 }))).toBe('b.sh:3');
    expect(sel(run(s, { type: 'end' }, { type: 'home' }))).toBe('Dockerfile:1');
  });
});

describe('ui model: filters and search', () => {
  it('cycles the severity filter through the severities present, then back to all', () => {
    let s = initialState(F, KINDS);
    s = run(s, { type: 'cycleSeverity' });
    expect(s.filters.severity).toBe('error');
    expect(where(s)).toEqual(['Dockerfile:1', 'a.yml:7', 'b.sh:3']);
    s = run(s, { type: 'cycleSeverity' });
    expect(s.filters.severity).toBe('warning');
    expect(where(s)).toEqual(['b.sh:1']);
    expect(sel(s)).toBe('b.sh:1');
    s = run(s, { type: 'cycleSeverity' }, { type: 'cycleSeverity' });
    expect(s.filters.severity).toBeNull();
    expect(where(s)).toHaveLength(5);
  });

  it('filters by category and by file kind, and x clears everything', () => {
    let s = run(initialState(F, KINDS), { type: 'cycleCategory' });
    expect(s.filters.category).toBe('base-image');
    expect(where(s)).toEqual(['Dockerfile:1']);
    s = run(s, { type: 'cycleCategory' }, { type: 'cycleKind' });
    expect([s.filters.category, s.filters.kind]).toEqual(['package-manager', 'ansible']);
    expect(where(s)).toEqual(['a.yml:2', 'a.yml:7']);
    s = run(s, { type: 'clearFilters' });
    expect(where(s)).toHaveLength(5);
  });

  it('searches file, rule and message as typed; Enter keeps the search, Esc restores the previous one', () => {
    let s = run(initialState(F, KINDS), { type: 'openSearch' }, { type: 'searchInput', text: 'b.s' }, { type: 'searchInput', text: 'h' });
    expect(s.mode).toBe('search');
    expect(where(s)).toEqual(['b.sh:1', 'b.sh:3']);
    expect(sel(s)).toBe('b.sh:1');
    s = run(s, { type: 'searchBackspace' }, { type: 'searchInput', text: 'h' }, { type: 'searchCommit' });
    expect([s.mode, s.search]).toEqual(['list', 'b.sh']);
    s = run(s, { type: 'openSearch' }, { type: 'searchInput', text: 'zzz' });
    expect(where(s)).toEqual([]);
    expect(selectedFinding(s)).toBeUndefined();
    s = run(s, { type: 'searchCancel' });
    expect(s.search).toBe('b.sh');
    expect(where(s)).toEqual(['b.sh:1', 'b.sh:3']);
    expect(where(run(initialState(F, KINDS), { type: 'openSearch' }, { type: 'searchInput', text: 'CACHE-PATHS' }))).toEqual(['a.yml:2']);
  });
});

describe('ui model: modes', () => {
  it('opens and closes the detail view; help returns to where it was opened', () => {
    let s = run(initialState(F, KINDS), { type: 'openDetail' });
    expect(s.mode).toBe('detail');
    s = run(s, { type: 'toggleHelp' });
    expect(s.mode).toBe('help');
    s = run(s, { type: 'toggleHelp' }, { type: 'closeDetail' });
    expect(s.mode).toBe('list');
    expect(run(initialState([], {}), { type: 'openDetail' }).mode).toBe('list');
  });

  it('a suppression reason is typed, then prepared, confirmed and applied; the file\'s findings are replaced', () => {
    let s = run(initialState(F, KINDS), { type: 'move', delta: 3 }, { type: 'openDetail' }, { type: 'openReason' });
    expect([s.mode, s.back]).toEqual(['reason', 'detail']);
    s = run(s, { type: 'reasonInput', text: 'legacy\nbuild' }, { type: 'reasonBackspace' }, { type: 'reasonInput', text: 'd' });
    expect(s.reason).toBe('legacy build');
    s = run(s, { type: 'busy', text: 'preparing' });
    const pending = { action: 'suppress' as const, file: 'b.sh', title: 't', diff: '', apply: async () => undefined };
    s = run(s, { type: 'prepared', pending });
    expect([s.mode, s.busy, s.pending]).toEqual(['confirm', null, pending]);
    expect(run(s, { type: 'cancel' }).mode).toBe('detail');
    const fresh = [finding('b.sh', 4, 'pkgmgr/apt', { severity: 'error', blocker: true, category: 'package-manager' })];
    s = run(s, { type: 'applied', file: 'b.sh', findings: fresh, text: 'Suppressed' });
    expect(s.mode).toBe('list');
    expect(s.message).toEqual({ text: 'Suppressed', error: false });
    expect(where(s)).toEqual(['Dockerfile:1', 'a.yml:2', 'a.yml:7', 'b.sh:4']);
    expect(sel(s)).toBe('b.sh:4');
  });

  it('a failure returns to the view the action started from, with the message', () => {
    let s = run(initialState(F, KINDS), { type: 'openDetail' }, { type: 'busy', text: 'x' }, { type: 'failed', text: 'no fix' });
    expect([s.mode, s.busy, s.message]).toEqual(['detail', null, { text: 'no fix', error: true }]);
    s = run(s, { type: 'openReason' }, { type: 'failed', text: 'needs a reason' });
    expect(s.mode).toBe('detail');
  });
});

describe('ui model: derived views', () => {
  it('the header summary uses the readiness formula over open findings', () => {
    const s = summary([...F, finding('c.sh', 1, 'pkg/renamed', { status: 'suppressed' }), finding('c.sh', 2, 'pkg/renamed', { status: 'baselined' })]);
    // blockers 2 (12), other errors 1 (2), warnings 2 (1: one open, one baselined) -> 100 - 12 - 2 - 1 = 85
    expect(s.score).toBe(85);
    expect(s.band).toMatch(/^blocked/);
    expect([s.open, s.bySeverity, s.blockers, s.baselined, s.suppressed]).toEqual([5, { error: 3, warning: 1, info: 1 }, 2, 1, 1]);
    expect(s.byCategory[0]).toEqual({ label: 'package-manager', count: 3 });
    expect(s.blockingRules).toEqual([{ ruleId: 'pkgmgr/apt', count: 2 }]);
  });

  it('the list window keeps the selected row in view', () => {
    let s = initialState(Array.from({ length: 30 }, (_, i) => finding('x.sh', i + 1, 'pkg/renamed')), { 'x.sh': 'shell' });
    s = run(s, { type: 'move', delta: 20 });
    const w = visibleWindow(rows(s), 10);
    expect(w.rows).toHaveLength(10);
    expect(w.rows.some((r) => r.type === 'finding' && r.selected)).toBe(true);
    expect(w.above + w.below + 10).toBe(31);
    expect(visibleWindow(rows(s), 100)).toMatchObject({ above: 0, below: 0 });
  });

  it('the code frame numbers lines, marks the finding and underlines its columns', () => {
    const text = 'one\ntwo\n\tapt-get update\nfour\nfive\nsix\n';
    expect(codeFrame(text, { line: 3, column: 2, endLine: 3, endColumn: 9 })).toEqual([
      { line: 1, text: 'one', marked: false },
      { line: 2, text: 'two', marked: false },
      { line: 3, text: ' apt-get update', marked: true, caret: ' ^^^^^^^' },
      { line: 4, text: 'four', marked: false },
      { line: 5, text: 'five', marked: false },
    ]);
    expect(codeFrame('a\r\nb\r\n', { line: 2, column: 1, endLine: 2, endColumn: 2 }).map((l) => l.text)).toEqual(['a', 'b', '']);
  });

  it('previews the diff of the finding\'s own fix', () => {
    const f = finding('a.sh', 2, 'test/x', { span: { start: 10, end: 17 }, fix: { title: 'use dnf', safety: 'safe', edits: [{ span: { start: 10, end: 17 }, text: 'dnf' }] } });
    const p = previewFix('#!/bin/sh\napt-get update\n', f);
    expect('diff' in p && p.diff).toContain('-apt-get update\n+dnf update\n');
    expect(previewFix(undefined, f)).toEqual({ none: 'the file cannot be read' });
    expect(previewFix('short', f)).toMatchObject({ none: expect.stringMatching(/no longer applies/) });
    expect(previewFix('x', finding('a.sh', 1, 'test/y'))).toMatchObject({ none: expect.stringMatching(/no automatic fix/) });
  });

  it('keys are stable per finding', () => {
    expect(new Set(F.map(keyOf)).size).toBe(F.length);
  });
});

describe('ui model: keys', () => {
  it('maps keys from the current state: list keys, text in the search line, y only in a confirmation, nothing while busy', async () => {
    const { keyAction } = await import('../../src/ui/model.js');
    const s = initialState(F, KINDS);
    expect(keyAction(s, 'j', {})).toEqual({ type: 'move', delta: 1 });
    expect(keyAction(s, '', { pageDown: true }, 7)).toEqual({ type: 'move', delta: 7 });
    expect(keyAction(s, '', { return: true })).toEqual({ type: 'openDetail' });
    expect(keyAction(s, 'y', {})).toBeNull();
    expect(keyAction(s, 'q', {})).toEqual({ type: 'quit' });
    const searching = run(s, { type: 'openSearch' });
    expect(keyAction(searching, 'q', {})).toEqual({ type: 'searchInput', text: 'q' });
    const detail = run(s, { type: 'openDetail' });
    expect(keyAction(detail, 'q', {})).toEqual({ type: 'closeDetail' });
    expect(keyAction(run(s, { type: 'busy', text: 'x' }), 'j', {})).toBeNull();
    const quit = run(s, { type: 'key', input: 'q', key: {} });
    expect(quit.request).toMatchObject({ kind: 'exit' });
    // f on a finding with no fix says so and asks for nothing
    const nofix = run(s, { type: 'key', input: 'f', key: {} });
    expect([nofix.request, nofix.message?.error]).toEqual([null, true]);
    // an empty reason is refused without a request
    const empty = run(s, { type: 'key', input: 'i', key: {} }, { type: 'key', input: '', key: { return: true } });
    expect([empty.mode, empty.request, empty.message?.text]).toEqual(['list', null, 'a suppression needs a reason; nothing was written']);
    const typed = run(s, { type: 'key', input: 'i', key: {} }, { type: 'key', input: 'ok', key: {} }, { type: 'key', input: '', key: { return: true } });
    expect(typed.request).toMatchObject({ kind: 'suppress', reason: 'ok', finding: { file: 'Dockerfile' } });
  });
});
