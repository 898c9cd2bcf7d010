import type { ShellCommand, Word, PathRef } from '../../core/facts.js';
import type { SourceText, Span } from '../../core/source.js';
import { execAll } from '../../core/regex.js';

/** A regular-expression match inside a word, with the host span of the matched text where it can be placed. */
export interface WordMatch {
  m: RegExpExecArray;
  span: Span;
  exact: boolean;
}

/**
 * Matches of `re` (a global RegExp) in a word's literal value (or its raw text when it has expansions). The span
 * covers just the match when the raw text contains it verbatim, else the whole word (then inexact).
 */
export function matchesInWord(w: Word, re: RegExp): WordMatch[] {
  const v = w.value ?? w.text;
  const ms = execAll(re, v);
  if (ms.length === 0) return [];
  const out: WordMatch[] = [];
  let from = 0;
  for (const m of ms) {
    const at = w.text.indexOf(m[0], from);
    if (at >= 0 && m[0].length > 0) {
      from = at + m[0].length;
      out.push({ m: m as RegExpExecArray, span: { start: w.span.start + at, end: w.span.start + at + m[0].length }, exact: w.exact });
    } else out.push({ m: m as RegExpExecArray, span: w.span, exact: false });
  }
  return out;
}

/** The first match of `re` in a word, if any. */
export function matchInWord(w: Word, re: RegExp): WordMatch | undefined {
  // A RegExp without the g flag gives its first match only (execAll), which is all this needs.
  return matchesInWord(w, re)[0];
}

/** Commands whose path arguments are created, changed or replaced (the path is a write target). */
export const FILE_WRITERS = new Set(['tee', 'cp', 'mv', 'install', 'ln', 'touch', 'sed', 'wget', 'curl', 'mkdir', 'chmod', 'chown', 'rsync', 'truncate', 'dd', 'patch', 'crudini', 'augtool']);

/** A path reference that writes or creates the file (redirect, COPY destination, cp/tee/sed -i/install...). */
export function isWrite(ref: PathRef): boolean {
  if (ref.context === 'redirect') return true;
  if (ref.context === 'copy-dest' || ref.context === 'volume' || ref.context === 'workdir') return true;
  return ref.command !== undefined && FILE_WRITERS.has(ref.command.base);
}

/** Existence tests and removals: a path there is not a use of the file. */
const NOT_A_USE = new Set(['test', '[', '[[', 'rm', 'unlink', 'rmdir']);
export function isUse(ref: PathRef): boolean {
  return !(ref.command && NOT_A_USE.has(ref.command.base));
}

/** A piece of text a command writes into a file: an echo/printf argument, a sed expression, a heredoc body. */
export interface Piece {
  text: string;
  /** Host offset of text[0]. */
  start: number;
  exact: boolean;
}

export interface WrittenFile {
  /** Target path as written (static), or '' when not known. */
  path: string;
  /** Every target (`sed -i EXPR f1 f2` edits several files with the same text). */
  paths: string[];
  pieces: Piece[];
  command: ShellCommand;
  via: 'heredoc' | 'echo' | 'sed';
}

const HEREDOC = /<<(-?)[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;
const ECHO = new Set(['echo', 'printf']);

function redirectTarget(cmd: ShellCommand): string | undefined {
  const r = cmd.redirects.find((x) => /^(>|>>|>\||&>|&>>)$/.test(x.op) && x.target.value?.startsWith('/') && !x.target.value.startsWith('/dev/'));
  return r?.target.value;
}

function teeTarget(cmd: ShellCommand): string | undefined {
  if (cmd.base !== 'tee') return undefined;
  return cmd.args.find((a) => a.value?.startsWith('/'))?.value;
}

/** The heredoc body that follows the host line of a command, with host offsets. */
function heredocBody(cmd: ShellCommand, source: SourceText): Piece | undefined {
  const text = source.text;
  const li = source.lineIndexOf(cmd.nameWord.span.start);
  const lineEnd = source.lineEnd(li);
  const line = text.slice(cmd.nameWord.span.start, lineEnd);
  const h = HEREDOC.exec(line);
  if (!h) return undefined;
  const delim = h[3]!;
  const bodyStart = source.lineStart(li + 1);
  for (let k = li + 1; k < source.lineCount; k++) {
    if (source.lineText(k).trim() === delim) {
      const end = source.lineStart(k);
      return { text: text.slice(bodyStart, end), start: bodyStart, exact: true };
    }
  }
  return undefined;
}

/** The words a command prints (echo/printf), without options. */
function printed(cmd: ShellCommand): Piece[] {
  const out: Piece[] = [];
  let opts = true;
  for (const a of cmd.args) {
    const v = a.value ?? a.text;
    if (opts && cmd.base === 'echo' && /^-[neE]+$/.test(v)) continue;
    opts = false;
    out.push(wordPiece(a));
  }
  return out;
}

/** A word as a piece: its raw text (quotes included) so that offsets are host offsets. */
export function wordPiece(w: Word): Piece {
  return { text: w.text, start: w.span.start, exact: w.exact };
}

/**
 * Files the given commands write text into, with the text: `cat > F <<EOF` / `tee F <<EOF` heredocs,
 * `echo X > F`, `echo X | tee F`, and `sed -i EXPR F`. Works on the host text, so Dockerfile RUN heredocs are seen.
 */
/** writtenFiles for the last command list of each file: a dozen rules ask for the same list. */
const writtenCache = new WeakMap<SourceText, { cmds: ShellCommand[]; files: WrittenFile[] }>();

export function writtenFiles(cmds: ShellCommand[], source: SourceText): WrittenFile[] {
  const hit = writtenCache.get(source);
  if (hit && hit.cmds.length === cmds.length && hit.cmds.every((c, i) => c === cmds[i])) return hit.files;
  const files = computeWrittenFiles(cmds, source);
  writtenCache.set(source, { cmds: [...cmds], files });
  return files;
}

function computeWrittenFiles(cmds: ShellCommand[], source: SourceText): WrittenFile[] {
  const out: WrittenFile[] = [];
  const seenBodies = new Set<number>();
  for (const cmd of cmds) {
    const path = redirectTarget(cmd) ?? teeTarget(cmd);
    if (path !== undefined || cmd.base === 'cat' || cmd.base === 'tee') {
      const body = heredocBody(cmd, source);
      if (body && !seenBodies.has(body.start)) {
        // `cat <<EOF | tee F`: the path is on the tee of the same line.
        const p = path ?? cmds.map((c) => (source.lineIndexOf(c.nameWord.span.start) === source.lineIndexOf(cmd.nameWord.span.start) ? teeTarget(c) : undefined)).find(Boolean) ?? '';
        seenBodies.add(body.start);
        out.push({ path: p, paths: [p], pieces: [body], command: cmd, via: 'heredoc' });
        continue;
      }
    }
    if (ECHO.has(cmd.base) && path !== undefined) out.push({ path, paths: [path], pieces: printed(cmd), command: cmd, via: 'echo' });
    if (cmd.base === 'tee' && path !== undefined) {
      // `echo X | tee F`: the echo right before the pipe.
      const prev = cmds.find((c) => ECHO.has(c.base) && c.unit === cmd.unit && c.span.end <= cmd.span.start && /^\s*\|\s*(sudo\s+)?$/.test(source.text.slice(c.span.end, cmd.span.start)));
      if (prev) out.push({ path, paths: [path], pieces: printed(prev), command: cmd, via: 'echo' });
    }
    if (cmd.base === 'sed' && cmd.args.some((a) => /^-[^-]*i/.test(a.value ?? '') || (a.value ?? '').startsWith('--in-place'))) {
      const pieces: Piece[] = [];
      const files: string[] = [];
      let sawExpr = false;
      for (let i = 0; i < cmd.args.length; i++) {
        const a = cmd.args[i]!;
        const v = a.value ?? a.text;
        if (v === '-e' || v === '--expression') {
          const e = cmd.args[i + 1];
          if (e) pieces.push(sedPiece(e));
          sawExpr = true;
          i++;
        } else if (v.startsWith('-')) continue;
        else if (!sawExpr) {
          pieces.push(sedPiece(a));
          sawExpr = true;
        } else files.push(v);
      }
      out.push({ path: files[0] ?? '', paths: files.length ? files : [''], pieces, command: cmd, via: 'sed' });
    }
  }
  return out;
}

/** A match of a pattern in written text. */
export interface ContentMatch {
  file: WrittenFile;
  m: RegExpExecArray;
  span: Span;
  exact: boolean;
}

/**
 * Matches of `re` (global) in the lines of the text written to files, skipping comment lines (`#`, `;`) of
 * heredoc bodies. `pathFilter` limits the files considered (by their target path).
 */
export function contentMatches(files: WrittenFile[], re: RegExp, pathFilter?: (path: string) => boolean): ContentMatch[] {
  const out: ContentMatch[] = [];
  for (const f of files) {
    if (pathFilter && !f.paths.some(pathFilter)) continue;
    for (const p of f.pieces) {
      let off = 0;
      for (const raw of p.text.split('\n')) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const t = line.trimStart();
        const comment = f.via === 'heredoc' && (t.startsWith('#') || t.startsWith(';'));
        if (!comment) {
          for (const m of execAll(re, line)) {
            const s = p.start + off + m.index!;
            out.push({ file: f, m: m as RegExpExecArray, span: { start: s, end: s + m[0].length }, exact: p.exact });
          }
        }
        off += raw.length + 1;
      }
    }
  }
  return out;
}

/** The argument words of a command that may name things (URLs, libraries, options): not printed text. */
export function argWords(cmd: ShellCommand): Word[] {
  // echo/logger print text; sed's expressions are read through writtenFiles (replacement text only).
  if (ECHO.has(cmd.base) || cmd.base === 'logger' || cmd.base === 'sed') return [];
  return cmd.args;
}

/**
 * The span of the part of a path reference matched by `re` (not global): exact when the host text of the
 * reference contains the path verbatim (`--config=/etc/x` and quoted words included).
 */
export function pathMatch(ref: PathRef, re: RegExp, source: SourceText): { m: RegExpExecArray; span: Span; exact: boolean } | undefined {
  const m = re.exec(ref.path);
  if (!m) return undefined;
  const raw = source.slice(ref.span);
  const at = raw.indexOf(ref.path);
  if (at < 0 || !ref.exact) return { m, span: ref.span, exact: false };
  const s = ref.span.start + at + m.index;
  return { m, span: { start: s, end: s + m[0].length }, exact: true };
}

/**
 * The text a sed expression puts into the file: the replacement of `s/re/repl/`, the text of `a\`, `i\`, `c\`
 * commands, else the whole expression. Offsets stay host offsets where the raw word allows.
 */
export function sedPiece(w: Word): Piece {
  const v = w.value ?? w.text;
  const m = /^(\s*(?:\d+|\$|\/[^/]*\/)?\s*)s(.)/.exec(v);
  if (m) {
    const d = m[2]!;
    let i = m[0].length;
    let parts = 0;
    let replStart = -1;
    for (; i < v.length; i++) {
      if (v[i] === '\\') {
        i++;
        continue;
      }
      if (v[i] === d) {
        parts++;
        if (parts === 1) replStart = i + 1;
        else break;
      }
    }
    if (replStart >= 0) {
      const repl = v.slice(replStart, i);
      const base = w.text.indexOf(v);
      const rawAt = base >= 0 ? base + replStart : -1;
      return rawAt >= 0 ? { text: repl, start: w.span.start + rawAt, exact: w.exact } : { text: repl, start: w.span.start, exact: false };
    }
  }
  return wordPiece(w);
}

/** The span of capture group `g` of a content match made with a RegExp that has the `d` flag. */
export function groupSpan(c: ContentMatch, g: number): Span {
  const ix = c.m.indices?.[g];
  if (!ix) return c.span;
  const base = c.span.start - c.m.index;
  return { start: base + ix[0], end: base + ix[1] };
}

/** Web-server and sshd configuration files (by target path; '' = unknown target, e.g. `cat <<EOF | sudo tee $F`). */
export const isNginxOrHttpdConf = (p: string) => p === '' || /^\/etc\/(nginx|httpd|apache2)\//.test(p) || /\.conf$/.test(p);

/** A match in a command argument or in text written to a file. */
export interface TextHit {
  m: RegExpExecArray;
  span: Span;
  exact: boolean;
  command: ShellCommand;
  /** The file the text is written to, when it comes from written content. */
  file?: WrittenFile;
}

/**
 * Matches of `re` (global) in the argument words of `cmds` (not printed text, not sed expressions) and in the text
 * they write into files (heredocs, `echo > F`, sed replacements), comment lines of heredocs excluded.
 */
export function textHits(cmds: ShellCommand[], source: SourceText, re: RegExp): TextHit[] {
  const out: TextHit[] = [];
  for (const cmd of cmds) for (const w of argWords(cmd)) for (const h of matchesInWord(w, re)) out.push({ ...h, command: cmd });
  for (const c of contentMatches(writtenFiles(cmds, source), re)) out.push({ m: c.m, span: c.span, exact: c.exact, command: c.file.command, file: c.file });
  const seen = new Set<string>();
  return out.filter((h) => {
    const k = `${h.span.start}:${h.span.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Base images the migration replaces with an Azure Linux image: distribution images, not language images. */
export const DISTRO_BASE_IMAGE = /(^|\/)(ubuntu|debian|centos|fedora|rockylinux|almalinux|alpine|amazonlinux|oraclelinux|ubi\d*(-minimal)?|ubi\d*\/ubi(-minimal)?|azurelinux(-beta)?\/base\/core|cbl-mariner\/base\/core|buildpack-deps)(:|@|$)/;

/**
 * For a command in a Dockerfile: the base image of its stage (resolved; an earlier stage's image when the stage
 * builds on one). undefined outside Dockerfiles.
 */
export function stageImageOf(facts: { kind: string; stages?: { index: number; image: string; fromStage?: string; span: Span }[] }, cmd: ShellCommand): string | undefined {
  if (facts.kind !== 'dockerfile' || !facts.stages) return undefined;
  const stages = facts.stages;
  let st = [...stages].reverse().find((s) => s.span.start < cmd.span.start);
  for (let guard = 0; st?.fromStage && guard < 10; guard++) {
    const name = st.fromStage.toLowerCase();
    st = stages.find((s) => (s as { name?: string }).name?.toLowerCase() === name) ?? undefined;
  }
  return st?.image ?? '';
}

/** A command runs in a Dockerfile stage whose base is a language or vendor image that the migration may keep. */
export function inLanguageImage(facts: { kind: string }, cmd: ShellCommand): boolean {
  const image = stageImageOf(facts as never, cmd);
  return image !== undefined && !DISTRO_BASE_IMAGE.test(image);
}
