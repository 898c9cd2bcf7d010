import { grammarParser } from '../grammar.js';
import type { Parser as TSParser } from 'web-tree-sitter';
import type { SNode as Node } from '../tree.js';
import type { Span } from '../../core/source.js';
import { SourceBuilder } from '../systemd/embed.js';
import type { EmbeddedSource } from '../../core/sourcemap.js';
import { maskedHost, type Setting } from '../infra/model.js';


/**
 * The HCL parser: tree-sitter-terraform from @tree-sitter-grammars/tree-sitter-hcl 1.2.0 (a superset of HCL2 that also
 * reads Terraform's for-expressions and template directives; Packer HCL is plain HCL2), loaded on first use only.
 *
 * Why this one. Fixes and findings need byte positions, and a Terraform file with an error must still be read:
 * - @cdktf/hcl2json (HashiCorp; WebAssembly build of tmccombs/hcl2json) converts HCL to JSON: no positions, and
 *   heredocs come back as decoded strings, so an embedded cloud-config cannot be mapped back to its lines;
 * - hcl2-parser (GopherJS build of the same hcl2json, 3.8 MB; its fork hcl2-json-parser calls the original "no
 *   longer maintained") and @evops/hcl-terraform-parser (module-level inspection only): no positions either;
 * - tree-sitter-hcl gives a concrete syntax tree with exact offsets for blocks, attributes, strings and heredoc
 *   templates, recovers from errors, and runs on web-tree-sitter, which azl-migrate already loads for bash: no
 *   second parser runtime, the same lazy wasm loading, a grammar kept by the tree-sitter-grammars organisation.
 */
export function hclParser(): Promise<TSParser> {
  return grammarParser('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
}

export interface HclAttr {
  name: string;
  keySpan: Span;
  span: Span;
  /** The `expression` node. */
  expr: Node;
}

export interface HclBlock {
  type: string;
  labels: string[];
  span: Span;
  /** Span of the header (type and labels) for findings about the block. */
  headSpan: Span;
  /** Offset just after `{`. */
  bodyStart: number;
  attrs: Map<string, HclAttr>;
  blocks: HclBlock[];
}

/** Blocks of a config body. */
export function blocksOf(body: Node | null): HclBlock[] {
  const out: HclBlock[] = [];
  if (!body) return out;
  for (const n of body.namedChildren) if (n.type === 'block') out.push(toBlock(n));
  return out;
}

function toBlock(n: Node): HclBlock {
  const ident = n.namedChildren.find((c) => c.type === 'identifier')!;
  const labels: string[] = [];
  let headEnd = ident.endIndex;
  for (const c of n.namedChildren) {
    if (c.type === 'string_lit') {
      labels.push(c.namedChildren.filter((x) => x.type === 'template_literal').map((x) => x.text).join(''));
      headEnd = c.endIndex;
    } else if (c.type === 'identifier' && c !== ident) {
      labels.push(c.text);
      headEnd = c.endIndex;
    }
  }
  const start = n.children.find((c) => c.type === 'block_start');
  const body = n.namedChildren.find((c) => c.type === 'body') ?? null;
  const attrs = new Map<string, HclAttr>();
  const blocks: HclBlock[] = [];
  for (const c of body?.namedChildren ?? []) {
    if (c.type === 'attribute') {
      const key = c.namedChildren.find((x) => x.type === 'identifier')!;
      const expr = c.namedChildren.find((x) => x.type === 'expression');
      if (expr && !attrs.has(key.text)) attrs.set(key.text, { name: key.text, keySpan: { start: key.startIndex, end: key.endIndex }, span: { start: c.startIndex, end: c.endIndex }, expr });
    } else if (c.type === 'block') blocks.push(toBlock(c));
  }
  return { type: ident.text, labels, span: { start: n.startIndex, end: n.endIndex }, headSpan: { start: n.startIndex, end: headEnd }, bodyStart: start ? start.endIndex : n.endIndex, attrs, blocks };
}

/** Unwrap `expression` / `literal_value` / `template_expr` wrappers. */
function inner(n: Node): Node {
  let cur = n;
  while ((cur.type === 'expression' || cur.type === 'literal_value' || cur.type === 'template_expr') && cur.namedChildren.length === 1) cur = cur.namedChildren[0]!;
  return cur;
}

function unescapeHcl(s: string): string {
  return s.replace(/\\(["\\ntr]|u[0-9a-fA-F]{4})|\$\$\{|%%\{/g, (m, e: string | undefined) => {
    if (m === '$${') return '${';
    if (m === '%%{') return '%{';
    if (!e) return m;
    if (e === 'n') return '\n';
    if (e === 't') return '\t';
    if (e === 'r') return '\r';
    if (e.startsWith('u')) return String.fromCharCode(parseInt(e.slice(1), 16));
    return e;
  });
}

/**
 * A setting from an attribute: a quoted string without interpolation gives its value and the span of its contents;
 * numbers and booleans give their text; anything else (variables, calls, interpolation) gives no value.
 */
export function settingOf(a: HclAttr | undefined): Setting | undefined {
  if (!a) return undefined;
  const n = inner(a.expr);
  const span = { start: n.startIndex, end: n.endIndex };
  if (n.type === 'string_lit' || n.type === 'quoted_template') {
    const parts = n.namedChildren.filter((c) => c.type !== 'quoted_template_start' && c.type !== 'quoted_template_end');
    // An unterminated string (`"abc` at the end of the file) has no closing quote to leave out.
    const closed = n.text.length >= 2 && n.text.endsWith('"');
    const contents = { start: n.startIndex + 1, end: Math.max(n.startIndex + 1, n.endIndex - (closed ? 1 : 0)) };
    if (parts.length === 0) return { value: '', span: contents, exact: true, keySpan: a.keySpan };
    if (parts.every((c) => c.type === 'template_literal')) {
      const raw = parts.map((c) => c.text).join('');
      const value = unescapeHcl(raw);
      return { value, span: contents, exact: value === raw, keySpan: a.keySpan };
    }
    return { span: contents, exact: true, keySpan: a.keySpan };
  }
  if (n.type === 'numeric_lit' || n.type === 'bool_lit') return { value: n.text, span, exact: true, keySpan: a.keySpan };
  return { span, exact: true, keySpan: a.keySpan };
}

/** The heredoc inside an expression (`<<-EOF`, possibly wrapped in base64encode(...)), as embedded text. */
export function heredocSource(host: string, a: HclAttr | undefined): EmbeddedSource | undefined {
  if (!a) return undefined;
  const h = findDescendant(a.expr, 'heredoc_template');
  if (!h) return undefined;
  const ids = h.namedChildren.filter((c) => c.type === 'heredoc_identifier');
  const strip = h.namedChildren.find((c) => c.type === 'heredoc_start')?.text === '<<-';
  if (ids.length < 2) return undefined;
  const open = ids[0]!;
  const close = ids[ids.length - 1]!;
  let start = host.indexOf('\n', open.endIndex);
  if (start < 0) return undefined;
  start += 1;
  const end = host.lastIndexOf('\n', close.startIndex) + 1;
  if (end <= start) return undefined;
  const lines: { s: number; e: number }[] = [];
  for (let p = start; p < end; ) {
    const nl = host.indexOf('\n', p);
    const e = nl < 0 || nl >= end ? end : nl + 1;
    lines.push({ s: p, e });
    p = e;
  }
  // `<<-` strips the smallest indentation of the non-blank lines (HCL spec); each line is copied without it.
  let indent = 0;
  if (strip) {
    indent = Infinity;
    for (const l of lines) {
      const t = host.slice(l.s, l.e);
      if (!t.trim()) continue;
      indent = Math.min(indent, /^[ \t]*/.exec(t)![0].length);
    }
    if (!Number.isFinite(indent)) indent = 0;
  }
  const b = new SourceBuilder(maskedHost(host));
  for (const l of lines) {
    const t = host.slice(l.s, l.e);
    const cut = t.trim() ? indent : Math.min(indent, t.length - (t.endsWith('\n') ? 1 : 0));
    b.copy(l.s + cut, l.e - l.s - cut);
  }
  return b.build({ start, end });
}

export function findDescendant(n: Node, type: string): Node | undefined {
  if (n.type === type) return n;
  for (const c of n.namedChildren) {
    const f = findDescendant(c, type);
    if (f) return f;
  }
  return undefined;
}

/** Function names called in an expression (`base64encode`, `file`, `templatefile`). */
export function callsIn(n: Node): { name: string; node: Node }[] {
  const out: { name: string; node: Node }[] = [];
  const walk = (x: Node) => {
    if (x.type === 'function_call') {
      const id = x.namedChildren.find((c) => c.type === 'identifier');
      if (id) out.push({ name: id.text, node: x });
    }
    for (const c of x.namedChildren) walk(c);
  };
  walk(n);
  return out;
}

/** Items of a tuple expression (`["a", "b"]`), each as a setting. */
export function tupleItems(a: HclAttr | undefined): Setting[] {
  if (!a) return [];
  const t = findDescendant(a.expr, 'tuple');
  if (!t) return [];
  return t.namedChildren.filter((c) => c.type === 'expression').map((c) => settingOf({ name: a.name, keySpan: a.keySpan, span: a.span, expr: c })!);
}

/** Shell text of a quoted string for the shell analysis: contents with escapes, mapped exactly when none. */
export function stringSource(host: string, s: Setting): EmbeddedSource {
  const b = new SourceBuilder(maskedHost(host));
  if (s.value === undefined || s.exact) b.copy(s.span.start, s.span.end - s.span.start);
  else b.emit(s.value);
  return b.build(s.span);
}
