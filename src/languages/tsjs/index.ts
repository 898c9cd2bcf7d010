import type { FileFacts, ImagePart } from '../../core/facts.js';
import type { Span } from '../../core/source.js';
import { SourceBuilder } from '../systemd/embed.js';
import { emptyCollected, finishFacts, imageText, type Collected, type Setting } from '../infra/model.js';
import { loadTs } from './load.js';

type TsApi = typeof import('ts-morph').ts;
type TsNode = import('ts-morph').ts.Node;
/** The file being walked (nodes have no parent pointers, so positions need it). */
let SF: import('ts-morph').ts.SourceFile | undefined;

/** Files worth parsing: they name a child_process API or an IaC image/OS-SKU property. The rest cost a regex. */
const INTERESTING = /child_process|\b(publisher|osSku|osSKU|hyperVGeneration|secureBootEnabled)\b/;
const EXEC_FNS = new Set(['exec', 'execSync', 'spawn', 'spawnSync', 'execFile', 'execFileSync']);
export const TEMPLATE_ORIGIN = 'child_process template literal';

/**
 * TS/JS: Pulumi and CDK for Terraform programs (object literals with publisher/offer/sku, osSku) and child_process
 * calls (command strings go through the shell analysis). Parsed with the raw TypeScript API bundled in ts-morph
 * (no project, no type checker), imported lazily.
 */
export async function analyzeTsJs(file: string, text: string): Promise<FileFacts> {
  const c = emptyCollected(text);
  if (!INTERESTING.test(text)) return finishFacts(file, 'tsjs', text, c);
  const ts = await loadTs();
  const kind = /\.tsx$/i.test(file) ? ts.ScriptKind.TSX : /\.jsx$/i.test(file) ? ts.ScriptKind.JSX : /\.[mc]?js$/i.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  // No parent pointers and no JSDoc: positions come from getStart(SF); both options make parsing cheaper.
  let sf: import('ts-morph').ts.SourceFile;
  try {
    sf = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode?.ParseNone }, false, kind);
  } catch (e) {
    c.notes.push({ file, kind: 'parse', message: `TS/JS: the file could not be parsed (${(e as Error).message}).` });
    return finishFacts(file, 'tsjs', text, c);
  }
  SF = sf;
  const usesChildProcess = /['"](node:)?child_process['"]/.test(text);
  // An explicit stack: deeply nested expressions must not overflow the call stack.
  const stack: TsNode[] = [sf];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isObjectLiteralExpression(n)) objectLiteral(ts, n, text, c);
    else if (usesChildProcess && ts.isCallExpression(n)) call(ts, n, text, c);
    const kids: TsNode[] = [];
    ts.forEachChild(n, (k) => {
      kids.push(k);
    });
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  const facts = await finishFacts(file, 'tsjs', text, c);
  return facts;
}

function propName(ts: TsApi, p: import('ts-morph').ts.ObjectLiteralElementLike): string | undefined {
  if (!ts.isPropertyAssignment(p)) return undefined;
  const n = p.name;
  return ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined;
}

/**
 * Where a string or no-substitution template literal's contents end: before its closing quote, or at its end when
 * it has none (the parser accepts `sku: '` at the end of a line, an unterminated literal).
 */
function contentEnd(e: import('ts-morph').ts.LiteralLikeNode, end: number): number {
  return e.isUnterminated ? end : end - 1;
}

/** A string literal property value as a setting (the span of its contents), or a value-less setting. */
function literal(ts: TsApi, e: import('ts-morph').ts.Expression, text: string): Setting {
  const start = e.getStart(SF);
  const end = e.getEnd();
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    const span = { start: start + 1, end: contentEnd(e, end) };
    return { value: e.text, span, exact: text.slice(span.start, span.end) === e.text };
  }
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return { value: e.getText(SF), span: { start, end }, exact: true };
  return { span: { start, end }, exact: true };
}

function objectLiteral(ts: TsApi, o: import('ts-morph').ts.ObjectLiteralExpression, text: string, c: Collected): void {
  const props = new Map<string, { s: Setting; key: Span }>();
  for (const p of o.properties) {
    const name = propName(ts, p);
    if (!name || !ts.isPropertyAssignment(p)) continue;
    props.set(name, { s: literal(ts, p.initializer, text), key: { start: p.name.getStart(SF), end: p.name.getEnd() } });
  }
  const pub = props.get('publisher');
  if (pub && (props.has('offer') || props.has('sku'))) {
    const part = (k: string): ImagePart | undefined => {
      const x = props.get(k);
      return x ? { value: x.s.value, span: x.s.span, exact: x.s.exact } : undefined;
    };
    const parts = { publisher: part('publisher'), offer: part('offer'), sku: part('sku'), version: part('version') };
    const image = { image: imageText(parts), raw: imageText(parts), span: pub.key, exact: true, unresolved: [parts.publisher, parts.offer, parts.sku].some((x) => x?.value === undefined), context: 'vm-image' as const, host: 'pulumi', vm: { form: 'parts' as const, ...parts } };
    c.images.push(image);
    c.infra.vms.push({ host: 'pulumi', type: 'object literal', span: pub.key, image });
  }
  for (const k of ['osSku', 'osSKU']) {
    const x = props.get(k);
    if (x) c.infra.aksPools.push({ host: 'pulumi', type: 'object literal', span: x.key, osSku: { ...x.s, keySpan: x.key } });
  }
  const gen = props.get('hyperVGeneration');
  if (gen) c.infra.vms.push({ host: 'pulumi', type: 'object literal', span: gen.key, generation: gen.s });
  const sb = props.get('secureBootEnabled');
  if (sb) c.infra.vms.push({ host: 'pulumi', type: 'object literal', span: sb.key, secureBoot: sb.s });
}

function calleeName(ts: TsApi, e: import('ts-morph').ts.Expression): string | undefined {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** Shell text of a string or template literal argument, mapped to the host. */
function stringArg(ts: TsApi, e: import('ts-morph').ts.Expression, text: string): { b: SourceBuilder; span: Span; template: boolean } | undefined {
  const start = e.getStart(SF);
  const end = e.getEnd();
  const b = new SourceBuilder(text);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    const raw = text.slice(start + 1, contentEnd(e, end));
    if (raw === e.text) b.copy(start + 1, raw.length);
    else b.emit(e.text);
    return { b, span: { start, end }, template: false };
  }
  if (ts.isTemplateExpression(e)) {
    // An unterminated template (no closing backtick) is not taken apart.
    if (e.templateSpans[e.templateSpans.length - 1]?.literal.isUnterminated) return undefined;
    // Literal parts are copied; each ${expr} becomes a same-length shell expansion.
    const raw = text.slice(start + 1, end - 1);
    const masked = raw.replace(/\$\{[^}]*\}/g, (m) => '$' + '_'.repeat(m.length - 1));
    if (/\\/.test(masked)) return undefined;
    const mb = new SourceBuilder(text.slice(0, start + 1) + masked + text.slice(end - 1));
    mb.copy(start + 1, raw.length);
    return { b: mb, span: { start, end }, template: true };
  }
  return undefined;
}

/** Template literals with ${} are reported, not fixed: the interpolated values are unknown. */
function push(c: Collected, s: { b: SourceBuilder; span: Span; template: boolean }): void {
  c.shell.push({ source: s.b.build(s.span), origin: s.template ? TEMPLATE_ORIGIN : 'child_process' });
  if (s.template) (c.noFix ??= []).push(s.span);
}

function call(ts: TsApi, n: import('ts-morph').ts.CallExpression, text: string, c: Collected): void {
  const name = calleeName(ts, n.expression);
  if (!name || !EXEC_FNS.has(name) || n.arguments.length === 0) return;
  const first = n.arguments[0]!;
  const shellOpt = n.arguments.some((a) => ts.isObjectLiteralExpression(a) && a.properties.some((p) => propName(ts, p) === 'shell' && ts.isPropertyAssignment(p) && p.initializer.kind !== ts.SyntaxKind.FalseKeyword));
  if (name.startsWith('exec') && !name.startsWith('execFile')) {
    const s = stringArg(ts, first, text);
    if (s) push(c, s);
    return;
  }
  // spawn / execFile: argv (file + array of literal arguments), or a command string with { shell: true }.
  if (shellOpt && n.arguments.length >= 1 && !ts.isArrayLiteralExpression(n.arguments[1] ?? first)) {
    const s = stringArg(ts, first, text);
    if (s) push(c, s);
    return;
  }
  const words = [first, ...(n.arguments[1] && ts.isArrayLiteralExpression(n.arguments[1]) ? n.arguments[1].elements : [])];
  const b = new SourceBuilder(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!(ts.isStringLiteral(w) || ts.isNoSubstitutionTemplateLiteral(w))) return;
    const raw = text.slice(w.getStart(SF) + 1, contentEnd(w, w.getEnd()));
    if (raw !== w.text || /[\s'"\\$`;&|<>()]/.test(w.text)) return;
    if (i > 0) b.emit(' ');
    b.copy(w.getStart(SF) + 1, raw.length);
  }
  c.shell.push({ source: b.build({ start: n.getStart(SF), end: n.getEnd() }), origin: `child_process ${name} (argv)` });
}
