import type { Span } from '../../core/source.js';
import { EmbeddedSource, type Segment } from '../../core/sourcemap.js';

/**
 * The part [start, end) of embedded code as embedded code of its own, still mapped to the host file.
 * `text` must be a same-length copy of src.text.slice(start, end) (masking allowed, no length change).
 */
export function subSource(src: EmbeddedSource, start: number, end: number, text = src.text.slice(start, end)): EmbeddedSource {
  const segments: Segment[] = [];
  for (const s of src.segments) {
    const a = Math.max(start, s.embStart);
    const b = Math.min(end, s.embStart + s.length);
    if (b > a || (b === a && s.length === 0 && a >= start && a <= end)) segments.push({ embStart: a - start, hostStart: s.hostStart + (a - s.embStart), length: b - a });
  }
  const host = src.toHost({ start, end }).span;
  return new EmbeddedSource(text, segments, host);
}

/** Builds embedded text from host text piece by piece: copied pieces map exactly, emitted ones do not. */
export class SourceBuilder {
  text = '';
  readonly segments: Segment[] = [];
  constructor(private readonly host: string) {}

  copy(hostStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.embStart + last.length === this.text.length && last.hostStart + last.length === hostStart) last.length += length;
    else this.segments.push({ embStart: this.text.length, hostStart, length });
    this.text += this.host.slice(hostStart, hostStart + length);
  }

  emit(text: string): void {
    this.text += text;
  }

  build(hostSpan: Span): EmbeddedSource {
    return new EmbeddedSource(this.text, this.segments, hostSpan);
  }
}

/** A Jinja template by its name (`install.sh.j2`, `user-data.jinja2`), whatever it renders to. */
export const isJinjaTemplateName = (file: string): boolean => /\.(j2|jinja2?)$/i.test(file);

/**
 * Jinja masked with same-length text:
 * - 'shell' (shell code and unit files): `{{ x }}` becomes `$____`, an expansion, so never a static word such as a
 *   command or package name; one spanning lines becomes `J___` with its newlines kept;
 * - 'statements' (YAML templates): `{{ x }}` stays (a value YAML can hold);
 * and `{% %}`/`{# #}` become blanks. A tag ends at the first closing delimiter outside a Jinja string literal, so
 * `{{ '{{ .Image }}' }}` is one expression. Except for YAML, a `{% %}` or `{# #}` tag alone on a line inside a
 * backslash-continued line (a shell command, a unit's ExecStart=) continues it: Ansible renders templates with
 * trim_blocks, so the rendered line stays one line.
 */
export function maskJinja(text: string, mode: 'shell' | 'statements' = 'shell'): string {
  if (!text.includes('{')) return text;
  let out = '';
  let last = 0;
  // Newline of the last tag line that became a continuation: a tag line right after it continues the command too.
  let continuedNl = -1;
  let i = text.indexOf('{');
  while (i >= 0 && i < text.length - 1) {
    const open = text[i + 1];
    if (open !== '{' && open !== '%' && open !== '#') {
      i = text.indexOf('{', i + 1);
      continue;
    }
    let end = tagEnd(text, i + 2, open === '{' ? '}' : open, open !== '#');
    if (end < 0) {
      // Never closed: left as written; later tags of other kinds are still masked.
      i = text.indexOf('{', i + 2);
      continue;
    }
    const m = text.slice(i, end);
    let masked: string;
    if (open === '{') {
      if (mode === 'statements') masked = m;
      else masked = !m.includes('\n') ? '$' + '_'.repeat(m.length - 1) : 'J' + blankKeepingNewlines(m.slice(1)).replace(/ /g, '_').replace(/_\n/g, ' \n');
    } else {
      masked = blankKeepingNewlines(m);
      const eol = mode !== 'statements' && !m.includes('\n') ? continuedTagLineEnd(text, i, end, continuedNl) : -1;
      if (eol >= 0) {
        masked = ' '.repeat(eol - i - 1) + '\\';
        end = continuedNl = eol;
      }
    }
    out += text.slice(last, i) + masked;
    last = end;
    i = text.indexOf('{', end);
  }
  return out + text.slice(last);
}

const blankKeepingNewlines = (s: string): string => s.replace(/[^\n]/g, ' ');

/**
 * Offset just after the `<close>}` that ends a Jinja tag whose body starts at `from`, skipping string literals when
 * `quotes` is set; -1 when there is none. A quote left open falls back to the first closing delimiter.
 */
function tagEnd(text: string, from: number, close: string, quotes: boolean): number {
  const delim = close + '}';
  const first = text.indexOf(delim, from);
  if (first < 0 || !quotes) return first < 0 ? -1 : first + 2;
  for (let j = from; j < text.length - 1; j++) {
    const c = text[j];
    if (c === '"' || c === "'") {
      let k = j + 1;
      while (k < text.length && text[k] !== c) k += text[k] === '\\' ? 2 : 1;
      if (k >= text.length) return first + 2;
      j = k;
    } else if (c === close && text[j + 1] === '}') return j + 2;
  }
  return first + 2;
}

/**
 * When the tag [start, end) is alone on its line and the line before ends with a backslash continuation (in the text,
 * or because it was a tag line made a continuation, ending at `continuedNl`), the offset of the tag line's newline;
 * otherwise -1. CRLF lines are left alone.
 */
function continuedTagLineEnd(text: string, start: number, end: number, continuedNl: number): number {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (lineStart === 0 || !/^[ \t]*$/.test(text.slice(lineStart, start))) return -1;
  const nl = text.indexOf('\n', end);
  if (nl < 0 || !/^[ \t]*$/.test(text.slice(end, nl))) return -1;
  return text[lineStart - 2] === '\\' || lineStart - 1 === continuedNl ? nl : -1;
}

/**
 * Chain two maps: `inner` maps code to offsets in `outer.text`, `outer` maps those to the host file. Used when a
 * YAML document is itself embedded (cloud-init user-data in Terraform or ARM files).
 */
export function compose(inner: EmbeddedSource, outer: EmbeddedSource): EmbeddedSource {
  const segments: Segment[] = [];
  for (const s of inner.segments) {
    for (const o of outer.segments) {
      const a = Math.max(s.hostStart, o.embStart);
      const b = Math.min(s.hostStart + s.length, o.embStart + o.length);
      if (b <= a) continue;
      segments.push({ embStart: s.embStart + (a - s.hostStart), hostStart: o.hostStart + (a - o.embStart), length: b - a });
    }
  }
  segments.sort((x, y) => x.embStart - y.embStart);
  const hostSpan = outer.toHost(inner.hostSpan).span;
  return new EmbeddedSource(inner.text, segments, hostSpan);
}
