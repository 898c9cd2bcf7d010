/**
 * Property-based fuzzing (fast-check) of every source adapter, the rules, the YAML and shell parsers and the
 * source maps, with mutated real inputs (rule case files, the corpus) and arbitrary strings.
 *
 * Properties: nothing throws; every fact, finding, fix edit and note lies inside its file; a finding's line and
 * column agree with SourceText.position; every exact source-map segment maps embedded text back to identical host
 * text. Runs are few and seeded (reproducible); FUZZ_RUNS=<n> multiplies them, FUZZ_SEED=<n> changes the seed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ADAPTERS, adapterFor } from '../src/languages/registry.js';
import { runRules } from '../src/core/engine.js';
import { SourceText, type Span } from '../src/core/source.js';
import { EmbeddedSource } from '../src/core/sourcemap.js';
import type { FileFacts, FileKind } from '../src/core/facts.js';
import { loadTarget, DEFAULT_TARGET } from '../src/knowledge/target.js';
import { allRules } from '../src/rules/index.js';
import { classifyByName } from '../src/discovery.js';
import { decode, scanText } from '../src/scan.js';
import { parseYaml, scalarSource, toYValue } from '../src/languages/ansible/yaml.js';
import { kindOfCase, RULES_DIR } from './harness/cases.js';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const runs = (n: number) => Math.max(1, Math.round(n * RUNS));
const RULES = allRules();
const TARGET = loadTarget(DEFAULT_TARGET);

interface Seed {
  name: string;
  kind: FileKind;
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Real inputs: the rule case files (of every kind) and the corpus files azl-migrate would scan. */
function seeds(): Seed[] {
  const out: Seed[] = [];
  for (const p of walk(RULES_DIR)) {
    const base = p.slice(p.lastIndexOf('/') + 1);
    if (!base.startsWith('cases') || base.endsWith('.expected')) continue;
    let kind: FileKind;
    try {
      kind = kindOfCase(base);
    } catch {
      continue;
    }
    out.push({ name: relative(ROOT, p), kind, text: readFileSync(p, 'utf8') });
  }
  for (const p of walk(join(ROOT, 'corpus/ubuntu-webapp'))) {
    const rel = relative(join(ROOT, 'corpus/ubuntu-webapp'), p);
    const text = readFileSync(p, 'utf8');
    const kind = classifyByName(rel) ?? ADAPTERS.find((a) => a.matchContent?.(text.slice(0, 256)))?.kind;
    if (kind) out.push({ name: `corpus/${rel}`, kind, text });
  }
  return out;
}

const SEEDS = seeds();
const KINDS = [...new Set(ADAPTERS.map((a) => a.kind))];

/** File names that suit a kind (adapters look at the name, e.g. to tell a Terraform JSON file). */
const NAME: Record<FileKind, string> = {
  dockerfile: 'Dockerfile',
  shell: 'x.sh',
  systemd: 'x.service',
  'cloud-init': 'user-data.yaml',
  ansible: 'tasks/main.yml',
  terraform: 'main.tf',
  bicep: 'main.bicep',
  arm: 'azuredeploy.json',
  packer: 'x.pkr.hcl',
  workflow: '.github/workflows/ci.yml',
  compose: 'compose.yml',
  tsjs: 'x.ts',
  python: 'x.py',
};

/** Snippets that stress quoting, heredocs, templates, line ends and UTF-16. */
const TOKENS = ['"', "'", '\\', '\\\n', '`', '$(', '${', '}', ')', '<<EOF\n', '<<-\'EOF\'\n', '\nEOF\n', '{{ x }}', '{{', '}}', '{%', '%}', '\t', '\r\n', '\r', '\uFEFF', '😀', '\uD83D', '\uDE00', '\n', ' ', '#', ': ', '- ', '|\n', '>-\n', '&', '*a', '&a ', '!!str ', '[', ']', '{', '}', ',', ';', '&&', '||', '\0', 'RUN ', 'FROM ', '\\\r\n', 'apt-get install -y ', 'sudo ', 'sh -c "', '"""', '/*', '*/', '//', '<', '>', '=', '\u2028', '\u0085'];

type Mutation =
  | { op: 'flip'; at: number; ch: string }
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete-line'; at: number }
  | { op: 'dup-line'; at: number }
  | { op: 'truncate'; at: number }
  | { op: 'crlf' }
  | { op: 'bom' }
  | { op: 'splice'; at: number; from: number; len: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), ch: fc.oneof(fc.constantFrom(...TOKENS.filter((t) => t.length === 1)), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) }) }),
  fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dup-line' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('crlf' as const) }),
  fc.record({ op: fc.constant('bom' as const) }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), len: fc.nat({ max: 200 }) }),
);

function applyMutation(text: string, m: Mutation): string {
  const pos = (n: number) => (text.length ? n % (text.length + 1) : 0);
  const lines = () => text.split('\n');
  switch (m.op) {
    case 'flip': {
      const at = pos(m.at);
      return text.slice(0, at) + m.ch + text.slice(at + 1);
    }
    case 'insert': {
      const at = pos(m.at);
      return text.slice(0, at) + m.s + text.slice(at);
    }
    case 'delete-line': {
      const ls = lines();
      ls.splice(m.at % ls.length, 1);
      return ls.join('\n');
    }
    case 'dup-line': {
      const ls = lines();
      const i = m.at % ls.length;
      ls.splice(i, 0, ls[i]!);
      return ls.join('\n');
    }
    case 'truncate':
      return text.slice(0, pos(m.at));
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return text.startsWith('\uFEFF') ? text.slice(1) : `\uFEFF${text}`;
    case 'splice': {
      const from = pos(m.from);
      return text.slice(0, pos(m.at)) + text.slice(from, from + m.len) + text.slice(pos(m.at));
    }
  }
}

const inside = (span: Span, len: number) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= len;

/**
 * Embedded code is often analysed as a same-length masked copy, so offsets stay exact: Dockerfile line continuations,
 * comment lines inside them and byte-order marks become spaces (src/languages/shell/mask.ts); template expressions
 * (`{{ x }}`, `${{ x }}`, `${x}`) become `$___` or `J___` placeholders (systemd/embed.ts, workflows, infra, tsjs).
 * Where the embedded text has a placeholder character, take the host character; anything else must be equal.
 */
const PLACEHOLDER = new Set([' ', '_', '$', 'J']);
function unmask(emb: string, host: string): string {
  let out = '';
  for (let i = 0; i < emb.length; i++) out += PLACEHOLDER.has(emb[i]!) && i < host.length ? host[i] : emb[i];
  return out;
}

/** Every exact segment of an embedded source copies its host text (up to masking). */
function checkEmbedded(src: EmbeddedSource, host: string, what: string): void {
  for (const s of src.segments) {
    expect(inside({ start: s.hostStart, end: s.hostStart + s.length }, host.length), `${what}: segment host range ${s.hostStart}+${s.length} outside the file`).toBe(true);
    expect(inside({ start: s.embStart, end: s.embStart + s.length }, src.text.length), `${what}: segment embedded range outside the embedded text`).toBe(true);
    const emb = src.text.slice(s.embStart, s.embStart + s.length);
    expect(unmask(emb, host.slice(s.hostStart, s.hostStart + s.length)), `${what}: segment text differs`).toBe(host.slice(s.hostStart, s.hostStart + s.length));
    const back = src.toHost({ start: s.embStart, end: s.embStart + s.length });
    if (s.length > 0) {
      expect(back.exact, `${what}: toHost of an exact segment is inexact`).toBe(true);
      expect(unmask(emb, host.slice(back.span.start, back.span.end)), `${what}: toHost of a segment maps to other text`).toBe(host.slice(back.span.start, back.span.end));
    }
  }
  // Any embedded span maps somewhere inside the host file.
  for (const e of [0, src.text.length >> 1, src.text.length]) expect(inside(src.toHost({ start: 0, end: e }).span, host.length), `${what}: toHost(0, ${e}) outside the file`).toBe(true);
}

/** All facts of a file lie inside it, and the embedded sources behind its commands map back exactly. */
function checkFacts(facts: FileFacts, text: string): void {
  const len = text.length;
  const spanOk = (span: Span, what: string) => expect(inside(span, len), `${what} ${JSON.stringify(span)} outside a file of ${len}`).toBe(true);
  const units = new Set<EmbeddedSource>();
  for (const c of facts.commands) {
    spanOk(c.span, `command ${c.name}`);
    spanOk(c.nameWord.span, 'command name');
    for (const a of c.args) spanOk(a.span, `argument ${a.text}`);
    for (const r of c.redirects) spanOk(r.target.span, 'redirect');
    for (const a of c.assignments) (spanOk(a.span, 'assignment'), spanOk(a.valueSpan, 'assignment value'));
    units.add(c.unit.source);
  }
  for (const d of facts.detections) {
    spanOk(d.span, 'detection');
    for (const b of d.branches) spanOk(b.span, 'detection branch');
  }
  for (const i of facts.images) {
    spanOk(i.span, `image ${i.raw}`);
    for (const p of Object.values(i.vm ?? {})) if (p && typeof p === 'object') spanOk(p.span, 'image part');
  }
  for (const p of facts.paths) spanOk(p.span, `path ${p.path}`);
  for (const p of facts.packages) spanOk(p.span, `package ${p.raw}`);
  for (const a of facts.assignments) (spanOk(a.span, 'assignment'), spanOk(a.valueSpan, 'assignment value'));
  const src = new SourceText(text);
  for (const n of facts.notes) {
    expect(typeof n.message === 'string' && n.message.length > 0).toBe(true);
    if (n.line !== undefined) expect(n.line >= 1 && n.line <= src.lineCount, `note line ${n.line} of ${src.lineCount}: ${n.message}`).toBe(true);
    if (n.column !== undefined) expect(n.column >= 1, `note column ${n.column}`).toBe(true);
  }
  for (const u of units) checkEmbedded(u, text, `unit of ${facts.file}`);
}

async function analyzeAndCheck(name: string, kind: FileKind, text: string): Promise<void> {
  if (process.env.FUZZ_TRACE) writeFileSync(process.env.FUZZ_TRACE, JSON.stringify({ name, kind, text }));
  const facts = await adapterFor(kind).analyze(name, text);
  expect(facts.source.text).toBe(text);
  checkFacts(facts, text);
  const src = new SourceText(text);
  for (const f of runRules(facts, { rules: RULES, target: TARGET })) {
    expect(inside(f.span, text.length), `${f.ruleId} span ${JSON.stringify(f.span)} outside a file of ${text.length}`).toBe(true);
    expect({ line: f.line, column: f.column }, `${f.ruleId} start position`).toEqual(src.position(f.span.start));
    expect({ line: f.endLine, column: f.endColumn }, `${f.ruleId} end position`).toEqual(src.position(f.span.end));
    for (const fix of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])]) for (const e of fix.edits) expect(inside(e.span, text.length), `${f.ruleId} edit span`).toBe(true);
  }
}

/** On a failure, say which input it was (fast-check shrinks it), so it can be replayed. */
async function replayable(name: string, kind: FileKind, text: string): Promise<void> {
  try {
    await analyzeAndCheck(name, kind, text);
  } catch (e) {
    (e as Error).message = `${(e as Error).message}\n  input (${kind}, ${name}): ${JSON.stringify(text.length > 2000 ? text.slice(0, 2000) + '…' : text)}`;
    throw e;
  }
}

describe('fuzzing the adapters and rules', () => {
  it('has seeds of every kind', () => {
    const have = new Set(SEEDS.map((s) => s.kind));
    for (const k of KINDS) expect(have.has(k), `no seed file of kind ${k}`).toBe(true);
  });

  it('the seeds themselves hold the properties', async () => {
    for (const s of SEEDS) await replayable(s.name, s.kind, s.text);
  }, 120_000);

  it('mutated real files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: SEEDS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (i, ms) => {
        const s = SEEDS[i]!;
        await replayable(s.name, s.kind, ms.reduce(applyMutation, s.text));
      }),
      { numRuns: runs(400), seed: SEED },
    );
  }, 120_000);

  it('arbitrary strings, as every kind', async () => {
    const piece = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }, { weight: 1, arbitrary: fc.constantFrom('apt-get', 'install', 'FROM', 'RUN', 'hosts:', 'tasks:', 'ExecStart=', '[Service]', 'packages:', 'runcmd:', 'resource', 'image', 'ubuntu:22.04', 'Canonical', '/etc/os-release', 'yum', 'dnf', 'import subprocess', 'child_process', 'execSync(') });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KINDS), fc.array(piece, { maxLength: 40 }), async (kind, parts) => {
        await replayable(NAME[kind], kind, parts.join(''));
      }),
      { numRuns: runs(300), seed: SEED },
    );
  }, 120_000);

  it('scanText never throws and keeps notes well-formed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KINDS), fc.string({ unit: 'binary', maxLength: 300 }), async (kind, text) => {
        const r = await scanText(NAME[kind], kind, text, RULES, DEFAULT_TARGET);
        for (const n of r.notes) expect(n.message.length).toBeGreaterThan(0);
        // Internal errors are bugs: they must not happen on any input.
        expect(r.notes.filter((n) => n.message.startsWith('internal error'))).toEqual([]);
      }),
      { numRuns: runs(150), seed: SEED },
    );
  }, 120_000);
});

describe('fuzzing the parsers and source maps', () => {
  const yamlSeeds = SEEDS.filter((s) => /\.ya?ml$/.test(s.name)).map((s) => s.text);

  it('YAML: parse, convert and decode every scalar with exact segments', async () => {
    await fc.assert(
      fc.property(fc.nat({ max: yamlSeeds.length - 1 }), fc.array(mutation, { maxLength: 6 }), (i, ms) => {
        const text = ms.reduce(applyMutation, yamlSeeds[i]!);
        const { docs, problems } = parseYaml(text);
        for (const p of problems) expect(p.offset >= 0 && p.offset <= text.length, `problem offset ${p.offset}`).toBe(true);
        const visit = (v: ReturnType<typeof toYValue>, depth: number): void => {
          expect(inside(v.span, text.length), `YAML node span ${JSON.stringify(v.span)}`).toBe(true);
          if (v.value !== undefined && v.span.end > v.span.start) checkEmbedded(scalarSource(text, v.span), text, 'YAML scalar');
          if (depth > 100) return;
          for (const item of v.items ?? []) visit(item, depth + 1);
          for (const e of v.entries?.values() ?? []) visit(e, depth + 1);
        };
        for (const d of docs) visit(toYValue(d.contents, text), 0);
      }),
      { numRuns: runs(300), seed: SEED },
    );
  }, 60_000);

  it('EmbeddedSource: random segment layouts round-trip', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 30 }), fc.nat({ max: 5 })), { maxLength: 8 }), (host, parts) => {
        // Build an embedded text from host pieces (in order), with synthetic characters between them.
        let text = '';
        let h = 0;
        const segments = [];
        for (const [skip, len, extra] of parts) {
          h = Math.min(host.length, h + (skip % 10));
          const l = Math.min(len, host.length - h);
          // SourceBuilder never makes empty segments (src/languages/systemd/embed.ts).
          if (l === 0) continue;
          text += 'x'.repeat(extra);
          segments.push({ embStart: text.length, hostStart: h, length: l });
          text += host.slice(h, h + l);
          h += l;
        }
        const src = new EmbeddedSource(text, segments, { start: 0, end: host.length });
        checkEmbedded(src, host, 'synthetic');
        for (let e = 0; e <= text.length; e++) {
          const m = src.toHost({ start: e, end: e });
          expect(inside(m.span, host.length)).toBe(true);
        }
      }),
      { numRuns: runs(300), seed: SEED },
    );
  });

  it('SourceText: positions and offsets agree, BOM and CRLF included', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '\r\n', '\r', '\uFEFF', '😀', '\t', ' '), { maxLength: 60 }), fc.nat(), (parts, n) => {
        const text = parts.join('');
        const src = new SourceText(text);
        const off = text.length ? n % (text.length + 1) : 0;
        const p = src.position(off);
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.line).toBeLessThanOrEqual(src.lineCount);
        expect(p.column).toBeGreaterThanOrEqual(1);
        const bomShift = p.line === 1 && src.hasBom && off > 0 ? 1 : 0;
        expect(src.offsetAt(p.line - 1, p.column - 1 + bomShift)).toBe(off);
      }),
      { numRuns: runs(500), seed: SEED },
    );
  });

  it('decode: random bytes give text or a reason, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const d = decode(bytes);
        if (d.ok) expect(typeof d.text).toBe('string');
        else expect(d.reason).toMatch(/binary|UTF-8/);
      }),
      { numRuns: runs(500), seed: SEED },
    );
  });
});
