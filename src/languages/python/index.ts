import { grammarParser } from '../grammar.js';
import type { Node as TSNode, Parser as TSParser, Query } from 'web-tree-sitter';
import { copyTree, type SNode as Node } from '../tree.js';
import { SourceText, type Span } from '../../core/source.js';
import { EmbeddedSource, type Segment } from '../../core/sourcemap.js';
import { pathRefsFromCommands, type FileFacts, type PathRef } from '../../core/facts.js';
import type { FileNote } from '../../core/types.js';
import { packageRefsFromCommands } from '../../core/packages.js';
import { analyzeShell } from '../shell/model.js';
import { shellParser } from '../shell/parser.js';


/** The Python parser (tree-sitter-python), loaded on first use only. */
export function pythonParser(): Promise<TSParser> {
  return grammarParser('tree-sitter-python/tree-sitter-python.wasm');
}

/** One imported module: `import a.b`, `import a.b as c`, `from a.b import c` (module a.b; names [c]). */
export interface PyImport {
  /** Dotted module name as written (`distutils.core`); '' for relative imports. */
  module: string;
  span: Span;
  /** `from M import n1, n2`: the imported names with their spans. */
  names: { name: string; span: Span }[];
  /** Inside `try:` whose handler catches ImportError / ModuleNotFoundError, or under an `if` on the Python version. */
  guarded: boolean;
  kind: 'import' | 'from';
}

/** A dotted attribute reference made only of identifiers (`ssl.PROTOCOL_TLSv1`). */
export interface PyAttribute {
  text: string;
  span: Span;
}

export interface PythonData {
  imports: PyImport[];
  attributes: PyAttribute[];
  /** The `#!` line, if the file has one. */
  shebang?: { text: string; span: Span };
}

export interface PythonFacts extends FileFacts {
  python: PythonData;
}

export function pythonOf(facts: FileFacts): PythonData | undefined {
  return (facts as Partial<PythonFacts>).python;
}

const SHELL_CALLS = new Set(['os.system', 'os.popen', 'subprocess.getoutput', 'subprocess.getstatusoutput', 'commands.getoutput']);
const ARGV_CALLS = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen', 'os.execvp', 'os.execv']);
const FILE_CALLS = new Set(['open', 'io.open', 'Path', 'pathlib.Path', 'shutil.copy', 'shutil.copy2', 'shutil.copyfile', 'shutil.move', 'os.rename', 'os.replace']);
const SAFE_WORD = /^[\w@%+=:,./-]+$/;

/** A plain string literal's content and host span (no f-string, no escapes, no implicit concatenation). */
function plainString(n: Node | null | undefined): { value: string; start: number } | undefined {
  if (!n || n.type !== 'string') return undefined;
  const start = n.namedChildren.find((c) => c.type === 'string_start');
  if (!start || /[fFbB]/.test(start.text)) return undefined;
  const parts = n.namedChildren.filter((c) => c.type !== 'string_start' && c.type !== 'string_end');
  if (parts.length === 0) return { value: '', start: start.endIndex };
  if (parts.length !== 1 || parts[0]!.type !== 'string_content') return undefined;
  return { value: parts[0]!.text, start: parts[0]!.startIndex };
}

function isGuarded(n: TSNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    // `if sys.version_info >= (3, 13): ... else: import crypt`: a version-gated import.
    if (p.type === 'if_statement' && /version_info|sys\.version|PY2|PY3|python_version/.test(p.childForFieldName('condition')?.text ?? '')) return true;
    if (p.type === 'try_statement') {
      return p.namedChildren.some((c) => c.type === 'except_clause' && /\b(ImportError|ModuleNotFoundError|Exception)\b|^except\s*:/.test(c.text.split('\n')[0]!));
    }
    if (p.type === 'function_definition' || p.type === 'class_definition') return false;
  }
  return false;
}

/**
 * What the adapter reads, found by a tree-sitter query (run inside WebAssembly): copying the whole tree to walk it
 * cost more than parsing (760 nodes for a 2.5 KB module), while the statements it needs are a handful.
 */
const QUERY = '(import_statement) @import (import_from_statement) @from (attribute) @attribute (call function: (_) @fn arguments: (argument_list) @args)';
const queries = new WeakMap<object, Query>();

export async function analyzePythonFile(file: string, text: string): Promise<PythonFacts> {
  const source = new SourceText(text);
  const notes: FileNote[] = [];
  const parser = await pythonParser();
  const parsed = text.replace(/^\uFEFF/, ' ');
  const tree = parser.parse(parsed);
  const data: PythonData = { imports: [], attributes: [] };
  const shellSources: { source: EmbeddedSource; origin: string }[] = [];
  const literalPaths: PathRef[] = [];
  const first = source.lineText(0);
  if (first.startsWith('#!')) data.shebang = { text: first, span: { start: 0, end: first.length } };
  if (tree) {
    try {
      const lang = parser.language!;
      let q = queries.get(lang);
      // web-tree-sitter is imported here, not at the top: rules import this module, and a repository without files
      // to parse must not load the parser.
      if (!q) queries.set(lang, (q = new (await import('web-tree-sitter')).Query(lang, QUERY)));
      collect(tree.rootNode, q, parsed, file, data, notes, shellSources, literalPaths);
    } finally {
      tree.delete();
    }
  }
  const shell = shellSources.length ? analyzeShell(shellSources, { parser: await shellParser() }) : undefined;
  const commands = shell?.commands ?? [];
  for (const p of shell?.problems ?? []) notes.push({ file, kind: 'parse', message: p.message, ...source.position(p.span.start) });
  return {
    file,
    kind: 'python',
    source,
    commands,
    detections: shell?.detections ?? [],
    images: [],
    paths: [...literalPaths, ...pathRefsFromCommands(commands)],
    packages: packageRefsFromCommands(commands),
    assignments: shell?.assignments ?? [],
    notes,
    python: data,
  };
}

function collect(root: TSNode, q: Query, text: string, file: string, data: PythonData, notes: FileNote[], shellSources: { source: EmbeddedSource; origin: string }[], literalPaths: PathRef[]): void {
  if (root.hasError) notes.push({ file, kind: 'parse', message: 'Python syntax error; the file was analysed as far as possible', line: 1, column: 1 });
  // Matches, not captures: a call's function and arguments come together, also when calls nest.
  for (const match of q.matches(root)) {
    const { name, node } = match.captures[0]!;
    if (name === 'import') {
      const n = copyTree(node, text);
      const guarded = isGuarded(node);
      for (const c of n.namedChildren) {
        const d = c.type === 'aliased_import' ? c.childForFieldName('name') : c;
        if (d?.type === 'dotted_name') data.imports.push({ module: d.text, span: { start: d.startIndex, end: d.endIndex }, names: [], guarded, kind: 'import' });
      }
    } else if (name === 'from') {
      const n = copyTree(node, text);
      const m = n.childForFieldName('module_name');
      const names = n.childrenForFieldName('name').map((x) => (x.type === 'aliased_import' ? x.childForFieldName('name') : x)).filter((x): x is Node => !!x);
      if (m) {
        data.imports.push({
          module: m.type === 'dotted_name' ? m.text : '',
          span: { start: m.startIndex, end: m.endIndex },
          names: names.map((x) => ({ name: x.text, span: { start: x.startIndex, end: x.endIndex } })),
          guarded: isGuarded(node),
          kind: 'from',
        });
      }
    } else if (name === 'attribute') {
      const t = text.slice(node.startIndex, node.endIndex);
      if (/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/.test(t)) data.attributes.push({ text: t, span: { start: node.startIndex, end: node.endIndex } });
    } else if (name === 'fn') {
      const fn = text.slice(node.startIndex, node.endIndex);
      const argsNode = match.captures.find((c) => c.name === 'args')?.node;
      if (!argsNode || !(SHELL_CALLS.has(fn) || ARGV_CALLS.has(fn) || FILE_CALLS.has(fn))) continue;
      // Only the arguments of the calls the rules care about are copied.
      const args = copyTree(argsNode, text);
      const a0 = args.namedChildren[0];
      const shellTrue = args.namedChildren.some((k) => k.type === 'keyword_argument' && k.childForFieldName('name')?.text === 'shell' && k.childForFieldName('value')?.text === 'True');
      if (SHELL_CALLS.has(fn) || (ARGV_CALLS.has(fn) && shellTrue)) {
        const s = plainString(a0);
        if (s) shellSources.push({ source: EmbeddedSource.identity(s.value, s.start), origin: `${fn}()` });
      } else if (ARGV_CALLS.has(fn) && (a0?.type === 'list' || a0?.type === 'tuple')) {
        const argv = argvSource(a0);
        if (argv) shellSources.push({ source: argv, origin: `${fn}()` });
      }
      if (FILE_CALLS.has(fn)) {
        for (const k of args.namedChildren.slice(0, 2)) {
          const s = plainString(k);
          if (s && s.value.startsWith('/') && !/\s/.test(s.value)) literalPaths.push({ path: s.value, span: { start: s.start, end: s.start + s.value.length }, exact: true, context: 'literal' });
        }
      }
    }
  }
}

/** `["apt-get", "install", "-y", pkg]` as the shell text `apt-get install -y "$PY_ARG"`, literals mapped to the host. */
function argvSource(list: Node): EmbeddedSource | undefined {
  let text = '';
  const segments: Segment[] = [];
  let literals = 0;
  for (const el of list.namedChildren) {
    if (el.type === 'comment') continue;
    if (text) text += ' ';
    const s = plainString(el);
    if (s && SAFE_WORD.test(s.value)) {
      segments.push({ embStart: text.length, hostStart: s.start, length: s.value.length });
      text += s.value;
      literals++;
    } else text += '"$PY_ARG"';
  }
  if (literals === 0) return undefined;
  return new EmbeddedSource(text, segments, { start: list.startIndex, end: list.endIndex });
}

