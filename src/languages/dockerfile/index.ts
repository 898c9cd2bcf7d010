import { DockerfileParser, type Instruction, type From } from 'dockerfile-ast';
import { SourceText, type Span } from '../../core/source.js';
import { EmbeddedSource } from '../../core/sourcemap.js';
import type { FileFacts, ImageRef, PathRef, Assignment } from '../../core/facts.js';
import { pathRefsFromCommands, looksLikePath } from '../../core/facts.js';
import type { FileNote } from '../../core/types.js';
import { packageRefsFromCommands } from '../../core/packages.js';
import { analyzeShell } from '../shell/model.js';
import { shellParser } from '../shell/parser.js';
import { maskShell } from '../shell/mask.js';

const HEREDOC_SPACE = /<<(-?)([ \t]+)(["']?)([A-Za-z_][A-Za-z0-9_]*)\3/g;

/**
 * dockerfile-ast does not see `<< 'EOF'` (a space after <<) as a heredoc; Docker does. Rewrite it to the
 * same-length `<<'EOF' ` before parsing so every offset stays valid.
 */
export function normalizeHeredocs(text: string): string {
  return text.replace(HEREDOC_SPACE, (_m, dash: string, sp: string, q: string, name: string) => `<<${dash}${q}${name}${q}${sp}`);
}

export interface DockerStage {
  index: number;
  name?: string;
  /** Resolved base image, or the earlier stage it builds on. */
  image: string;
  fromStage?: string;
  span: Span;
}

export interface DockerfileFacts extends FileFacts {
  stages: DockerStage[];
}

function resolveArgs(raw: string, args: Map<string, string>): { value: string; unresolved: boolean } {
  let unresolved = false;
  const value = raw.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, n1: string | undefined, op: string | undefined, word: string | undefined, n2: string | undefined) => {
    const name = (n1 ?? n2)!;
    const v = args.get(name);
    if (op === ':-' || op === '-') {
      if (v !== undefined && (op === '-' || v !== '')) return v;
      return word ?? '';
    }
    if (op === ':+' || op === '+') {
      if (v !== undefined && (op === '+' || v !== '')) return word ?? '';
      return '';
    }
    if (v === undefined) {
      unresolved = true;
      return `\${${name}}`;
    }
    return v;
  });
  return { value, unresolved };
}

export async function analyzeDockerfile(file: string, text: string): Promise<DockerfileFacts> {
  const source = new SourceText(text);
  const notes: FileNote[] = [];
  const dockerfile = DockerfileParser.parse(normalizeHeredocs(text));
  const escape = dockerfile.getEscapeCharacter();
  const off = (p: { line: number; character: number }) => source.offsetAt(p.line, p.character);

  const images: ImageRef[] = [];
  const stages: DockerStage[] = [];
  const paths: PathRef[] = [];
  const assignments: Assignment[] = [];
  const shellSources: { source: EmbeddedSource; origin: string }[] = [];
  const globalArgs = new Map<string, string>();
  const stageNames = new Set<string>();
  let seenFrom = false;
  let shellIsPosix = true;

  for (const ins of dockerfile.getInstructions()) {
    const kw = ins.getKeyword().toUpperCase();
    const argsRange = ins.getArgumentsRange();
    if (kw === 'ARG' && !seenFrom) {
      for (const a of propertiesOf(ins)) if (a.value !== undefined) globalArgs.set(a.name, a.value);
    }
    if (kw === 'FROM') {
      seenFrom = true;
      shellIsPosix = true;
      const from = ins as From;
      const r = from.getImageRange();
      const stageName = from.getBuildStage() ?? undefined;
      if (r) {
        const span = { start: off(r.start), end: off(r.end) };
        const raw = source.slice(span);
        const { value, unresolved } = resolveArgs(raw, globalArgs);
        const index = stages.length;
        const fromStage = stageNames.has(value.toLowerCase()) ? value : undefined;
        stages.push({ index, name: stageName, image: value, fromStage, span });
        if (!fromStage) images.push({ image: value, raw, span, exact: true, unresolved, context: 'dockerfile-from', stage: stageName, stageIndex: index });
      }
      if (stageName) stageNames.add(stageName.toLowerCase());
      continue;
    }
    if (kw === 'SHELL') {
      const content = ins.getArgumentsContent() ?? '';
      shellIsPosix = /^\s*\[\s*"(\/bin\/|\/usr\/bin\/)?(sh|bash|dash|ash|zsh)"/.test(content);
      continue;
    }
    if ((kw === 'ENV' || kw === 'ARG') && argsRange) {
      for (const p of propertiesOf(ins)) {
        const span = { start: off(p.nameRange.start), end: p.valueRange ? off(p.valueRange.end) : off(p.nameRange.end) };
        const valueSpan = p.valueRange ? { start: off(p.valueRange.start), end: off(p.valueRange.end) } : { start: span.end, end: span.end };
        assignments.push({ name: p.name, value: p.value, span, valueSpan, context: kw === 'ENV' ? 'docker-env' : 'docker-arg' });
        if (p.value && looksLikePath(p.value)) paths.push({ path: p.value, span: valueSpan, exact: true, context: 'env' });
      }
      continue;
    }
    if ((kw === 'VOLUME' || kw === 'WORKDIR') && argsRange) {
      for (const a of ins.getArguments()) {
        const r = a.getRange();
        const span = { start: off(r.start), end: off(r.end) };
        const v = a.getValue().replace(/^\[?\s*"?|"?\s*,?\]?$/g, '');
        if (looksLikePath(v)) paths.push({ path: v, span, exact: true, context: kw === 'VOLUME' ? 'volume' : 'workdir' });
      }
      continue;
    }
    if ((kw === 'COPY' || kw === 'ADD') && argsRange) {
      const args = ins.getArguments();
      const last = args[args.length - 1];
      if (last && args.length >= 2) {
        const r = last.getRange();
        const v = last.getValue();
        if (looksLikePath(v)) paths.push({ path: v, span: { start: off(r.start), end: off(r.end) }, exact: true, context: 'copy-dest' });
      }
      continue;
    }
    if (kw === 'RUN' && argsRange) {
      for (const flag of runFlags(ins)) {
        if (flag.name === 'mount') {
          const m = /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(flag.value);
          if (m) {
            const start = flag.valueStart + m.index + m[0].indexOf('=') + 1;
            paths.push({ path: m[1]!, span: { start: off(flag.line) + start, end: off(flag.line) + start + m[1]!.length }, exact: true, context: 'mount' });
          }
        }
      }
      if (!shellIsPosix) {
        notes.push({ file, kind: 'info', message: 'RUN uses a non-POSIX SHELL; its commands were not analysed', ...source.position(off(argsRange.start)) });
        continue;
      }
      const run = runSources(ins, source, off, escape);
      if (run.heredocsUnread) notes.push({ file, kind: 'parse', message: `the Dockerfile parser failed on this RUN's heredocs (${run.heredocsUnread}); it was analysed as one shell command`, ...source.position(off(argsRange.start)) });
      shellSources.push(...run.sources);
    }
  }

  const shell = shellSources.length > 0 ? analyzeShell(shellSources, { parser: await shellParser() }) : undefined;
  const commands = shell?.commands ?? [];
  for (const p of shell?.problems ?? []) notes.push({ file, kind: 'parse', message: p.message, ...source.position(p.span.start) });
  return {
    file,
    kind: 'dockerfile',
    source,
    commands,
    detections: shell?.detections ?? [],
    images,
    paths: [...paths, ...pathRefsFromCommands(commands)],
    packages: packageRefsFromCommands(commands, [...assignments, ...(shell?.assignments ?? [])], source),
    assignments: [...assignments, ...(shell?.assignments ?? [])],
    notes,
    stages,
  };
}

interface PropertyFact {
  name: string;
  value?: string;
  nameRange: { start: { line: number; character: number }; end: { line: number; character: number } };
  valueRange?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function propertiesOf(ins: Instruction): PropertyFact[] {
  const getProps = (ins as unknown as { getProperties?: () => unknown[]; getProperty?: () => unknown }).getProperties?.bind(ins);
  const props = (getProps ? getProps() : [(ins as unknown as { getProperty: () => unknown }).getProperty?.()]).filter(Boolean) as {
    getName(): string;
    getValue(): string | null;
    getNameRange(): PropertyFact['nameRange'];
    getValueRange(): PropertyFact['valueRange'] | null;
  }[];
  return props.map((p) => ({ name: p.getName(), value: p.getValue() ?? undefined, nameRange: p.getNameRange(), valueRange: p.getValueRange() ?? undefined }));
}

interface RunFlag {
  name: string;
  value: string;
  /** 0-based line and the character offset where the value starts */
  line: { line: number; character: number };
  valueStart: number;
}

function runFlags(ins: Instruction): RunFlag[] {
  const getFlags = (ins as unknown as { getFlags?: () => { getName(): string; getValue(): string | null; getValueRange(): { start: { line: number; character: number } } | null }[] }).getFlags;
  if (!getFlags) return [];
  return getFlags.call(ins).flatMap((f) => {
    const r = f.getValueRange();
    const v = f.getValue();
    if (!r || v === null) return [];
    return [{ name: f.getName(), value: v, line: { line: r.start.line, character: 0 }, valueStart: r.start.character }];
  });
}

/** The shell code of a RUN: its command line (continuations masked) and heredoc bodies that are scripts. */
type RunSource = { source: EmbeddedSource; origin: string };

/** The shell code of a RUN; `heredocsUnread` says why its heredocs could not be read (then it is one command). */
function runSources(ins: Instruction, source: SourceText, off: (p: { line: number; character: number }) => number, escape: string): { sources: RunSource[]; heredocsUnread?: string } {
  let heredocsUnread: string | undefined;
  let heredocs: Heredoc[] = [];
  try {
    heredocs = (ins as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs?.call(ins) ?? [];
  } catch (e) {
    // dockerfile-ast 0.7.1 throws on `RUN \<newline>\#c` (a continuation, then an escaped #) (found by fuzzing).
    heredocsUnread = e instanceof Error ? e.message : String(e);
  }
  const sources = runSourcesWith(ins, source, off, escape, heredocs);
  return heredocsUnread === undefined ? { sources } : { sources, heredocsUnread };
}

type Heredoc = { getContentRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null; getDelimiterRange(): { start: { line: number; character: number } } | null };

function runSourcesWith(ins: Instruction, source: SourceText, off: (p: { line: number; character: number }) => number, escape: string, heredocs: Heredoc[]): RunSource[] {
  const range = ins.getArgumentsRange()!;
  // Skip RUN flags (--mount=..., --network=...): the shell starts after them.
  let start = off(range.start);
  const end = off(range.end);
  const text = source.text;
  const flagRe = /--[a-z-]+=(?:"[^"]*"|'[^']*'|\S)+[ \t]*/y;
  flagRe.lastIndex = start;
  for (let m = flagRe.exec(text); m && m.index === start; m = flagRe.exec(text)) {
    start = flagRe.lastIndex;
    // A flag may be followed by a line continuation.
    const cont = new RegExp(`\\${escape}[ \\t]*\\r?\\n[ \\t]*`, 'y');
    cont.lastIndex = start;
    if (cont.exec(text)) start = cont.lastIndex;
    flagRe.lastIndex = start;
  }
  const raw = text.slice(start, end);
  if (/^\s*\[/.test(raw)) {
    // Exec form: a JSON array of words. As the same-length shell text `"a" "b"` it parses to the same argv.
    return [{ source: EmbeddedSource.identity(jsonAsShell(raw), start), origin: 'RUN (exec form)' }];
  }
  if (heredocs.length === 0) {
    return [{ source: EmbeddedSource.identity(maskShell(raw, escape, true), start), origin: 'RUN' }];
  }
  const firstBody = heredocs[0]!.getContentRange() ?? heredocs[0]!.getDelimiterRange();
  const lineEnd = firstBody ? source.lineStart(firstBody.start.line) : end;
  const cmdLine = text.slice(start, Math.max(start, lineEnd));
  const masked = maskShell(cmdLine, escape, true).replace(/<<-?[ \t]*(["']?)[A-Za-z_][A-Za-z0-9_]*\1/g, (m) => ' '.repeat(m.length));
  const words = masked.trim().split(/\s+/).filter(Boolean);
  const shells = /^(\/(usr\/)?bin\/)?(sh|bash|dash|ash|zsh)$/;
  const isScript = words.length === 0 || (shells.test(words[0]!) && words.slice(1).every((w) => w.startsWith('-') && !w.includes('c')));
  if (!isScript) {
    // `RUN cat <<EOF > /etc/x.service`: the heredoc is data for a command, as in a script; shell sees the
    // command line and the bodies together (so a unit or config written this way is found).
    return [{ source: EmbeddedSource.identity(maskShell(cmdLine, escape, true) + text.slice(Math.max(start, lineEnd), end), start), origin: 'RUN' }];
  }
  const out = [{ source: EmbeddedSource.identity(masked, start), origin: 'RUN' }];
  {
    for (const h of heredocs) {
      const r = h.getContentRange();
      if (!r) continue;
      const s = off(r.start);
      const e = off(r.end);
      out.push({ source: EmbeddedSource.identity(maskShell(text.slice(s, e), escape, false), s), origin: 'RUN heredoc' });
    }
  }
  return out;
}

/** `["apt-get", "install", "x"]` -> ` "apt-get"  "install"  "x" ` (same length). */
function jsonAsShell(raw: string): string {
  let out = '';
  let inStr = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (inStr) {
      out += c;
      if (c === '\\') {
        out += raw[i + 1] ?? '';
        i++;
      } else if (c === '"') inStr = false;
    } else if (c === '"') {
      inStr = true;
      out += c;
    } else out += c === '\n' || c === '\r' ? c : ' ';
  }
  return out;
}
