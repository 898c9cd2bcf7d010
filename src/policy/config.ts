import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Severity } from '../core/types.js';

/**
 * `.azl-migrate.yaml`: the project's policy. Every key is checked: an unknown key, a value of the wrong
 * type or an unknown rule id is an error (exit code 2), never silently ignored. Its JSON Schema is
 * schema/azl-migrate.schema.json (a test keeps the two in step). Reading a config file is in config-file.ts, which
 * loads the YAML parser: only a scan that has a config file loads it.
 */
export const CONFIG_FILE_NAMES = ['.azl-migrate.yaml', '.azl-migrate.yml'];

export type FailOn = Severity | 'none';

export interface RuleOverride {
  off?: true;
  severity?: Severity;
  blocker?: boolean;
}

export interface Config {
  /** The file it was read from (absolute), if any. */
  file?: string;
  target?: string;
  include?: string[];
  exclude?: string[];
  rules?: Record<string, RuleOverride>;
  /** Folders with more rules (absolute, resolved against the config file's folder). */
  ruleDirs?: string[];
  failOn?: FailOn;
  failOnBlocker?: boolean;
  /** Baseline file (absolute, resolved against the config file's folder). */
  baseline?: string;
  /** Where each key of `rules:` is written, for error messages. */
  ruleKeyAt?: Record<string, string>;
}

export const CONFIG_KEYS = ['target', 'include', 'exclude', 'rules', 'rule-dirs', 'fail-on', 'fail-on-blocker', 'baseline'] as const;
export const RULE_OVERRIDE_KEYS = ['severity', 'blocker'] as const;

export class ConfigError extends Error {}

/** The config file in `root`, if there is one. Two candidates at once is an error. */
export function findConfigFile(root: string): string | undefined {
  const found = CONFIG_FILE_NAMES.map((n) => join(root, n)).filter((p) => existsSync(p));
  if (found.length > 1) throw new ConfigError(`both ${CONFIG_FILE_NAMES.join(' and ')} exist in ${root}: keep one`);
  return found[0];
}

/** Every rule id the config names must exist. */
export function checkRuleIds(cfg: Config, known: ReadonlySet<string>): void {
  for (const id of Object.keys(cfg.rules ?? {})) {
    if (!known.has(id)) throw new ConfigError(`${cfg.ruleKeyAt?.[id] ?? cfg.file ?? 'config'}: unknown rule id "${id}" (see: azl-migrate rules)`);
  }
}

/** Apply severity and blocker overrides, and drop findings of rules turned off. Pure. */
export function applyRuleOverrides<T extends { ruleId: string; severity: Severity; blocker: boolean }>(findings: T[], rules: Record<string, RuleOverride> | undefined): T[] {
  if (!rules) return findings;
  const out: T[] = [];
  for (const f of findings) {
    const o = rules[f.ruleId];
    if (!o) out.push(f);
    else if (o.off) continue;
    else out.push({ ...f, ...(o.severity ? { severity: o.severity } : {}), ...(o.blocker !== undefined ? { blocker: o.blocker } : {}) });
  }
  return out;
}

