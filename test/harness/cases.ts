import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FileKind } from '../../src/core/facts.js';
import type { Rule } from '../../src/core/rule.js';
import type { Finding } from '../../src/core/types.js';
import { adapterFor } from '../../src/languages/registry.js';
import { runRules } from '../../src/core/engine.js';
import { loadTarget } from '../../src/knowledge/target.js';
import { classifyByName } from '../../src/discovery.js';

export const RULES_DIR = join(import.meta.dirname, '../../rules');

/** Case files of a rule folder: cases.<ext> and cases.<name>.<ext>, not the .fixed counterparts. */
export function caseFiles(ruleId: string): string[] {
  const dir = join(RULES_DIR, ruleId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.startsWith('cases') && !/\.(unsafe-)?fixed\./.test(f + '.') && !f.endsWith('.expected')).sort();
}

/** Kinds a case file can name explicitly, for kinds found by path or content: `cases.ansible.yml`, `cases.cloud-init.yaml`. */
const NAMED_KINDS: FileKind[] = ['ansible', 'cloud-init', 'systemd', 'arm', 'packer', 'workflow', 'compose'];

export function kindOfCase(name: string): FileKind {
  const named = name.split('.').find((part): part is FileKind => (NAMED_KINDS as string[]).includes(part));
  const kind = named ?? classifyByName(name);
  if (!kind) throw new Error(`cannot tell the kind of case file ${name}`);
  return kind;
}

const ANNOTATION = /^\s*(?:#|\/\/|;)\s*(ruleid|ok):\s*(.+?)\s*$/;

export interface Expectations {
  /** line (1-based) -> rule ids expected there (repeated for several findings) */
  expected: Map<number, string[]>;
  ok: Map<number, string[]>;
}

/**
 * JSON case files (ARM, Packer JSON, Terraform JSON) cannot carry comments: their expectations live in a sidecar
 * `<case>.expected` with one `<line> ruleid|ok <rule ids>` per line. readCase registers the sidecar under the case
 * text, and parseAnnotations uses it for that text.
 */
const SIDECARS = new Map<string, Expectations>();

export function parseSidecar(text: string): Expectations {
  const expected = new Map<number, string[]>();
  const ok = new Map<number, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(ruleid|ok)\s*:?\s*(.+?)\s*$/.exec(line);
    if (!m) continue;
    const map = m[2] === 'ruleid' ? expected : ok;
    const n = Number(m[1]);
    map.set(n, [...(map.get(n) ?? []), ...m[3]!.split(',').map((x) => x.trim()).filter(Boolean)]);
  }
  return { expected, ok };
}

/** `# ruleid: a, b` expects findings of a and b on the next line that is not itself an annotation. */
export function parseAnnotations(text: string): Expectations {
  const side = SIDECARS.get(text);
  if (side) return side;
  const lines = text.split(/\r?\n/);
  const expected = new Map<number, string[]>();
  const ok = new Map<number, string[]>();
  let pending: { kind: string; ids: string[] }[] = [];
  lines.forEach((line, i) => {
    const m = ANNOTATION.exec(line);
    if (m) {
      pending.push({ kind: m[1]!, ids: m[2]!.split(',').map((s) => s.trim()).filter(Boolean) });
      return;
    }
    for (const p of pending) {
      const map = p.kind === 'ruleid' ? expected : ok;
      map.set(i + 1, [...(map.get(i + 1) ?? []), ...p.ids]);
    }
    pending = [];
  });
  return { expected, ok };
}

/** A case file may name its target on a line of its own: `# target: azure-container-linux`. */
export function targetOfCase(text: string): string | undefined {
  return /^\s*(?:#|\/\/|;)\s*target:\s*([a-z0-9.-]+)\s*$/m.exec(text)?.[1];
}

export async function findingsFor(file: string, text: string, rules: Rule[], target = targetOfCase(text) ?? 'azurelinux-4.0'): Promise<Finding[]> {
  const facts = await adapterFor(kindOfCase(file)).analyze(file, text);
  return runRules(facts, { rules, target: loadTarget(target) });
}

/** Differences between annotations and findings, as readable lines; empty when they agree. */
export function compare(ex: Expectations, findings: Finding[], ruleIds: Set<string>): string[] {
  const problems: string[] = [];
  const actual = new Map<number, string[]>();
  for (const f of findings) actual.set(f.line, [...(actual.get(f.line) ?? []), f.ruleId]);
  for (const [line, ids] of ex.expected) {
    const got = [...(actual.get(line) ?? [])];
    for (const id of ids) {
      if (!ruleIds.has(id)) continue;
      const k = got.indexOf(id);
      if (k < 0) problems.push(`line ${line}: expected ${id}, not found`);
      else got.splice(k, 1);
    }
  }
  for (const [line, ids] of actual) {
    const want = [...(ex.expected.get(line) ?? [])];
    for (const id of ids) {
      const k = want.indexOf(id);
      if (k < 0) {
        const f = findings.find((x) => x.line === line && x.ruleId === id)!;
        problems.push(`line ${line}:${f.column}: unannotated ${id}: ${f.message}`);
      } else want.splice(k, 1);
    }
  }
  return problems;
}

export function readCase(ruleId: string, name: string): string {
  const text = readFileSync(join(RULES_DIR, ruleId, name), 'utf8');
  const side = join(RULES_DIR, ruleId, `${name}.expected`);
  if (existsSync(side)) SIDECARS.set(text, parseSidecar(readFileSync(side, 'utf8')));
  return text;
}

/** Apply the fixes of `rules` (safe ones; with `unsafe`, all) until none is left (at most 10 passes), re-analysing after each pass. */
export async function fixUntilStable(file: string, text: string, rules: Rule[], unsafe = false): Promise<string> {
  const { applyFixes } = await import('../../src/core/fixer.js');
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const findings = await findingsFor(file, current, rules);
    const fixes = findings.flatMap((f) => (f.fix && (unsafe || f.fix.safety === 'safe') ? [f.fix] : []));
    if (fixes.length === 0) return current;
    const r = applyFixes(current, fixes);
    if (r.text === current) return current;
    current = r.text;
  }
  throw new Error(`fixes did not settle after 10 passes on ${file}`);
}

/** The expected fixed counterpart of a case file: cases.x.sh -> cases.x.fixed.sh (cases.x.unsafe-fixed.sh with unsafe fixes too). */
export function fixedName(name: string, unsafe = false): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${unsafe ? 'unsafe-fixed' : 'fixed'}${name.slice(dot)}`;
}
