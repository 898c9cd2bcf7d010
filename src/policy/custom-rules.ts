import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { defineRule, type Category, type Rule, type RuleMeta } from '../core/rule.js';
import { SEVERITIES, type Severity } from '../core/types.js';
import type { FileKind } from '../core/facts.js';
import { ConfigError } from './config.js';

/**
 * Project rules from the config's `rule-dirs`: declarative `<domain>/<rule>/rule.yaml` files. They are data,
 * never code: the config lives in the scanned repository, and azl-migrate never executes anything from it.
 *
 *   id: acme/no-yum            # must equal the folder path <domain>/<rule>
 *   title: yum is banned here
 *   category: package-manager  # a category of the shipped rules
 *   severity: warning          # error | warning | info
 *   blocker: false
 *   effort: 1                  # optional, effort points per finding
 *   kinds: [dockerfile, shell] # optional
 *   help-uri: https://wiki.example/yum   # optional, shown as SARIF helpUri
 *   match:                     # one or more; a finding per matching fact
 *     command: [yum]           # command names (after sudo/env/xargs unwrapping)
 *     package: [python2]       # installed package names
 *     image: '^centos:'        # regular expression on image references
 *     path: '^/etc/yum\.repos\.d/'  # regular expression on file paths
 *   message: '{match} is not allowed'   # {match} is the matched text
 *   why: ...
 *   action: ...
 */
export const RULE_YAML_KEYS = ['id', 'title', 'category', 'severity', 'blocker', 'effort', 'kinds', 'help-uri', 'match', 'message', 'why', 'action'] as const;
const MATCH_KEYS = ['command', 'package', 'image', 'path'] as const;
const CATEGORIES: Category[] = ['package-manager', 'packages', 'base-image', 'distro-identity', 'selinux', 'crypto', 'glibc', 'python', 'systemd', 'repositories', 'conventions', 'platform'];

/** A rule's metadata with where its documentation lives, for rules that are not shipped. */
export type CustomRuleMeta = RuleMeta & { helpUri?: string };

function ruleFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(`rule-dirs: ${dir} is not a folder`);
  const out: string[] = [];
  for (const domain of readdirSync(dir, { withFileTypes: true })) {
    if (!domain.isDirectory()) continue;
    for (const rule of readdirSync(join(dir, domain.name), { withFileTypes: true })) {
      const f = join(dir, domain.name, rule.name, 'rule.yaml');
      if (rule.isDirectory() && existsSync(f)) out.push(f);
    }
  }
  return out.sort();
}

export function loadRuleDirs(dirs: string[], existing: ReadonlySet<string>): Rule[] {
  const seen = new Set(existing);
  const rules: Rule[] = [];
  for (const dir of dirs) {
    const files = ruleFiles(dir);
    if (files.length === 0) throw new ConfigError(`rule-dirs: ${dir} holds no <domain>/<rule>/rule.yaml`);
    for (const file of files) {
      const folderId = relative(dir, file).split(sep).slice(0, 2).join('/');
      const r = parseRuleYaml(readFileSync(file, 'utf8'), file, folderId);
      if (seen.has(r.meta.id)) throw new ConfigError(`${file}: rule id ${r.meta.id} is already taken`);
      seen.add(r.meta.id);
      rules.push(r);
    }
  }
  return rules;
}

/** Parse one rule.yaml into a rule. `folderId` is `<domain>/<rule>` from its folder. */
export function parseRuleYaml(text: string, file: string, folderId: string): Rule {
  let y: unknown;
  try {
    y = parse(text, { uniqueKeys: true });
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!y || typeof y !== 'object' || Array.isArray(y)) throw new ConfigError(`${file}: a rule must be a mapping`);
  const o = y as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!(RULE_YAML_KEYS as readonly string[]).includes(k)) throw new ConfigError(`${file}: unknown key "${k}" (known keys: ${RULE_YAML_KEYS.join(', ')})`);
  const str = (k: string, required = true): string | undefined => {
    const v = o[k];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || !v.trim()) throw new ConfigError(`${file}: ${k} must be a non-empty string`);
    return v;
  };
  const id = str('id')!;
  if (id !== folderId) throw new ConfigError(`${file}: id "${id}" must equal its folder path "${folderId}"`);
  const category = str('category') as Category;
  if (!CATEGORIES.includes(category)) throw new ConfigError(`${file}: category must be one of ${CATEGORIES.join(', ')}`);
  const severity = str('severity') as Severity;
  if (!SEVERITIES.includes(severity)) throw new ConfigError(`${file}: severity must be one of ${SEVERITIES.join(', ')}`);
  if (o.blocker !== undefined && typeof o.blocker !== 'boolean') throw new ConfigError(`${file}: blocker must be true or false`);
  if (o.effort !== undefined && (typeof o.effort !== 'number' || o.effort < 0)) throw new ConfigError(`${file}: effort must be a number of points, 0 or more`);
  let kinds: FileKind[] | undefined;
  if (o.kinds !== undefined) {
    if (!Array.isArray(o.kinds) || !o.kinds.every((k) => typeof k === 'string')) throw new ConfigError(`${file}: kinds must be a list of file kinds`);
    kinds = o.kinds as FileKind[];
  }
  const m = o.match as Record<string, unknown> | undefined;
  if (!m || typeof m !== 'object' || Array.isArray(m) || Object.keys(m).length === 0) throw new ConfigError(`${file}: match must map one or more of ${MATCH_KEYS.join(', ')}`);
  for (const k of Object.keys(m)) if (!(MATCH_KEYS as readonly string[]).includes(k)) throw new ConfigError(`${file}: unknown key "match.${k}" (known: ${MATCH_KEYS.join(', ')})`);
  const names = (k: string): Set<string> | undefined => {
    const v = m[k];
    if (v === undefined) return undefined;
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && x)) throw new ConfigError(`${file}: match.${k} must be a name or a list of names`);
    return new Set(list as string[]);
  };
  const regex = (k: string): RegExp | undefined => {
    const v = m[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new ConfigError(`${file}: match.${k} must be a regular expression`);
    try {
      return new RegExp(v);
    } catch (e) {
      throw new ConfigError(`${file}: match.${k}: ${(e as Error).message}`);
    }
  };
  const commands = names('command');
  const packages = names('package');
  const image = regex('image');
  const path = regex('path');
  const message = str('message')!;
  const why = str('why', false) ?? '';
  const action = str('action', false) ?? '';
  const helpUri = str('help-uri', false);
  const meta: CustomRuleMeta = {
    id,
    title: str('title')!,
    category,
    severity,
    blocker: (o.blocker as boolean | undefined) ?? false,
    fixable: false,
    ...(o.effort !== undefined ? { effort: o.effort as number } : {}),
    ...(kinds ? { kinds } : {}),
    ...(helpUri ? { helpUri } : {}),
  };
  const fill = (s: string, match: string) => s.split('{match}').join(match);
  return defineRule({
    meta,
    create(ctx) {
      const report = (span: { start: number; end: number }, exact: boolean, match: string) =>
        ctx.report({ span, exact, message: fill(message, match), why: fill(why, match), action: fill(action, match), evidence: match });
      return {
        ...(commands ? { command: (c) => void (commands.has(c.base) && report(c.nameWord.span, c.exact, c.base)) } : {}),
        ...(packages ? { package: (p) => void (packages.has(p.name) && report(p.span, p.exact, p.name)) } : {}),
        ...(image ? { image: (i) => void (image.test(i.image) && report(i.span, i.exact, i.image)) } : {}),
        ...(path ? { path: (p) => void (path.test(p.path) && report(p.span, p.exact, p.path)) } : {}),
      };
    },
  });
}
