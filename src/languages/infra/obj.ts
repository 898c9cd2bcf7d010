import type { Span } from '../../core/source.js';
import type { EmbeddedSource } from '../../core/sourcemap.js';
import type { YValue } from '../ansible/facts.js';
import { scalarSource } from '../ansible/yaml.js';
import type { Setting } from './model.js';

/**
 * A configuration object seen the same way whether it comes from HCL (a block) or JSON (an object): Terraform and
 * Packer accept both syntaxes, so the mapping to VM and pipeline facts is written once against this view.
 */
export interface Obj {
  span: Span;
  headSpan: Span;
  bodyStart?: number;
  /** A scalar attribute. */
  get(key: string): Setting | undefined;
  /** Nested blocks / objects with this name (JSON: an object or an array of objects). */
  children(key: string): Obj[];
  /** A list attribute's items (`inline = [...]`). */
  list(key: string): Setting[];
  /** The attribute's text as shell or YAML (a heredoc or a string), mapped to the host. */
  text(key: string): EmbeddedSource | undefined;
  /** Functions called by the attribute's expression (`base64encode`, `file`, `templatefile`). */
  calls(key: string): string[];
  /** First string argument of a call inside the attribute (`file("cloud-init.yaml")`). */
  callArg?(key: string): string | undefined;
  has(key: string): boolean;
}

/** A JSON (or YAML) string scalar as a setting: the span of its contents, exact when it had no escapes. */
export function ySetting(host: string, v: YValue | undefined): Setting | undefined {
  if (!v) return undefined;
  if (v.value === undefined) return { span: v.span, exact: v.exact, keySpan: v.keySpan };
  const raw = host.slice(v.span.start, v.span.end);
  const q = raw[0] === '"' || raw[0] === "'";
  const closed = q && raw.length >= 2 && raw.endsWith(raw[0]!);
  const span = q ? { start: v.span.start + 1, end: Math.max(v.span.start + 1, v.span.end - (closed ? 1 : 0)) } : v.span;
  const inner = host.slice(span.start, span.end);
  return { value: v.value, span, exact: inner === v.value, keySpan: v.keySpan };
}

/** A JSON object as an Obj (Terraform JSON, Packer JSON). */
export function jsonObj(host: string, v: YValue): Obj {
  const e = v.entries ?? new Map<string, YValue>();
  const objs = (x: YValue | undefined): Obj[] => (x?.entries ? [jsonObj(host, x)] : (x?.items ?? []).filter((i) => i.entries).map((i) => jsonObj(host, i)));
  return {
    span: v.span,
    headSpan: v.keySpan ?? { start: v.span.start, end: v.span.start + 1 },
    bodyStart: v.span.start + 1,
    get: (k) => {
      const x = e.get(k);
      return x && x.value !== undefined ? ySetting(host, x) : x ? { span: x.span, exact: x.exact, keySpan: x.keySpan } : undefined;
    },
    children: (k) => objs(e.get(k)),
    list: (k) => (e.get(k)?.items ?? []).map((i) => ySetting(host, i)!),
    text: (k) => {
      const x = e.get(k);
      return x?.value !== undefined ? scalarSource(host, x.span) : undefined;
    },
    calls: (k) => {
      const x = e.get(k)?.value ?? '';
      return [...x.matchAll(/\b([a-z][a-z0-9_]*)\(/g)].map((m) => m[1]!);
    },
    callArg: (k) => /\b(?:file|filebase64|templatefile)\(\s*"([^"]*)"/.exec(e.get(k)?.value ?? '')?.[1],
    has: (k) => e.has(k),
  };
}
