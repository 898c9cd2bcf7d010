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

/** Jinja `{{ x }}` becomes `$____` (a shell expansion: not a static word) and `{% %}`/`{# #}` blanks; same length. */
export function maskJinja(text: string, mode: 'shell' | 'blank' = 'shell'): string {
  if (!text.includes('{')) return text;
  return text.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g, (m) => {
    const keepNl = (s: string) => s.replace(/[^\n]/g, ' ');
    if (m.startsWith('{{') && mode === 'shell' && !m.includes('\n')) return '$' + '_'.repeat(m.length - 1);
    if (m.startsWith('{{')) return 'J'.repeat(1) + keepNl(m.slice(1)).replace(/ /g, '_').replace(/_\n/g, ' \n');
    return keepNl(m);
  });
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
