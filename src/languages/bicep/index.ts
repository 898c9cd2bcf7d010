import type { FileFacts } from '../../core/facts.js';
import type { Span } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import type { YValue } from '../ansible/facts.js';
import { emptyCollected, finishFacts } from '../infra/model.js';
import { armResource } from '../arm/index.js';

/**
 * Bicep has no parser on npm (the official one is the .NET compiler, `bicep build` emits ARM JSON). This is a small
 * scanner of the syntax azl-migrate needs: `resource` and `var` declarations whose values are object, array and
 * string literals, with positions. Anything else (calls, operators, references) is an expression without a value.
 */
type Tok = { t: 'str'; value?: string; span: Span; multi: boolean } | { t: 'id' | 'p' | 'nl' | 'other'; text: string; span: Span };

export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\n') {
      out.push({ t: 'nl', text: '\n', span: { start: i, end: i + 1 } });
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') i++;
    else if (c === '/' && s[i + 1] === '/') {
      while (i < s.length && s[i] !== '\n') i++;
    } else if (c === '/' && s[i + 1] === '*') {
      const e = s.indexOf('*/', i + 2);
      i = e < 0 ? s.length : e + 2;
    } else if (s.startsWith("'''", i)) {
      const e = s.indexOf("'''", i + 3);
      const end = e < 0 ? s.length : e;
      // A multi-line string is verbatim; a newline right after the opening quotes is not part of it.
      const start = s[i + 3] === '\n' ? i + 4 : s.startsWith('\r\n', i + 3) ? i + 5 : i + 3;
      out.push({ t: 'str', value: s.slice(start, end), span: { start, end }, multi: true });
      i = e < 0 ? s.length : e + 3;
    } else if (c === "'") {
      let j = i + 1;
      let value: string | undefined = '';
      let depth = 0;
      for (; j < s.length && s[j] !== '\n'; j++) {
        const d = s[j]!;
        if (depth === 0 && d === "'") break;
        if (d === '\\' && j + 1 < s.length) {
          const e = s[++j]!;
          if (value !== undefined) value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
          continue;
        }
        if (d === '$' && s[j + 1] === '{') {
          depth++;
          value = undefined;
          j++;
          continue;
        }
        if (depth > 0 && d === '}') depth--;
        else if (depth === 0 && value !== undefined) value += d;
      }
      out.push({ t: 'str', value, span: { start: i + 1, end: j }, multi: false });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i, i + 200))!;
      out.push({ t: 'id', text: m[0], span: { start: i, end: i + m[0].length } });
      i += m[0].length;
    } else if ('{}[]():,=?.!@'.includes(c)) {
      out.push({ t: 'p', text: c, span: { start: i, end: i + 1 } });
      i++;
    } else {
      const m = /^[^\s{}[\]():,='/]+/.exec(s.slice(i, i + 200));
      const len = m ? m[0].length : 1;
      out.push({ t: 'other', text: s.slice(i, i + len), span: { start: i, end: i + len } });
      i += len;
    }
  }
  return out;
}

class P {
  i = 0;
  constructor(readonly toks: Tok[], readonly host: string) {}
  peek(o = 0): Tok | undefined {
    return this.toks[this.i + o];
  }
  is(tok: Tok | undefined, text: string): boolean {
    return !!tok && tok.t !== 'str' && tok.text === text;
  }
  skipNl(): void {
    while (this.peek()?.t === 'nl' || this.is(this.peek(), ',')) this.i++;
  }
  value(keySpan?: Span): YValue {
    const t = this.peek();
    if (!t) return { span: { start: this.host.length, end: this.host.length }, exact: true, keySpan };
    if (this.is(t, '{')) return this.object(keySpan);
    if (this.is(t, '[')) return this.array(keySpan);
    const n = this.peek(1);
    if (t.t === 'str' && (!n || n.t === 'nl' || this.is(n, ',') || this.is(n, '}') || this.is(n, ']'))) {
      this.i++;
      // An unterminated string (at the end of the line or file) has no closing quote to include.
      const closed = this.host[t.span.end] === "'";
      return { value: t.value, span: t.multi ? t.span : { start: t.span.start - 1, end: t.span.end + (closed ? 1 : 0) }, exact: t.value !== undefined, keySpan };
    }
    if (t.t === 'id' && (t.text === 'true' || t.text === 'false') && (!n || n.t === 'nl' || this.is(n, ',') || this.is(n, '}'))) {
      this.i++;
      return { value: t.text, span: t.span, exact: true, keySpan };
    }
    // An expression: up to the end of the line (or , } ]) at bracket depth 0.
    const start = t.span.start;
    let end = t.span.end;
    let depth = 0;
    while (this.peek()) {
      const x = this.peek()!;
      if (depth === 0 && (x.t === 'nl' || this.is(x, ',') || this.is(x, '}') || this.is(x, ']'))) break;
      if (this.is(x, '(') || this.is(x, '[') || this.is(x, '{')) depth++;
      if (this.is(x, ')') || this.is(x, ']') || this.is(x, '}')) depth--;
      end = x.span.end;
      this.i++;
    }
    return { span: { start, end }, exact: true, keySpan, value: undefined, items: undefined };
  }
  object(keySpan?: Span): YValue {
    const open = this.peek()!;
    this.i++;
    const entries = new Map<string, YValue>();
    for (;;) {
      this.skipNl();
      const k = this.peek();
      if (!k || this.is(k, '}')) break;
      const c = this.peek(1);
      if ((k.t === 'id' || (k.t === 'str' && k.value !== undefined)) && this.is(c, ':')) {
        this.i += 2;
        const name = k.t === 'id' ? k.text : (k as { value: string }).value;
        const v = this.value(k.span);
        if (!entries.has(name)) entries.set(name, v);
      } else if (this.is(k, '@')) {
        // A decorator line inside an object: skip to the end of the line.
        while (this.peek() && this.peek()!.t !== 'nl') this.i++;
      } else {
        // A stray `]` or `)` makes no value: step over it, or the loop would never end.
        const at = this.i;
        this.value();
        if (this.i === at) this.i++;
      }
    }
    const close = this.peek();
    if (close) this.i++;
    return { entries, span: { start: open.span.start, end: close ? close.span.end : this.host.length }, exact: true, keySpan };
  }
  array(keySpan?: Span): YValue {
    const open = this.peek()!;
    this.i++;
    const items: YValue[] = [];
    // `[for x in list: { ... }]`: the loop body is the item.
    if (this.peek()?.t === 'id' && (this.peek() as { text: string }).text === 'for') {
      while (this.peek() && !this.is(this.peek(), '{') && !this.is(this.peek(), ']')) this.i++;
    }
    for (;;) {
      this.skipNl();
      const k = this.peek();
      if (!k || this.is(k, ']')) break;
      const at = this.i;
      items.push(this.value());
      // A stray `}` or `)` makes no value: step over it, or the loop would never end.
      if (this.i === at) this.i++;
    }
    const close = this.peek();
    if (close) this.i++;
    return { items, span: { start: open.span.start, end: close ? close.span.end : this.host.length }, exact: true, keySpan };
  }
}

export interface BicepDecl {
  kind: 'resource' | 'var' | 'param';
  name: string;
  /** resource: the type string (without @api-version) and its span. */
  type?: string;
  typeSpan?: Span;
  value: YValue;
}

/** Top-level `resource`, `var` and `param` declarations (also resources nested in a parent's body). */
export function parseBicep(text: string): BicepDecl[] {
  const p = new P(tokenize(text), text);
  const out: BicepDecl[] = [];
  while (p.peek()) {
    const t = p.peek()!;
    const atLineStart = p.i === 0 || p.toks[p.i - 1]!.t === 'nl';
    if (t.t === 'id' && atLineStart && (t.text === 'resource' || t.text === 'var' || t.text === 'param')) {
      const name = p.peek(1);
      if (t.text === 'resource' && name?.t === 'id' && p.peek(2)?.t === 'str') {
        const ty = p.peek(2) as { value?: string; span: Span };
        p.i += 3;
        while (p.peek() && !p.is(p.peek(), '=') && p.peek()!.t !== 'nl') p.i++;
        p.i++;
        // `= if (cond) {`, `= [for x in y: {`: the object that follows is the body.
        while (p.peek() && !p.is(p.peek(), '{')) p.i++;
        if (!p.peek()) break;
        const value = p.object();
        const type = (ty.value ?? '').split('@')[0]!;
        out.push({ kind: 'resource', name: name.text, type, typeSpan: ty.span, value });
        continue;
      }
      if ((t.text === 'var' || t.text === 'param') && name?.t === 'id') {
        p.i += 2;
        while (p.peek() && !p.is(p.peek(), '=') && p.peek()!.t !== 'nl') p.i++;
        if (p.is(p.peek(), '=')) {
          p.i++;
          out.push({ kind: t.text, name: name.text, value: p.value() });
        }
        continue;
      }
    }
    p.i++;
  }
  return out;
}

/** A Bicep file: resources are mapped like ARM resources (Bicep compiles to ARM, with the same property names). */
export async function analyzeBicep(file: string, text: string): Promise<FileFacts> {
  const c = emptyCollected(text);
  const decls = parseBicep(text);
  const vars = new Map<string, YValue>();
  for (const d of decls) if (d.kind !== 'resource') vars.set(d.name, d.value);
  const variables: YValue = { entries: vars, span: { start: 0, end: 0 }, exact: true };
  const customData = (v: YValue | undefined): EmbeddedSource | undefined => {
    if (!v) return undefined;
    const expr = text.slice(v.span.start, v.span.end);
    const ref = /^base64\(\s*([A-Za-z_]\w*)\s*\)$/.exec(expr);
    const target = ref ? vars.get(ref[1]!) : undefined;
    if (target?.value !== undefined && target.exact) {
      const inner = text[target.span.start] === "'" ? { start: target.span.start + 1, end: target.span.end - 1 } : target.span;
      if (text.slice(inner.start, inner.end) === target.value) return EmbeddedSource.identity(target.value.replace(/\r(?=\n)/g, ' '), inner.start);
    }
    const inline = /^base64\(\s*'''\r?\n?/.exec(expr);
    if (inline) {
      const start = v.span.start + inline[0].length;
      const end = text.indexOf("'''", start);
      if (end > start) return EmbeddedSource.identity(text.slice(start, end).replace(/\r(?=\n)/g, ' '), start);
    }
    const load = /loadTextContent\(\s*'([^']+)'/.exec(expr);
    if (load) c.notes.push({ file, kind: 'info', message: `customData reads ${load[1]}: that file is scanned on its own (as cloud-init when it starts with #cloud-config).`, ...(c.source?.position(v.span.start) ?? {}) });
    return undefined;
  };
  const visit = (type: string, typeSpan: Span, body: YValue) => {
    const r: YValue = { entries: new Map([['type', { value: type, span: { start: typeSpan.start - 1, end: typeSpan.end + 1 }, exact: true }], ...(body.entries ?? [])]), span: body.span, exact: true };
    armResource(text, r, variables, c, 'bicep', customData);
  };
  for (const d of decls) if (d.kind === 'resource' && d.type && d.typeSpan) visit(d.type, d.typeSpan, d.value);
  return finishFacts(file, 'bicep', text, c);
}
