/** Source text with a line index. Offsets are UTF-16 code units (JS string indices), half-open spans. */
export interface Span {
  start: number;
  end: number;
}

export interface Position {
  /** 1-based line */
  line: number;
  /** 1-based column in UTF-16 code units; a leading BOM is not counted */
  column: number;
}

export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];
  readonly hasBom: boolean;

  constructor(text: string) {
    this.text = text;
    this.hasBom = text.charCodeAt(0) === 0xfeff;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line index containing offset. */
  lineIndexOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const li = this.lineIndexOf(clamped);
    let column = clamped - this.lineStarts[li]! + 1;
    if (li === 0 && this.hasBom && clamped > 0) column -= 1;
    return { line: li + 1, column };
  }

  /** Offset of a 0-based line and 0-based character (as LSP ranges give them). */
  offsetAt(line: number, character: number): number {
    const start = this.lineStarts[Math.min(Math.max(line, 0), this.lineStarts.length - 1)]!;
    return Math.min(start + character, this.text.length);
  }

  lineStart(lineIndex: number): number {
    return this.lineStarts[lineIndex] ?? this.text.length;
  }

  /** End of the line's content, before \r\n or \n. */
  lineEnd(lineIndex: number): number {
    const next = this.lineStarts[lineIndex + 1];
    if (next === undefined) return this.text.length;
    let end = next - 1;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13) end -= 1;
    return end;
  }

  lineText(lineIndex: number): string {
    return this.text.slice(this.lineStart(lineIndex), this.lineEnd(lineIndex));
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}
