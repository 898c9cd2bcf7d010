import type { HclAttr, HclBlock } from './hcl.js';
import { callsIn, findDescendant, heredocSource, settingOf, stringSource, tupleItems } from './hcl.js';
import type { Obj } from '../infra/obj.js';
import type { Setting } from '../infra/model.js';

/** `var.x` and `local.x` with a literal value in the same file: the value and the span of its definition. */
export type HclValues = Map<string, Setting> & { attrs?: Map<string, HclAttr> };

/** Literal `variable "x" { default = "..." }` and `locals { x = "..." }` of one file. */
export function fileValues(blocks: HclBlock[]): HclValues {
  const out: HclValues = new Map();
  out.attrs = new Map();
  for (const b of blocks) {
    if (b.type === 'variable' && b.labels[0]) {
      const da = b.attrs.get('default');
      if (da) out.attrs.set(`var.${b.labels[0]}`, da);
      const d = settingOf(da);
      if (d?.value !== undefined) out.set(`var.${b.labels[0]}`, d);
    } else if (b.type === 'locals') {
      for (const [k, a] of b.attrs) {
        out.attrs.set(`local.${k}`, a);
        const d = settingOf(a);
        if (d?.value !== undefined) out.set(`local.${k}`, d);
      }
    }
  }
  return out;
}

/** An HCL block as an Obj; attributes that are `var.x`/`local.x` resolve through `values`. */
export function hclObj(host: string, b: HclBlock, values: HclValues = new Map()): Obj {
  const get = (k: string): Setting | undefined => {
    const a = b.attrs.get(k);
    const s = settingOf(a);
    if (!a || !s || s.value !== undefined) return s;
    const ref = values.get(host.slice(s.span.start, s.span.end).trim());
    return ref ? { ...ref, keySpan: s.keySpan } : s;
  };
  return {
    span: b.span,
    headSpan: b.headSpan,
    bodyStart: b.bodyStart,
    get,
    children: (k) => b.blocks.filter((x) => x.type === k).map((x) => hclObj(host, x, values)),
    list: (k) => tupleItems(b.attrs.get(k)),
    text: (k) => {
      let a = b.attrs.get(k);
      // `custom_data = base64encode(local.cloud_init)`: the heredoc of the local (or variable default).
      const ref = a && !findDescendant(a.expr, 'heredoc_template') ? /^(?:base64encode\(\s*)?((?:local|var)\.[A-Za-z_][\w-]*)\s*\)?$/.exec(a.expr.text.trim()) : null;
      if (ref && values.attrs?.has(ref[1]!)) a = values.attrs.get(ref[1]!);
      const h = heredocSource(host, a);
      if (h) return h;
      const s = settingOf(a);
      return s && s.value !== undefined && host[s.span.start - 1] === '"' ? stringSource(host, s) : undefined;
    },
    calls: (k) => {
      const a = b.attrs.get(k);
      return a ? callsIn(a.expr).map((c) => c.name) : [];
    },
    callArg: (k) => {
      const a = b.attrs.get(k);
      if (!a) return undefined;
      for (const c of callsIn(a.expr)) {
        if (!/^(file|filebase64|templatefile)$/.test(c.name)) continue;
        const m = /\(\s*"([^"]*)"/.exec(c.node.text);
        if (m) return m[1];
      }
      return undefined;
    },
    has: (k) => b.attrs.has(k) || b.blocks.some((x) => x.type === k),
  };
}
