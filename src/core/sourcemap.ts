import type { Span } from './source.js';

/**
 * A piece of embedded code (a RUN body, a heredoc, a YAML scalar) and how its offsets map back to the host
 * file. Segments are exact: inside one, embedded offset e maps to hostStart + (e - embStart). Offsets that fall
 * between segments (characters produced by unescaping) map inexactly to the nearest host position.
 */
export interface Segment {
  embStart: number;
  hostStart: number;
  length: number;
}

export class EmbeddedSource {
  constructor(
    readonly text: string,
    readonly segments: Segment[],
    /** Host span the whole embedded code came from (used to snap inexact positions). */
    readonly hostSpan: Span,
  ) {}

  /** Embedded text that is a same-length copy of host[hostStart, hostStart + text.length). */
  static identity(text: string, hostStart: number): EmbeddedSource {
    return new EmbeddedSource(text, [{ embStart: 0, hostStart, length: text.length }], {
      start: hostStart,
      end: hostStart + text.length,
    });
  }

  private segmentFor(offset: number, preferEnd: boolean): Segment | undefined {
    for (const s of this.segments) {
      if (offset > s.embStart && offset < s.embStart + s.length) return s;
      if (offset === s.embStart && !preferEnd) return s;
      if (offset === s.embStart + s.length && preferEnd) return s;
      if (offset === s.embStart && s.length === 0) return s;
    }
    return undefined;
  }

  /** Host offset for an embedded offset, or undefined when it has no exact counterpart. */
  toHostExact(offset: number, preferEnd = false): number | undefined {
    const s = this.segmentFor(offset, preferEnd) ?? this.segmentFor(offset, !preferEnd);
    return s ? s.hostStart + (offset - s.embStart) : undefined;
  }

  /** Host span for an embedded span; `exact` is false when either end had to be snapped. */
  toHost(span: Span): { span: Span; exact: boolean } {
    const start = this.toHostExact(span.start, false);
    const end = this.toHostExact(span.end, true);
    if (start !== undefined && end !== undefined && end >= start) return { span: { start, end }, exact: true };
    return { span: { start: start ?? this.snap(span.start), end: Math.max(end ?? this.snap(span.end), start ?? 0) }, exact: false };
  }

  private snap(offset: number): number {
    let best = this.hostSpan.start;
    for (const s of this.segments) {
      if (s.embStart <= offset) best = s.hostStart + Math.min(offset - s.embStart, s.length);
    }
    return best;
  }
}
