import type { YValue } from './facts.js';

/**
 * A fast path for the YAML that Ansible roles, cloud-init and CI files are mostly made of: block mappings and
 * sequences, plain scalars (multi-line too), one-line quoted scalars, one-line flow sequences and mappings of
 * scalars, and literal or folded block scalars. It builds the same YValue trees, with the same spans, as composing
 * the text with the `yaml` library and converting it with toYValue, about 20 times faster on the bench's Ansible
 * tasks files (the library's lexer, parser and composer were about half of the analysis of such a file).
 *
 * It gives up, returning undefined, on anything outside that shape or not plainly valid: anchors, aliases, tags,
 * nested or multi-line flow collections, multi-line quoted scalars, explicit indentation indicators, tabs, carriage
 * returns, directives, and every construct the library would report an error for. The caller then parses with the
 * library, which stays the reference: test/languages/yaml-quick.test.ts checks that both give the same trees on
 * every YAML file of the project and on generated and mutated documents.
 */
export function quickYValues(text: string): YValue[] | undefined {
  if (UNSUPPORTED_CHARS.test(text)) return undefined;
  try {
    return new QuickYaml(text).documents();
  } catch {
    // GIVE_UP, or anything unforeseen: the library decides.
    return undefined;
  }
}

/** Tabs, carriage returns, other control characters and YAML 1.1's extra line breaks and byte order mark. */
const UNSUPPORTED_CHARS = /[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/;

const GIVE_UP = Symbol('give up');
function giveUp(): never {
  throw GIVE_UP;
}

/**
 * YValues of one shape (every field present), which keeps the code that builds and reads them monomorphic; `exact`
 * is always true, as every span is the value's own host text.
 */
function scalarY(value: string | undefined, start: number, end: number): YValue {
  return { value, items: undefined, entries: undefined, span: { start, end }, exact: true, keySpan: undefined };
}

function collectionY(items: YValue[] | undefined, entries: Map<string, YValue> | undefined, start: number, end: number): YValue {
  return { value: undefined, items, entries, span: { start, end }, exact: true, keySpan: undefined };
}

/** An implicit key: its value, its span and the offset of its colon. */
interface Key {
  value: string;
  start: number;
  end: number;
  colon: number;
}

/** A node and where it ends, comments and line break included (the library's `range[2]`). */
interface Node {
  y: YValue;
  end: number;
  /** An empty value: it reaches over the comments after it when its collection ends there. */
  empty?: boolean;
}

const MAX_DEPTH = 48;
const MAX_KEY = 1000;
/** YAML 1.1's plain nulls (yaml.org/type/null.html) and the empty value, which values hold as ''. */
export const PLAIN_NULL = /^(?:~|null|Null|NULL|)$/;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', ' ': ' ', r: '\r', '0': '\0' };
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

class QuickYaml {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Leading spaces of each line. */
  private readonly indents: number[] = [];

  constructor(private readonly text: string) {
    let s = 0;
    for (;;) {
      const nl = text.indexOf('\n', s);
      const e = nl < 0 ? text.length : nl;
      let k = s;
      while (k < e && text.charCodeAt(k) === SPACE) k++;
      this.starts.push(s);
      this.ends.push(e);
      this.indents.push(k - s);
      if (nl < 0) break;
      s = nl + 1;
    }
  }

  documents(): YValue[] {
    const docs: YValue[] = [];
    let i = this.nextContent(0);
    let first = true;
    for (;;) {
      let marker: number | undefined;
      if (i < this.starts.length && this.isMarker(i)) {
        const s = this.starts[i]! + 3;
        // `--- # comment` and `--- value` put something on the marker's line.
        if (s !== this.ends[i]) giveUp();
        marker = s;
        i = this.nextContent(i + 1);
      } else if (!first) giveUp();
      first = false;
      if (i >= this.starts.length || this.isMarker(i)) {
        // An empty document: after `---`, an empty scalar there; with no marker at all, no node.
        docs.push(marker !== undefined ? scalarY('', marker, marker) : scalarY(undefined, 0, 0));
        if (i >= this.starts.length) return docs;
        continue;
      }
      const line = this.text.charCodeAt(this.starts[i]!);
      if (line === 37 /* % */ || (line === 46 /* . */ && this.text.startsWith('...', this.starts[i]!))) giveUp();
      const node = this.blockNode(i, -1, false, 0);
      docs.push(node.y);
      i = this.nextContent(this.lineAfter(node.end));
      if (i < this.starts.length && !this.isMarker(i)) giveUp();
      if (i >= this.starts.length) return docs;
    }
  }

  /** The first line after a node that ends at `end`: the line it starts, or the next one when it ends mid-line. */
  private lineAfter(end: number): number {
    // Binary search over line starts: the last line starting at or before `end`.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= end) lo = mid;
      else hi = mid - 1;
    }
    // A node ends at a line start (after a line break), inside a line (an empty value before a comment, or the end of
    // the text), or at the first token of the next content line when it takes the comments before it.
    return end <= this.starts[lo]! + this.indent(lo) ? lo : lo + 1;
  }

  private isMarker(i: number): boolean {
    const s = this.starts[i]!;
    return this.text.startsWith('---', s) && (s + 3 === this.ends[i] || this.text.charCodeAt(s + 3) === SPACE);
  }

  private indent(i: number): number {
    return this.indents[i]!;
  }

  /** Blank (only spaces) or a comment line. */
  private isBlankOrComment(i: number): boolean {
    const k = this.starts[i]! + this.indent(i);
    return k === this.ends[i] || this.text.charCodeAt(k) === HASH;
  }

  /** The first line from `i` on that is neither blank nor a comment (the line count when none is). */
  private nextContent(i: number): number {
    while (i < this.starts.length && this.isBlankOrComment(i)) i++;
    return i;
  }

  private isBlank(i: number): boolean {
    return this.starts[i]! + this.indent(i) === this.ends[i];
  }

  /** Some line from `from` to before `to` is a comment (the lines between are blank or comments). */
  private hasComment(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (!this.isBlank(k)) return true;
    return false;
  }

  /** The first line from `i` on that is not blank (comment lines count). */
  private nextNonBlank(i: number): number {
    while (i < this.starts.length && this.isBlank(i)) i++;
    return i;
  }

  private isSeqItemAt(p: number, lineEnd: number): boolean {
    return this.text.charCodeAt(p) === DASH && (p + 1 === lineEnd || this.text.charCodeAt(p + 1) === SPACE);
  }

  /** Where a node ends when its last token ends line `i`: after the line break, or at the end of the text. */
  private lineEnd(i: number): number {
    return this.ends[i]! < this.text.length ? this.ends[i]! + 1 : this.text.length;
  }

  /**
   * A block node starting on content line `i`, indented more than `parent` (or, for a sequence that is a mapping's
   * value, as much as it: `key:` then `- item` at the key's column).
   */
  private blockNode(i: number, parent: number, seqAtParent: boolean, depth: number): Node {
    const n = this.indent(i);
    const p = this.starts[i]! + n;
    const isSeq = this.isSeqItemAt(p, this.ends[i]!);
    if (!(n > parent || (seqAtParent && isSeq && n === parent))) giveUp();
    if (isSeq) return this.sequence(i, n, depth, n === parent);
    const key = this.keyAt(i, p);
    if (!key) giveUp();
    return this.mapping(i, n, depth, key);
  }

  /** A block sequence whose first `-` is at column `col` of line `i`. */
  private sequence(i: number, col: number, depth: number, atParent = false): Node {
    if (depth > MAX_DEPTH) giveUp();
    const start = this.starts[i]! + col;
    const items: YValue[] = [];
    let prev: Node | undefined;
    for (;;) {
      const dash = this.starts[i]! + col;
      const le = this.ends[i]!;
      let q = dash + 1;
      while (q < le && this.text.charCodeAt(q) === SPACE) q++;
      let node: Node;
      if (q === le || this.text.charCodeAt(q) === HASH) {
        const j = this.nextContent(i + 1);
        if (j < this.starts.length && this.indent(j) > col) node = this.blockNode(j, col, false, depth + 1);
        else {
          // After an item and comment lines, the library composes an empty item as no node at all.
          if (items.length > 0 && this.hasComment(this.lineAfter(prev!.end), i)) giveUp();
          node = this.empty(q);
        }
      } else node = this.inline(i, q, col, depth + 1, true);
      items.push(node.y);
      prev = node;
      const [j, n] = this.nextItem(node.end, col);
      if (n < col || this.isMarker(j) || !this.isSeqItemAt(this.starts[j]! + n, this.ends[j]!)) return this.close(items, undefined, start, col, node, j, atParent);
      i = j;
    }
  }

  /** A block mapping whose first key, `first`, is at column `col` of line `i`. */
  private mapping(i: number, col: number, depth: number, first: Key | undefined): Node {
    if (depth > MAX_DEPTH) giveUp();
    const start = this.starts[i]! + col;
    const entries = new Map<string, YValue>();
    for (;;) {
      const key = first ?? this.keyAt(i, this.starts[i]! + col);
      first = undefined;
      if (!key) giveUp();
      const le = this.ends[i]!;
      let v = key.colon + 1;
      while (v < le && this.text.charCodeAt(v) === SPACE) v++;
      let node: Node;
      if (v === le || this.text.charCodeAt(v) === HASH) {
        const j = this.nextContent(i + 1);
        const n = j < this.starts.length ? this.indent(j) : -1;
        if (n > col || (n === col && this.isSeqItemAt(this.starts[j]! + n, this.ends[j]!))) node = this.blockNode(j, col, true, depth + 1);
        else node = this.empty(v);
      } else node = this.inline(i, v, col, depth + 1, false);
      if (!entries.has(key.value)) {
        node.y.keySpan = { start: key.start, end: key.end };
        entries.set(key.value, node.y);
      }
      const [j, n] = this.nextItem(node.end, col);
      if (n < col || this.isMarker(j)) return this.close(undefined, entries, start, col, node, j);
      i = j;
    }
  }

  /**
   * The content line after an item that ends at `end`, in a collection at column `col`, and its indentation (-1 at
   * the end of the text). More indented than the collection, it would belong to the item: an error.
   */
  private nextItem(end: number, col: number): [number, number] {
    const j = this.nextContent(this.lineAfter(end));
    const n = j < this.starts.length ? this.indent(j) : -1;
    if (n > col) giveUp();
    return [j, n];
  }

  /** An empty value at `p` (after `key:` or `-`). */
  private empty(p: number): Node {
    return { y: scalarY('', p, p), end: p, empty: true };
  }

  /**
   * A collection at column `col` whose last item is `last`, closed by content line `next` (or the end of the text).
   * Its span ends where its last item ends, comments included. Comment lines between them and the next content are
   * the collection's own when one of them is indented at least as much as the collection: its end (what its parent
   * spans) then reaches the next content. An empty last value followed by a comment, on its line or after it,
   * reaches the next content itself, and so does its collection's span.
   */
  private close(items: YValue[] | undefined, entries: Map<string, YValue> | undefined, start: number, col: number, last: Node, next: number, atParent = false): Node {
    const t = this.text;
    const to = next < this.starts.length ? this.starts[next]! + this.indent(next) : t.length;
    const after = this.lineAfter(last.end);
    const comment = this.hasComment(after, next);
    let own = false;
    // A comment line at column 0 is the document's, even after a sequence at column 0 (`key:` then `- item`).
    for (let k = after; k < next && !own; k++) own = !this.isBlank(k) && this.indent(k) >= col && this.indent(k) > 0;
    // A sequence at its key's column that ends with its mapping, before comment lines it would take: the library
    // draws that line otherwise (it depends on the comments' columns), and the mapping's span depends on it.
    if (atParent && own && (next >= this.starts.length || this.indent(next) < col || this.isMarker(next))) giveUp();
    let end = last.end;
    let ownEnd = end;
    if (last.empty) {
      const le = this.ends[after - 1]!;
      let k = last.end;
      while (k < le && t.charCodeAt(k) === SPACE) k++;
      if (comment || (k < le && t.charCodeAt(k) === HASH)) {
        // Before `---` the library ends such a value elsewhere (at its first comment): left to the library.
        if (next < this.starts.length && this.isMarker(next)) giveUp();
        end = ownEnd = to;
      }
    } else if (own) ownEnd = to;
    const y = collectionY(items, entries, start, end);
    return { y, end: ownEnd };
  }

  /**
   * An implicit key at `p` on line `i` (`name:`, `"quoted key":`), followed by `: ` or `:` at the end of the line:
   * its value, its span and the colon's offset. undefined when the line holds no key there.
   */
  private keyAt(i: number, p: number): Key | undefined {
    const t = this.text;
    const le = this.ends[i]!;
    const c = t.charCodeAt(p);
    let value: string;
    let end: number;
    let k: number;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const q = this.quoted(p, le);
      if (!q) return undefined;
      value = q.value;
      end = q.end;
      k = end;
      while (k < le && t.charCodeAt(k) === SPACE) k++;
      if (t.charCodeAt(k) !== COLON || !(k + 1 === le || t.charCodeAt(k + 1) === SPACE)) return undefined;
    } else {
      if (!plainStart(t, p, le)) return undefined;
      k = p;
      for (;;) {
        while (k < le && t.charCodeAt(k) !== COLON) k++;
        if (k >= le) return undefined;
        if (k + 1 === le || t.charCodeAt(k + 1) === SPACE) break;
        k++;
      }
      if (commentAt(t, p, k) < k) return undefined;
      end = k;
      while (end > p && t.charCodeAt(end - 1) === SPACE) end--;
      value = t.slice(p, end);
      // `<<` is a merge key; a key must be a single line shorter than 1024 characters (the library checks).
      if (value === '<<' || value === '') return undefined;
    }
    if (end - p > MAX_KEY) giveUp();
    return { value, start: p, end, colon: k };
  }

  /**
   * A node that starts at `q` on line `i`, after `- ` (inSeq) or after `key: `: a nested compact sequence or mapping
   * (in a sequence only), a quoted or plain scalar, a flow sequence or a block scalar. `parent` is the column of the
   * collection it belongs to.
   */
  private inline(i: number, q: number, parent: number, depth: number, inSeq: boolean): Node {
    const t = this.text;
    const le = this.ends[i]!;
    const col = q - this.starts[i]!;
    if (this.isSeqItemAt(q, le)) {
      if (!inSeq) giveUp();
      return this.sequence(i, col, depth);
    }
    const key = this.keyAt(i, q);
    if (key) {
      if (!inSeq) giveUp();
      return this.mapping(i, col, depth, key);
    }
    const c = t.charCodeAt(q);
    let node: Node;
    if (c === 124 /* | */ || c === 62 /* > */) return this.blockScalar(i, q, parent);
    if (c === 34 || c === 39) {
      const s = this.quoted(q, le);
      if (!s) giveUp();
      this.restOfLineEmpty(s.end, le);
      node = { y: scalarY(s.value, q, s.end), end: this.lineEnd(i) };
    } else if (c === 91 /* [ */ || c === 123 /* { */) node = this.flowCollection(i, q);
    else return this.plain(i, q, parent);
    // A more indented line after a one-line quoted scalar or flow collection is an error.
    const j = this.nextNonBlank(i + 1);
    if (j < this.starts.length && this.indent(j) > parent) giveUp();
    return node;
  }

  /**
   * A plain scalar from `q` on line `i`, with the lines indented more than `parent` that continue it: lines are
   * folded into one space, and each empty line between them is a line break (`when: a and\n      b` is "a and b").
   */
  private plain(i: number, q: number, parent: number): Node {
    const t = this.text;
    let value = '';
    let end = q;
    let last = i;
    let breaks = 0;
    for (let j = i; ; ) {
      const s = j === i ? q : this.starts[j]! + this.indent(j);
      const le = this.ends[j]!;
      // The first line starts as a plain scalar must; a continuation line may start with any character but `#`
      // (a comment line, which ends the scalar) and `- `, `? `, `: ` (YAML's block indicators, left to the library).
      if (j === i ? !plainStart(t, s, le) : /^[-?:](?: |$)/.test(t.slice(s, s + 2))) giveUp();
      let e = commentAt(t, s, le);
      // A comment ends the scalar: a line after it that would continue it is left to the library.
      if (e < le && j !== i) giveUp();
      while (e > s && t.charCodeAt(e - 1) === SPACE) e--;
      const raw = t.slice(s, e);
      // `a: b: c` is a nested mapping on one line (an error); `key: value:` too.
      if (raw.includes(': ') || raw.endsWith(':')) giveUp();
      value += j === i ? raw : breaks > 0 ? '\n'.repeat(breaks) + raw : ` ${raw}`;
      end = e;
      last = j;
      if (e < le) break;
      // The next line continues the scalar when it is indented more than the collection; empty lines between count.
      let n = j + 1;
      breaks = 0;
      while (n < this.starts.length && this.isBlank(n)) {
        n++;
        breaks++;
      }
      if (n >= this.starts.length || this.indent(n) <= parent || this.isBlankOrComment(n)) break;
      j = n;
    }
    if (last === i && PLAIN_NULL.test(value)) value = '';
    // Comment lines indented more than the collection right after the scalar are the scalar's (its end, which the
    // collection's span reaches when it is the last value); a more indented line of content after them is an error.
    let nodeEnd = this.lineEnd(last);
    let j = last + 1;
    for (; j < this.starts.length; j++) {
      if (this.isBlank(j)) continue;
      if (!this.isBlankOrComment(j) || this.indent(j) <= parent) break;
      nodeEnd = this.lineEnd(j);
    }
    if (j < this.starts.length && this.indent(j) > parent) giveUp();
    return { y: scalarY(value, q, end), end: nodeEnd };
  }

  /** Only blanks and a comment may follow a quoted scalar or a flow collection on its line. */
  private restOfLineEmpty(from: number, le: number): void {
    let k = from;
    while (k < le && this.text.charCodeAt(k) === SPACE) k++;
    if (k < le && !(this.text.charCodeAt(k) === HASH && k > from)) giveUp();
  }

  /** A single-line quoted scalar starting at `p`: its value and the offset after its closing quote. */
  private quoted(p: number, le: number): { value: string; end: number } | undefined {
    const t = this.text;
    const quote = t[p]!;
    let value = '';
    let run = p + 1;
    for (let k = p + 1; k < le; k++) {
      const ch = t[k]!;
      if (quote === "'" && ch === "'") {
        if (t[k + 1] === "'") {
          value += t.slice(run, k + 1);
          run = ++k + 1;
          continue;
        }
        return { value: value + t.slice(run, k), end: k + 1 };
      }
      if (quote === '"') {
        if (ch === '\\') {
          const esc = SIMPLE_ESCAPES[t[k + 1] ?? ''];
          if (esc === undefined || k + 1 >= le) giveUp();
          value += t.slice(run, k) + esc;
          run = ++k + 1;
          continue;
        }
        if (ch === '"') return { value: value + t.slice(run, k), end: k + 1 };
      }
    }
    return undefined;
  }

  /** `[a, 'b', c]` or `{a: 1, "b": c}` on one line, of scalars only. */
  private flowCollection(i: number, q: number): Node {
    const t = this.text;
    const le = this.ends[i]!;
    const map = t[q] === '{';
    const close = map ? '}' : ']';
    const items: YValue[] = [];
    const entries = new Map<string, YValue>();
    let k = q + 1;
    const skip = () => {
      while (k < le && t.charCodeAt(k) === SPACE) k++;
    };
    /** A quoted or plain scalar at k (plain ones end at a flow indicator, `#` or `:`); a key keeps `~` and `null`. */
    const scalar = (key: boolean): YValue => {
      skip();
      const c = t[k];
      if (c === '"' || c === "'") {
        const s = this.quoted(k, le);
        if (!s) giveUp();
        const y = scalarY(s.value, k, s.end);
        k = s.end;
        return y;
      }
      const s = k;
      while (k < le && !',[]{}#:'.includes(t[k]!)) k++;
      let e = k;
      while (e > s && t.charCodeAt(e - 1) === SPACE) e--;
      const raw = t.slice(s, e);
      if (raw === '' || !plainStart(t, s, e)) giveUp();
      return scalarY(!key && PLAIN_NULL.test(raw) ? '' : raw, s, e);
    };
    skip();
    if (t[k] !== close) {
      for (;;) {
        const y = scalar(map);
        skip();
        if (map) {
          // `key: value` only: no `key:value`, no key without a value, no merge key.
          if (t[k] !== ':' || t[k + 1] !== ' ' || y.value === '<<') giveUp();
          k++;
          const v = scalar(false);
          if (!entries.has(y.value!)) {
            v.keySpan = y.span;
            entries.set(y.value!, v);
          }
          skip();
        } else items.push(y);
        if (t[k] === close) break;
        if (t[k] !== ',') giveUp();
        k++;
        skip();
        // `[a, b,]`: a trailing comma.
        if (t[k] === close) giveUp();
      }
    }
    this.restOfLineEmpty(k + 1, le);
    return { y: map ? collectionY(undefined, entries, q, k + 1) : collectionY(items, undefined, q, k + 1), end: this.lineEnd(i) };
  }

  /** A literal (`|`) or folded (`>`) block scalar whose header is at `q` on line `i`, inside a collection at `parent`. */
  private blockScalar(i: number, q: number, parent: number): Node {
    const t = this.text;
    const le = this.ends[i]!;
    const folded = t[q] === '>';
    let k = q + 1;
    const chomp = t[k] === '-' || t[k] === '+' ? t[k++] : '';
    this.restOfLineEmpty(k, le);
    // The lines of the scalar: up to the first non-blank line indented less than its first non-blank line.
    const first = this.nextNonBlank(i + 1);
    if (first >= this.starts.length) giveUp();
    const indent = this.indent(first);
    if (indent <= parent) giveUp();
    let last = first;
    for (let j = first + 1; j < this.starts.length; j++) {
      const n = this.indent(j);
      if (this.isBlank(j)) {
        // A blank line with more spaces than the indentation holds spaces as content: rare, and left to the library.
        if (n > indent) giveUp();
        continue;
      }
      if (n < indent) break;
      last = j;
    }
    for (let j = i + 1; j < first; j++) if (this.indent(j) > indent) giveUp();
    const lines: string[] = [];
    for (let j = i + 1; j <= last; j++) lines.push(this.starts[j]! + indent <= this.ends[j]! ? t.slice(this.starts[j]! + indent, this.ends[j]) : '');
    let body: string;
    if (!folded) body = lines.join('\n');
    else {
      if (first !== i + 1) giveUp();
      // Between two lines of text, a line break is a space, or gone when empty lines follow it (each one a line
      // break); next to a more indented line, line breaks are kept.
      body = '';
      let empties = 0;
      let prevMore = false;
      for (const [n, line] of lines.entries()) {
        if (line === '') {
          empties++;
          continue;
        }
        const more = line.charCodeAt(0) === SPACE;
        if (n > 0) body += !more && !prevMore ? (empties === 0 ? ' ' : '\n'.repeat(empties)) : '\n'.repeat(empties + 1);
        body += line;
        empties = 0;
        prevMore = more;
      }
    }
    // Trailing blank lines: kept by `+`, and then part of the node.
    let trailingEnd = last;
    while (trailingEnd + 1 < this.starts.length && this.isBlank(trailingEnd + 1)) trailingEnd++;
    let value: string;
    let end: number;
    if (chomp === '-') {
      value = body;
      end = this.lineEnd(last);
    } else if (chomp === '+') {
      // Each trailing blank line is a line break (blank lines up to the end of the text are left to the library).
      if (trailingEnd > last && this.ends[trailingEnd] === t.length) giveUp();
      value = body + '\n'.repeat(1 + trailingEnd - last);
      end = this.lineEnd(trailingEnd);
    } else {
      value = body + '\n';
      end = this.lineEnd(last);
    }
    return { y: scalarY(value, q, end), end };
  }
}

/** The offset of the first ` #` between `from` and `to` (a comment after a plain scalar), or `to`. */
function commentAt(t: string, from: number, to: number): number {
  for (let k = from + 1; k < to; k++) if (t.charCodeAt(k) === HASH && t.charCodeAt(k - 1) === SPACE) return k - 1;
  return to;
}

/**
 * A plain scalar may start at `p`: not with an indicator (`[`, `{`, `&`, `*`, `!`, `|`, `>`, `'`, `"`, `%`, `@`,
 * a backquote, `#`, `,`, `]`, `}`), nor with `-`, `?` or `:` followed by a space (or alone).
 */
function plainStart(t: string, p: number, le: number): boolean {
  const c = t[p];
  if (c === undefined || p >= le) return false;
  if ('[]{}&*!|>\'"%@`#,'.includes(c)) return false;
  if (c === '-' || c === '?' || c === ':') return p + 1 < le && t.charCodeAt(p + 1) !== SPACE;
  return true;
}
