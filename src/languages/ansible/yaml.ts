import { Composer, Parser, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YNode } from 'yaml';
import type { Span } from '../../core/source.js';
import type { EmbeddedSource } from '../../core/sourcemap.js';
import { SourceBuilder } from '../systemd/embed.js';
import { capProblems } from '../../core/notes.js';
import { styleAt, type YValue } from './facts.js';
import { PLAIN_NULL, quickYValues } from './yaml-quick.js';

export interface YamlProblem {
  offset: number;
  message: string;
}

export interface ParsedYaml {
  docs: Document.Parsed[];
  problems: YamlProblem[];
}

const MAX_DEPTH = 64;

export interface YamlValues {
  /** One value per document (a document without a node: a value-less YValue at offset 0). */
  roots: YValue[];
  problems: YamlProblem[];
}

/**
 * The documents of a YAML text as YValue trees: by the fast path for the usual block-style YAML (yaml-quick.ts),
 * else by the `yaml` library (parseYaml, toYValue), with the same trees either way.
 */
export function parseYamlValues(text: string): YamlValues {
  const quick = quickYValues(text);
  if (quick) return { roots: quick, problems: [] };
  const parsed = parseYaml(text);
  return { roots: parsed.docs.map((d) => toYValue(d.contents, text)), problems: parsed.problems };
}

/**
 * Parse YAML as Ansible and cloud-init read it (YAML 1.1), keeping source tokens for positions. The text is never
 * re-serialised. Errors become problems with offsets; the documents keep what could be composed.
 */
export function parseYaml(text: string): ParsedYaml {
  const problems: YamlProblem[] = [];
  const docs: Document.Parsed[] = [];
  const deep = tooDeep(text);
  if (deep !== undefined) {
    problems.push({ offset: deep, message: `YAML nested more than ${MAX_PARSE_NESTING} levels deep: not analysed` });
    return { docs, problems };
  }
  try {
    // Every scalar is composed as a string (the failsafe schema): YValues hold scalars' text, so resolving YAML 1.1
    // types (twelve regular expressions per plain scalar, a Date for a timestamp) was a fifth of the compose time
    // and gave nothing back but null, which toYValue recognises itself.
    const composer = new Composer({ keepSourceTokens: true, version: '1.1', schema: 'failsafe', uniqueKeys: false, strict: false });
    for (const doc of composer.compose(new Parser().parse(text), true)) {
      docs.push(doc);
      for (const e of doc.errors) problems.push({ offset: Math.max(0, Math.min(e.pos[0], text.length)), message: `YAML: ${firstLine(e.message)}` });
    }
  } catch (e) {
    problems.push({ offset: 0, message: `YAML could not be parsed: ${firstLine((e as Error).message)}` });
  }
  return { docs, problems: capped(problems, text) };
}

/**
 * YAML errors listed per file; the others are counted in one more problem. A template (Jinja `{% %}`, Terraform
 * `%{ }`) parsed as YAML gives an error for nearly every tag, dozens per file, which hid everything else in reports.
 */
export const MAX_YAML_PROBLEMS = 3;

function capped(problems: YamlProblem[], text: string): YamlProblem[] {
  if (problems.length <= MAX_YAML_PROBLEMS) return problems;
  problems.sort((a, b) => a.offset - b.offset);
  const template = /\{%|%\{|\{\{/.test(text) ? ' (template syntax such as {% %}, {{ }} or %{ } is not YAML until it is rendered)' : '';
  return capProblems(problems, MAX_YAML_PROBLEMS, (rest, at) => ({ offset: at.offset, message: `YAML: ${rest} more errors from this line on${template}; the file was analysed as far as possible` }));
}

/**
 * The yaml library composes nested collections recursively: thousands of levels overflow the stack, and when that
 * happens while V8 compiles a regular expression, the process dies (a fatal out-of-memory error, not an exception).
 * Real files nest a few dozen levels, so deeper text is refused before parsing.
 */
const MAX_PARSE_NESTING = 256;

/**
 * Offset where nesting exceeds MAX_PARSE_NESTING, by an over-estimate that needs no parse: flow brackets open at once
 * plus, per line, the indentation and the compact `- ` entries it starts with. undefined when it stays below.
 */
function tooDeep(text: string): number | undefined {
  let flow = 0;
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      block = 0;
      continue;
    }
    if (lineStart) {
      const n = text.charCodeAt(i + 1);
      if (c === 32 || c === 9 || (c === 45 /* - */ && (n === 32 || n === 9))) {
        block++;
        if (block > MAX_PARSE_NESTING) return i;
        continue;
      }
      lineStart = false;
    }
    if (c === 91 || c === 123) {
      if (++flow > MAX_PARSE_NESTING) return i;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0]!;
}

/** Host span of a node's value (without trailing comments and newlines). */
export function spanOf(node: YNode | null | undefined): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

const BINARY = 'tag:yaml.org,2002:binary';

/**
 * Convert a YAML node into a YValue tree. Aliases are not followed (so alias bombs cost nothing): an alias becomes a
 * value-less YValue at the alias' position. Nesting deeper than MAX_DEPTH is cut off.
 */
export function toYValue(node: unknown, host: string, depth = 0, keySpan?: Span): YValue {
  const n = node as YNode | null | undefined;
  const span = spanOf(n);
  if (!n || depth > MAX_DEPTH || isAlias(n)) return { span, exact: true, keySpan };
  if (isScalar(n)) {
    // A plain null (`~`, `null`, an empty value) is the empty string; numbers, booleans and dates stay as written.
    // A `!!binary` scalar is base64 of bytes, not text: it has no value (cloud-init's gzip'd write_files content).
    const v = n.value;
    const value = n.tag === BINARY ? undefined : v === null || v === undefined || (n.type === 'PLAIN' && PLAIN_NULL.test(String(v))) ? '' : String(v);
    return { value, span, exact: true, keySpan };
  }
  if (isSeq(n)) return { items: n.items.map((i) => toYValue(i, host, depth + 1)), span, exact: true, keySpan };
  if (isMap(n)) {
    const entries = new Map<string, YValue>();
    for (const p of n.items) {
      if (!isPair(p)) continue;
      const k = p.key as YNode | null;
      const key = isScalar(k) ? String(k.value) : undefined;
      // A plain `<<` is YAML 1.1's merge key (`<<: *defaults`), not an entry: its alias is not followed.
      if (key === undefined || (key === '<<' && isScalar(k) && k.type === 'PLAIN') || entries.has(key)) continue;
      entries.set(key, toYValue(p.value, host, depth + 1, spanOf(k)));
    }
    return { entries, span, exact: true, keySpan };
  }
  return { span, exact: true, keySpan };
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', '"': '"', '/': '/', '\\': '\\', ' ': ' ', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029', '\t': '\t' };

/**
 * The decoded content of a scalar as embedded code mapped to the host file: every character copied from the host
 * maps exactly; characters produced by escapes or line folding do not. Block scalars lose their indentation.
 */
export function scalarSource(host: string, span: Span): EmbeddedSource {
  const b = new SourceBuilder(host);
  const style = styleAt(host, span);
  const { start, end } = span;
  if (style === 'PLAIN') foldFlow(host, start, end, b, 'plain');
  else if (style === 'QUOTE_SINGLE') foldFlow(host, start + 1, Math.max(start + 1, end - 1), b, 'single');
  else if (style === 'QUOTE_DOUBLE') foldFlow(host, start + 1, Math.max(start + 1, end - 1), b, 'double');
  else block(host, start, end, b, style === 'BLOCK_FOLDED');
  return b.build(span);
}

function foldFlow(host: string, s: number, e: number, b: SourceBuilder, mode: 'plain' | 'single' | 'double'): void {
  let i = s;
  let runStart = i;
  const flush = (to: number) => {
    b.copy(runStart, to - runStart);
  };
  while (i < e) {
    const c = host[i]!;
    if (mode === 'single' && c === "'" && host[i + 1] === "'") {
      flush(i + 1);
      i += 2;
      runStart = i;
      continue;
    }
    if (mode === 'double' && c === '\\') {
      flush(i);
      const n = host[i + 1] ?? '';
      if (n === '\n' || n === '\r') {
        i += n === '\r' && host[i + 2] === '\n' ? 3 : 2;
        while (i < e && (host[i] === ' ' || host[i] === '\t')) i++;
      } else if (n === 'x' || n === 'u' || n === 'U') {
        const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
        const code = parseInt(host.slice(i + 2, i + 2 + len), 16);
        b.emit(Number.isFinite(code) ? String.fromCodePoint(code) : '');
        i += 2 + len;
      } else if (n === '"' || n === '\\' || n === '/' || n === ' ') {
        // The decoded character is the escaped one itself: map it to that host character.
        b.copy(i + 1, 1);
        i += 2;
      } else {
        b.emit(ESCAPES[n] ?? n);
        i += 2;
      }
      runStart = i;
      continue;
    }
    if (c === '\n' || (c === '\r' && host[i + 1] === '\n')) {
      // Line folding: trailing blanks, the break and leading blanks become one space; empty lines become newlines.
      let k = i;
      while (k > runStart && (host[k - 1] === ' ' || host[k - 1] === '\t')) k--;
      flush(k);
      let j = i;
      let breaks = 0;
      while (j < e && (host[j] === '\n' || host[j] === '\r' || host[j] === ' ' || host[j] === '\t')) {
        if (host[j] === '\n') breaks++;
        j++;
      }
      b.emit(breaks > 1 ? '\n'.repeat(breaks - 1) : ' ');
      i = j;
      runStart = i;
      continue;
    }
    i++;
  }
  flush(e);
}

function block(host: string, s: number, e: number, b: SourceBuilder, folded: boolean): void {
  const nl = host.indexOf('\n', s);
  if (nl < 0 || nl >= e) return;
  const header = host.slice(s, nl);
  const explicit = /[1-9]/.exec(header.replace(/#.*$/, ''));
  const lines: { start: number; end: number }[] = [];
  for (let i = nl + 1; i < e; ) {
    let j = host.indexOf('\n', i);
    if (j < 0 || j > e) j = e;
    lines.push({ start: i, end: j });
    i = j + 1;
  }
  let indent = 0;
  if (explicit) {
    // Explicit indentation is relative to the parent's indentation: the indentation of the header's line.
    const ls = host.lastIndexOf('\n', s - 1) + 1;
    indent = (/^[ ]*/.exec(host.slice(ls))![0].length) + Number(explicit[0]);
    const first = lines.find((l) => host.slice(l.start, l.end).trim() !== '');
    if (first) indent = Math.min(indent, /^[ ]*/.exec(host.slice(first.start, first.end))![0].length);
  } else {
    const first = lines.find((l) => host.slice(l.start, l.end).trim() !== '');
    indent = first ? /^[ ]*/.exec(host.slice(first.start, first.end))![0].length : 0;
  }
  lines.forEach((l, k) => {
    const cs = Math.min(l.start + indent, l.end);
    const content = host.slice(cs, l.end);
    b.copy(cs, l.end - cs);
    const last = k === lines.length - 1;
    if (last && l.end >= e) return;
    const next = lines[k + 1];
    const nextText = next ? host.slice(Math.min(next.start + indent, next.end), next.end) : '';
    const foldable = folded && content.trim() !== '' && !/^[ \t]/.test(content) && next !== undefined && nextText.trim() !== '' && !/^[ \t]/.test(nextText);
    if (foldable) b.emit(' ');
    else b.copy(l.end, 1);
  });
}
