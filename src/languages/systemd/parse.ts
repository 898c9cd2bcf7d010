import type { Span } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import { subSource } from './embed.js';

/** One `Key=Value` assignment of a unit file, with host positions. Repeated keys stay separate entries. */
export interface UnitDirective {
  section: string;
  key: string;
  /** The logical value: continuations joined, surrounding blanks trimmed. '' is an empty assignment (a reset). */
  value: string;
  keySpan: Span;
  /** From the first character of the value to the end of its last continuation line. */
  valueSpan: Span;
  /** The whole assignment. */
  span: Span;
  exact: boolean;
  /** The value as embedded code: a same-length copy with continuations and comment lines blanked. */
  valueSource: EmbeddedSource;
  /** An empty assignment that resets earlier values of a list setting (`ExecStart=`). */
  reset: boolean;
}

export interface UnitSection {
  name: string;
  span: Span;
}

export interface UnitProblem {
  span: Span;
  message: string;
}

export interface UnitFile {
  /** File name (`web.service`), or the drop-in's name (`override.conf`). */
  name: string;
  /** Where it is installed, when known (a heredoc or copy destination). */
  path?: string;
  /** service, socket, timer, mount, path, target, ... (for a drop-in, that of its directory). */
  type: string;
  dropIn: boolean;
  sections: UnitSection[];
  directives: UnitDirective[];
  /** Host span of the whole unit text. */
  span: Span;
  /** 'file', 'heredoc', 'ansible copy content', 'cloud-init write_files', ... */
  origin: string;
  problems: UnitProblem[];
}

export const UNIT_TYPES = ['service', 'socket', 'timer', 'mount', 'automount', 'path', 'target', 'swap', 'slice', 'scope', 'device'];
const TYPE_RE = new RegExp(`\\.(${UNIT_TYPES.join('|')})(?:\\.(?:j2|jinja2?|in|tmpl|erb))?$`);
const DROPIN_RE = new RegExp(`\\.(${UNIT_TYPES.join('|')})\\.d/[^/]+\\.conf(?:\\.(?:j2|jinja2?|in|tmpl))?$`);

/** Unit type and drop-in flag from a path, or undefined when the path is not a unit file. */
export function unitKindOfPath(path: string): { type: string; dropIn: boolean; name: string } | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const d = DROPIN_RE.exec(path);
  if (d) return { type: d[1]!, dropIn: true, name };
  const m = TYPE_RE.exec(name);
  if (m) return { type: m[1]!, dropIn: false, name };
  return undefined;
}

const MAX_LINES = 100_000;

/**
 * Parse unit-file text (systemd.syntax(7)): `[Section]` headers, `Key=Value`, `#`/`;` comment lines, a trailing
 * backslash continues a value on the next line (comment lines inside a continuation are skipped), repeated
 * keys are kept in order and an empty value is a reset. Never throws: malformed lines become problems.
 */
export function parseUnit(src: EmbeddedSource, info: { name: string; path?: string; type: string; dropIn: boolean; origin: string }): UnitFile {
  const text = src.text;
  const unit: UnitFile = { ...info, sections: [], directives: [], span: src.hostSpan, problems: [] };
  const lines: { start: number; end: number }[] = [];
  for (let i = 0; i <= text.length && lines.length < MAX_LINES; ) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    let end = nl;
    if (end > i && text[end - 1] === '\r') end--;
    lines.push({ start: i, end });
    i = nl + 1;
  }
  const host = (s: number, e: number) => src.toHost({ start: s, end: e });
  let section = '';
  for (let li = 0; li < lines.length; li++) {
    const { start, end } = lines[li]!;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const s = start + lead;
    const body = raw.trim();
    if (body === '' || body[0] === '#' || body[0] === ';') continue;
    if (body[0] === '[') {
      const close = body.indexOf(']');
      const name = close > 0 ? body.slice(1, close) : body.slice(1);
      const span = host(s, s + body.length).span;
      if (close < 0 || close !== body.length - 1) unit.problems.push({ span, message: `malformed section header ${JSON.stringify(body.slice(0, 40))}` });
      section = name;
      unit.sections.push({ name, span });
      continue;
    }
    const eq = raw.indexOf('=', lead);
    if (eq < 0) {
      unit.problems.push({ span: host(s, end).span, message: `line is not a Key=Value assignment: ${JSON.stringify(body.slice(0, 40))}` });
      continue;
    }
    const key = raw.slice(lead, eq).trimEnd();
    if (!/^[A-Za-z0-9_.-]+$/.test(key)) {
      unit.problems.push({ span: host(s, start + eq).span, message: `malformed key ${JSON.stringify(key.slice(0, 40))}` });
      continue;
    }
    if (section === '') unit.problems.push({ span: host(s, start + eq).span, message: `${key}= appears before any [Section] header; systemd ignores it` });
    let vs = start + eq + 1;
    while (vs < end && (text[vs] === ' ' || text[vs] === '\t')) vs++;
    // Follow continuations.
    let lastEnd = end;
    let lj = li;
    const blanks: Span[] = [];
    while (endsWithContinuation(text, lines[lj]!.start, lines[lj]!.end) && lj + 1 < lines.length) {
      const contAt = text.lastIndexOf('\\', lines[lj]!.end);
      blanks.push({ start: contAt, end: lines[lj]!.end });
      lj++;
      // comment lines inside a continuation are ignored by systemd
      while (lj < lines.length && /^[ \t]*[#;]/.test(text.slice(lines[lj]!.start, lines[lj]!.end))) {
        blanks.push({ start: lines[lj]!.start, end: lines[lj]!.end });
        lj++;
      }
      if (lj >= lines.length) break;
      lastEnd = lines[lj]!.end;
    }
    li = Math.min(lj, lines.length - 1);
    let ve = Math.max(vs, lastEnd);
    while (ve > vs && /[ \t]/.test(text[ve - 1]!)) ve--;
    let masked = text.slice(vs, ve).split('');
    for (const b of blanks) for (let k = Math.max(b.start, vs); k < Math.min(b.end, ve); k++) masked[k - vs] = ' ';
    masked = masked.map((c) => (c === '\n' || c === '\r' ? ' ' : c));
    const maskedText = masked.join('');
    const value = maskedText.replace(/\s+/g, ' ').trim();
    const valueSource = subSource(src, vs, ve, maskedText);
    const k = host(s, start + lead + key.length);
    const v = host(vs, ve);
    unit.directives.push({
      section,
      key,
      value,
      keySpan: k.span,
      valueSpan: v.span,
      span: { start: k.span.start, end: Math.max(v.span.end, k.span.end) },
      exact: k.exact && v.exact,
      valueSource,
      reset: value === '',
    });
  }
  return unit;
}

function endsWithContinuation(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
  if (e <= start || text[e - 1] !== '\\') return false;
  const line = text.slice(start, e);
  if (/^[ \t]*[#;]/.test(line)) return false;
  return true;
}

/** Exec*= settings whose values are command lines. */
export const EXEC_KEYS = new Set(['ExecStart', 'ExecStartPre', 'ExecStartPost', 'ExecStop', 'ExecStopPost', 'ExecReload', 'ExecCondition']);

/**
 * The command part of an Exec*= value: the `-@:+!|` prefixes blanked (same length), so it can be read as argv.
 * `prefix` is the prefix as written (`!!` is reported by a rule).
 */
export function execCommand(d: UnitDirective): { prefix: string; prefixSpan: Span; source: EmbeddedSource } {
  const t = d.valueSource.text;
  const m = /^[ \t]*([-@:+!|]*)/.exec(t)!;
  const p = m[1]!;
  const ps = m[0].length - p.length;
  const masked = ' '.repeat(m[0].length) + t.slice(m[0].length);
  const prefixSpan = d.valueSource.toHost({ start: ps, end: ps + p.length }).span;
  return { prefix: p, prefixSpan, source: new EmbeddedSource(masked, d.valueSource.segments, d.valueSource.hostSpan) };
}
