import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FileKind } from '../core/facts.js';
import type { Rule } from '../core/rule.js';
import { loadTarget } from '../knowledge/target.js';
import { applyPolicy, type PolicyOptions } from '../policy/index.js';
import type { ScanFinding } from '../policy/model.js';
import { scanFile, DEFAULT_MAX_FILE_SIZE, type ScanResult } from '../scan.js';
import { visibleFindings } from '../reporters/json.js';
import { prepareFix, prepareSuppression, type ActionContext } from './actions.js';
import type { Prepared } from './model.js';

/**
 * What the interactive report needs from the outside world, as plain functions (tests pass fakes): read a
 * file for the code frame, prepare a fix or a suppression, and re-scan one file after it was written.
 * No Ink here.
 */
export interface UiContext {
  /** File text for the code frame, or undefined when it cannot be read. */
  readSource: (file: string) => string | undefined;
  prepareFix: (f: ScanFinding) => Promise<Prepared>;
  prepareSuppression: (f: ScanFinding, reason: string) => Promise<Prepared>;
  /** The findings of one file after it changed, with the run's policy applied (the ones a report shows). */
  rescanFile: (file: string) => Promise<ScanFinding[]>;
}

export interface SessionOptions {
  result: ScanResult;
  root: string;
  rules: Rule[];
  policy: PolicyOptions;
  maxFileSize?: number;
}

export function fileKinds(result: ScanResult): Record<string, string> {
  return Object.fromEntries(result.files.scanned.map((s) => [s.file, s.kind]));
}

export function createSession(o: SessionOptions): UiContext {
  const kinds = new Map<string, FileKind>(o.result.files.scanned.map((s) => [s.file, s.kind]));
  const target = loadTarget(o.result.target);
  const actx: ActionContext = { root: o.root, rules: o.rules, target, kindOf: (f) => kinds.get(f), now: o.policy.now };
  return {
    readSource: (file) => {
      try {
        return readFileSync(resolve(o.root, file), 'utf8');
      } catch {
        return undefined;
      }
    },
    prepareFix: (f) => prepareFix(actx, f),
    prepareSuppression: (f, reason) => prepareSuppression(actx, f, reason),
    rescanFile: async (file) => {
      const kind = kinds.get(file);
      if (!kind) return [];
      const out = await scanFile(resolve(o.root, file), file, kind, o.rules, o.result.target, o.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
      const mini: ScanResult = { ...o.result, findings: out.findings, directives: out.directives, notes: out.notes };
      const { result } = applyPolicy(mini, o.policy);
      return visibleFindings(result).filter((f) => f.file === file);
    },
  };
}
