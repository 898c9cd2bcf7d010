import { SEVERITIES, SEVERITY_RANK, type Severity } from '../core/types.js';
import type { ScanFinding } from '../policy/model.js';
import { createTwoFilesPatch } from 'diff';
import { applyFixes } from '../core/fixer.js';
import { band, scoreTerms } from '../reporters/readiness.js';
import { helpUri } from '../reporters/links.js';

/**
 * The interactive report's state and everything it derives: selection, grouping, filters, search, modes.
 * Pure (no React, no Ink, no I/O): the components only render what this computes and dispatch actions.
 */

export type GroupBy = 'file' | 'rule';
export type Mode = 'list' | 'detail' | 'search' | 'help' | 'reason' | 'confirm';

/** A change prepared for one finding (a fix or a suppression comment), shown as a diff before it is written. */
export interface Prepared {
  action: 'fix' | 'suppress';
  file: string;
  /** What the change does, in one line. */
  title: string;
  /** Unified diff of the change. */
  diff: string;
  /** Write it (refuses if the file changed since it was read). */
  apply: () => Promise<void>;
}

export interface Filters {
  severity: Severity | null;
  category: string | null;
  /** A file kind (shell, dockerfile, ...). */
  kind: string | null;
}

export interface UiState {
  /** Every finding the report shows (before filters). */
  findings: ScanFinding[];
  /** File -> file kind. */
  kinds: Record<string, string>;
  groupBy: GroupBy;
  filters: Filters;
  /** Active search text (case-insensitive; matched against file, rule, message, evidence). */
  search: string;
  /** Search before the search line was opened (Esc restores it). */
  searchBefore: string;
  /** Key of the selected finding (see keyOf); null when nothing is shown. */
  selected: string | null;
  mode: Mode;
  /** Mode to return to from help or a prompt. */
  back: Mode;
  /** The reason typed for a suppression. */
  reason: string;
  pending: Prepared | null;
  /** Work in progress (preparing or writing a change). */
  busy: string | null;
  /** Last outcome, shown in the status line. */
  message: { text: string; error: boolean } | null;
  /** Work the App is asked to do (async, outside the reducer); `seq` makes each request distinct. */
  request: Request | null;
}

export type Request =
  | { seq: number; kind: 'fix'; finding: ScanFinding }
  | { seq: number; kind: 'suppress'; finding: ScanFinding; reason: string }
  | { seq: number; kind: 'apply'; pending: Prepared }
  | { seq: number; kind: 'exit' };

/** The parts of a key press the report reacts to (Ink's Key has these fields). */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'toggleGroup' }
  | { type: 'cycleSeverity' }
  | { type: 'cycleCategory' }
  | { type: 'cycleKind' }
  | { type: 'clearFilters' }
  | { type: 'openSearch' }
  | { type: 'searchInput'; text: string }
  | { type: 'searchBackspace' }
  | { type: 'searchCommit' }
  | { type: 'searchCancel' }
  | { type: 'openDetail' }
  | { type: 'closeDetail' }
  | { type: 'toggleHelp' }
  | { type: 'openReason' }
  | { type: 'reasonInput'; text: string }
  | { type: 'reasonBackspace' }
  | { type: 'cancel' }
  | { type: 'busy'; text: string }
  | { type: 'prepared'; pending: Prepared }
  | { type: 'failed'; text: string }
  | { type: 'applied'; file: string; findings: ScanFinding[]; text: string }
  | { type: 'startFix' }
  | { type: 'submitReason' }
  | { type: 'confirm' }
  | { type: 'quit' }
  /** A key press, mapped to one of the actions above by keyAction (from the state at that moment). */
  | { type: 'key'; input: string; key: KeyInfo; page?: number };


export function keyOf(f: ScanFinding): string {
  return `${f.ruleId}\u0000${f.fingerprint}`;
}

export function initialState(findings: ScanFinding[], kinds: Record<string, string> = {}): UiState {
  const s: UiState = {
    findings,
    kinds,
    groupBy: 'file',
    filters: { severity: null, category: null, kind: null },
    search: '',
    searchBefore: '',
    selected: null,
    mode: 'list',
    back: 'list',
    reason: '',
    pending: null,
    busy: null,
    message: null,
    request: null,
  };
  const first = ordered(s)[0];
  return { ...s, selected: first ? keyOf(first) : null };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byPlace = (a: ScanFinding, b: ScanFinding) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId);

export function matches(s: UiState, f: ScanFinding): boolean {
  const { severity, category, kind } = s.filters;
  if (severity && f.severity !== severity) return false;
  if (category && f.category !== category) return false;
  if (kind && (s.kinds[f.file] ?? 'other') !== kind) return false;
  if (s.search) {
    const q = s.search.toLowerCase();
    const hay = `${f.file}:${f.line}\n${f.ruleId}\n${f.message}\n${f.evidence}`.toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

export interface Group {
  /** File name or rule id. */
  label: string;
  findings: ScanFinding[];
}

/** The findings that pass the filters, grouped by file (sorted by name) or by rule (most severe first). */
export function groups(s: UiState): Group[] {
  const shown = s.findings.filter((f) => matches(s, f));
  const m = new Map<string, ScanFinding[]>();
  for (const f of shown) {
    const k = s.groupBy === 'file' ? f.file : f.ruleId;
    m.set(k, [...(m.get(k) ?? []), f]);
  }
  const out = [...m.entries()].map(([label, fs]) => ({ label, findings: fs.sort(byPlace) }));
  if (s.groupBy === 'file') out.sort((a, b) => cmp(a.label, b.label));
  else {
    const worst = (g: Group) => Math.max(...g.findings.map((f) => (f.blocker ? SEVERITY_RANK.error + 1 : SEVERITY_RANK[f.severity])));
    out.sort((a, b) => worst(b) - worst(a) || b.findings.length - a.findings.length || cmp(a.label, b.label));
  }
  return out;
}

/** The shown findings in display order. */
export function ordered(s: UiState): ScanFinding[] {
  return groups(s).flatMap((g) => g.findings);
}

export function selectedFinding(s: UiState): ScanFinding | undefined {
  return s.selected === null ? undefined : s.findings.find((f) => keyOf(f) === s.selected && matches(s, f));
}

/** Keep the selection on the same finding when it is still shown, else the nearest one (or the first). */
function reselect(s: UiState, prevIndex = 0): UiState {
  const list = ordered(s);
  if (list.some((f) => keyOf(f) === s.selected)) return s;
  const f = list[Math.min(Math.max(0, prevIndex), list.length - 1)];
  return { ...s, selected: f ? keyOf(f) : null };
}

const indexOfSelected = (s: UiState) => Math.max(0, ordered(s).findIndex((f) => keyOf(f) === s.selected));

function cycle<T>(values: T[], current: T | null): T | null {
  if (current === null) return values[0] ?? null;
  const i = values.indexOf(current);
  return i < 0 || i === values.length - 1 ? null : values[i + 1]!;
}

/** The values a filter can take: those present in the findings. */
export function filterValues(s: UiState, which: 'severity' | 'category' | 'kind'): string[] {
  if (which === 'severity') return SEVERITIES.filter((v) => s.findings.some((f) => f.severity === v));
  const vals = new Set(s.findings.map((f) => (which === 'category' ? f.category : (s.kinds[f.file] ?? 'other'))));
  return [...vals].sort();
}

let seq = 0;

/**
 * The action a key stands for in the current state (null: none). The keys are listed in help.tsx. Mapping
 * keys here, from the state the reducer holds, means no key is ever read against a stale view.
 */
export function keyAction(s: UiState, input: string, key: KeyInfo, page = 10): Action | null {
  if (s.busy) return null;
  const back = key.backspace || key.delete;
  const text = input && !key.ctrl && !key.meta ? input : '';
  switch (s.mode) {
    case 'search':
      return key.return ? { type: 'searchCommit' } : key.escape ? { type: 'searchCancel' } : back ? { type: 'searchBackspace' } : text ? { type: 'searchInput', text } : null;
    case 'reason':
      return key.return ? { type: 'submitReason' } : key.escape ? { type: 'cancel' } : back ? { type: 'reasonBackspace' } : text ? { type: 'reasonInput', text } : null;
    case 'confirm':
      return input === 'y' || input === 'Y' ? { type: 'confirm' } : input === 'n' || input === 'N' || input === 'q' || key.escape ? { type: 'cancel' } : null;
    case 'help':
      return input === '?' || input === 'q' || key.escape ? { type: 'toggleHelp' } : null;
    default:
      break;
  }
  if (key.upArrow || input === 'k') return { type: 'move', delta: -1 };
  if (key.downArrow || input === 'j') return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'move', delta: -page };
  if (key.pageDown) return { type: 'move', delta: page };
  if (key.home) return { type: 'home' };
  if (key.end) return { type: 'end' };
  if (s.mode === 'list' && (key.return || key.rightArrow)) return { type: 'openDetail' };
  if (s.mode === 'detail' && (key.escape || key.leftArrow || input === 'q')) return { type: 'closeDetail' };
  if (input === 'q') return { type: 'quit' };
  const simple: Record<string, Action> = {
    g: { type: 'toggleGroup' },
    s: { type: 'cycleSeverity' },
    c: { type: 'cycleCategory' },
    t: { type: 'cycleKind' },
    x: { type: 'clearFilters' },
    '/': { type: 'openSearch' },
    '?': { type: 'toggleHelp' },
    f: { type: 'startFix' },
    i: { type: 'openReason' },
  };
  return simple[input] ?? null;
}

export function reduce(s: UiState, a: Action): UiState {
  switch (a.type) {
    case 'key': {
      const b = keyAction(s, a.input, a.key, a.page);
      return b ? reduce(s, b) : s;
    }
    case 'startFix': {
      const f = selectedFinding(s);
      if (!f) return s;
      if (!f.fix) return { ...s, message: { text: `${f.ruleId} offers no automatic fix here; see what to do (Enter)`, error: true } };
      return { ...s, busy: `preparing the fix for ${f.file}:${f.line}…`, message: null, back: s.mode === 'detail' ? 'detail' : 'list', request: { seq: ++seq, kind: 'fix', finding: f } };
    }
    case 'submitReason': {
      const f = selectedFinding(s);
      if (!f) return { ...s, mode: s.back };
      if (!s.reason.trim()) return { ...s, mode: s.back, reason: '', message: { text: 'a suppression needs a reason; nothing was written', error: true } };
      return { ...s, busy: 'preparing the suppression comment…', request: { seq: ++seq, kind: 'suppress', finding: f, reason: s.reason } };
    }
    case 'confirm':
      return s.pending ? { ...s, busy: `writing ${s.pending.file}…`, request: { seq: ++seq, kind: 'apply', pending: s.pending } } : s;
    case 'quit':
      return { ...s, request: { seq: ++seq, kind: 'exit' } };
    case 'move': {
      const list = ordered(s);
      if (!list.length) return s;
      const i = Math.min(list.length - 1, Math.max(0, indexOfSelected(s) + a.delta));
      return { ...s, selected: keyOf(list[i]!), message: null };
    }
    case 'home':
    case 'end': {
      const list = ordered(s);
      const f = a.type === 'home' ? list[0] : list[list.length - 1];
      return f ? { ...s, selected: keyOf(f) } : s;
    }
    case 'toggleGroup':
      return { ...s, groupBy: s.groupBy === 'file' ? 'rule' : 'file' };
    case 'cycleSeverity':
    case 'cycleCategory':
    case 'cycleKind': {
      const which = a.type === 'cycleSeverity' ? 'severity' : a.type === 'cycleCategory' ? 'category' : 'kind';
      const i = indexOfSelected(s);
      const next = { ...s, filters: { ...s.filters, [which]: cycle(filterValues(s, which), s.filters[which]) } };
      return reselect(next, i);
    }
    case 'clearFilters':
      return reselect({ ...s, filters: { severity: null, category: null, kind: null }, search: '' }, indexOfSelected(s));
    case 'openSearch':
      return { ...s, mode: 'search', back: s.mode === 'detail' ? 'list' : s.mode, searchBefore: s.search };
    case 'searchInput':
      return reselect({ ...s, search: s.search + a.text.replace(/[\r\n]/g, '') });
    case 'searchBackspace':
      return reselect({ ...s, search: s.search.slice(0, -1) });
    case 'searchCommit':
      return { ...s, mode: 'list' };
    case 'searchCancel':
      return reselect({ ...s, mode: 'list', search: s.searchBefore });
    case 'openDetail':
      return selectedFinding(s) ? { ...s, mode: 'detail', message: null } : s;
    case 'closeDetail':
      return { ...s, mode: 'list' };
    case 'toggleHelp':
      return s.mode === 'help' ? { ...s, mode: s.back } : { ...s, mode: 'help', back: s.mode };
    case 'openReason':
      return selectedFinding(s) ? { ...s, mode: 'reason', back: s.mode === 'detail' ? 'detail' : 'list', reason: '', message: null } : s;
    case 'reasonInput':
      return { ...s, reason: s.reason + a.text.replace(/[\r\n\t]/g, ' ') };
    case 'reasonBackspace':
      return { ...s, reason: s.reason.slice(0, -1) };
    case 'cancel':
      return { ...s, mode: s.mode === 'confirm' || s.mode === 'reason' || s.mode === 'help' ? s.back : 'list', pending: null, busy: null, reason: '' };
    case 'busy':
      return { ...s, busy: a.text, message: null, ...(s.mode === 'list' || s.mode === 'detail' ? { back: s.mode } : {}) };
    case 'prepared':
      return { ...s, busy: null, pending: a.pending, mode: 'confirm' };
    case 'failed':
      return { ...s, busy: null, pending: null, mode: s.mode === 'confirm' || s.mode === 'reason' ? s.back : s.mode, message: { text: a.text, error: true } };
    case 'applied': {
      // The file was rewritten: its findings are replaced by a fresh scan of it.
      const i = indexOfSelected(s);
      const findings = [...s.findings.filter((f) => f.file !== a.file), ...a.findings];
      const next = reselect({ ...s, findings, busy: null, pending: null, reason: '', mode: s.back === 'detail' ? 'list' : s.back, message: { text: a.text, error: false } }, i);
      return next;
    }
  }
}

/** One line of the list: a group header or a finding. */
export type Row = { type: 'group'; label: string; count: number } | { type: 'finding'; finding: ScanFinding; selected: boolean };

export function rows(s: UiState): Row[] {
  const out: Row[] = [];
  for (const g of groups(s)) {
    out.push({ type: 'group', label: g.label, count: g.findings.length });
    for (const f of g.findings) out.push({ type: 'finding', finding: f, selected: keyOf(f) === s.selected });
  }
  return out;
}

/** The rows that fit in `height` lines, scrolled so that the selected row is visible (with its group header when possible). */
export function visibleWindow(all: Row[], height: number): { rows: Row[]; above: number; below: number } {
  const h = Math.max(1, height);
  if (all.length <= h) return { rows: all, above: 0, below: 0 };
  const sel = Math.max(0, all.findIndex((r) => r.type === 'finding' && r.selected));
  let start = Math.max(0, sel - Math.floor(h / 2));
  start = Math.min(start, all.length - h);
  return { rows: all.slice(start, start + h), above: start, below: all.length - start - h };
}

export interface Summary {
  score: number;
  band: string;
  open: number;
  bySeverity: Record<Severity, number>;
  blockers: number;
  fixable: number;
  /** Categories by number of open findings. */
  byCategory: { label: string; count: number }[];
  /** Rules with blocking findings, most first. */
  blockingRules: { ruleId: string; count: number }[];
  baselined: number;
  suppressed: number;
}

/** The header's numbers: the readiness score (the formula of the readiness report) and counts of open findings. */
export function summary(findings: ScanFinding[]): Summary {
  const open = findings.filter((f) => (f.status ?? 'open') === 'open');
  const t = scoreTerms(findings.map((f) => ({ ...f, status: f.status ?? 'open' })));
  const count = (xs: string[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  };
  return {
    score: t.score,
    band: band(t.score, t.blockers),
    open: open.length,
    bySeverity: { error: open.filter((f) => f.severity === 'error').length, warning: open.filter((f) => f.severity === 'warning').length, info: open.filter((f) => f.severity === 'info').length },
    blockers: open.filter((f) => f.blocker).length,
    fixable: open.filter((f) => f.fix).length,
    byCategory: count(open.map((f) => f.category)).map(([label, n]) => ({ label, count: n })),
    blockingRules: count(open.filter((f) => f.blocker).map((f) => f.ruleId)).map(([ruleId, n]) => ({ ruleId, count: n })),
    baselined: findings.filter((f) => f.status === 'baselined').length,
    suppressed: findings.filter((f) => f.status === 'suppressed').length,
  };
}

/** A few lines of source around the finding, with line numbers; the finding's lines are marked. */
export interface FrameLine {
  line: number;
  text: string;
  marked: boolean;
  /** Caret underline under the finding's columns (single-line findings only). */
  caret?: string;
}

export function codeFrame(text: string, f: { line: number; column: number; endLine: number; endColumn: number }, context = 2, maxWidth = 160): FrameLine[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines[0]?.charCodeAt(0) === 0xfeff) lines[0] = lines[0].slice(1);
  const from = Math.max(1, f.line - context);
  const lastMarked = Math.min(f.endLine, f.line + 6);
  const to = Math.min(lines.length, lastMarked + context);
  const out: FrameLine[] = [];
  for (let n = from; n <= to; n++) {
    const raw = (lines[n - 1] ?? '').replace(/\t/g, ' ');
    const marked = n >= f.line && n <= f.endLine;
    const fl: FrameLine = { line: n, text: raw.length > maxWidth ? `${raw.slice(0, maxWidth - 1)}…` : raw, marked };
    if (marked && f.line === f.endLine && n === f.line) {
      const start = Math.max(0, f.column - 1);
      const width = Math.max(1, Math.min(f.endColumn - f.column, maxWidth - start));
      if (start < maxWidth) fl.caret = `${' '.repeat(start)}${'^'.repeat(width)}`;
    }
    out.push(fl);
  }
  return out;
}

/** The diff the finding's own fix would make to `text` (the scanned text), or why there is none. Pure. */
export function previewFix(text: string | undefined, f: ScanFinding): { diff: string } | { none: string } {
  if (!f.fix) return { none: 'no automatic fix; see what to do above' };
  if (text === undefined) return { none: 'the file cannot be read' };
  const r = applyFixes(text, [f.fix]);
  if (r.applied.length !== 1) return { none: 'the fix no longer applies to the file (it changed); scan again' };
  return { diff: createTwoFilesPatch(`a/${f.file}`, `b/${f.file}`, text, r.text, undefined, undefined, { context: 2 }) };
}

/** Diff lines worth showing (the ===/---/+++ file header dropped). */
export function diffBody(diff: string): string[] {
  const lines = diff.replace(/\n$/, '').split('\n');
  const at = lines.findIndex((l) => l.startsWith('@@'));
  return at < 0 ? lines : lines.slice(at);
}

/** The docs URL of a finding: rule docs relative to the package become full URLs. */
export function docsLink(f: { docsUrl: string }): string {
  if (!f.docsUrl) return '';
  return /^[a-z]+:\/\//i.test(f.docsUrl) ? f.docsUrl : helpUri(f.docsUrl);
}
