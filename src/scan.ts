import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { discover, type Skipped } from './discovery.js';
import { adapterFor } from './languages/registry.js';
import { runRules } from './core/engine.js';
import type { Finding, FileNote } from './core/types.js';
import type { Rule } from './core/rule.js';
import type { FileKind } from './core/facts.js';
import { loadTarget, DEFAULT_TARGET } from './knowledge/target.js';
import { allRules } from './rules/index.js';
import { TOOL_VERSION } from './version.js';

export interface ScanOptions {
  root: string;
  paths?: string[];
  target?: string;
  rules?: Rule[];
  maxFileSize?: number;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ScannedFile {
  file: string;
  kind: FileKind;
}

export interface ScanResult {
  version: 1;
  tool: { name: 'azl-migrate'; version: string };
  target: string;
  root: string;
  files: { scanned: ScannedFile[]; skipped: Skipped[] };
  findings: Finding[];
  notes: FileNote[];
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** UTF-8 text, or why the file is not analysed (binary, not UTF-8). */
export function decode(buf: Uint8Array): Decoded {
  if (buf.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
}

/** Analyse one file's text and run the rules on it. Never throws: failures become notes. */
export async function scanText(file: string, kind: FileKind, text: string, rules: Rule[], targetId: string): Promise<{ findings: Finding[]; notes: FileNote[] }> {
  try {
    const facts = await adapterFor(kind).analyze(file, text);
    const findings = runRules(facts, { rules, target: loadTarget(targetId) });
    return { findings, notes: facts.notes };
  } catch (e) {
    return { findings: [], notes: [{ file, kind: 'skipped', message: `internal error while analysing this file: ${(e as Error).message}` }] };
  }
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const root = resolve(opts.root);
  const targetId = opts.target ?? DEFAULT_TARGET;
  loadTarget(targetId);
  const rules = opts.rules ?? allRules();
  const disc = await discover(root, opts.paths?.length ? opts.paths : ['.'], { maxFileSize: opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE });
  const result: ScanResult = {
    version: 1,
    tool: { name: 'azl-migrate', version: TOOL_VERSION },
    target: targetId,
    root,
    files: { scanned: [], skipped: [...disc.skipped] },
    findings: [],
    notes: [],
  };
  let done = 0;
  for (const f of disc.files) {
    opts.onProgress?.(done, disc.files.length, f.rel);
    let buf: Buffer;
    try {
      buf = await readFile(f.abs);
    } catch (e) {
      result.files.skipped.push({ file: f.rel, reason: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` });
      continue;
    }
    const d = decode(buf);
    if (!d.ok) {
      result.files.skipped.push({ file: f.rel, reason: d.reason });
      continue;
    }
    const r = await scanText(f.rel, f.kind, d.text, rules, targetId);
    result.files.scanned.push({ file: f.rel, kind: f.kind });
    result.findings.push(...r.findings);
    result.notes.push(...r.notes);
    done++;
  }
  result.files.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return result;
}
